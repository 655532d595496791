"""The workers a client never wants offered again (DESIGN §2 "Client preferences"): blocked from a
provider card or a past visit, and unblocked, each asked first on screen and audited here. A blocked
worker is left out of every search at once (matching reads the client's blocked workers each time);
visits already booked with them stay as they are (the agency can change those)."""

from dataclasses import dataclass
from datetime import datetime

from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import DomainError, InvalidInput
from domain.language import _
from domain.people import known_as
from domain.vocabulary import ClientAction, ClientWorkerRelation
from storage.queries import preferences as queries

PAST_WORKERS = 20
MAX_NOTE = 200


@dataclass(frozen=True)
class PastWorker:
    worker_id: int
    name: str
    last_visit: datetime  # agency-local
    relation: ClientWorkerRelation | None


def past_workers(actor: Actor, client_id: int) -> tuple[PastWorker, ...]:
    """Who came to the client's past visits, the most recent first, and whether preferred or blocked."""
    access.require(actor, client_id, ClientAction.VIEW)
    with action.reading(actor) as act:
        rows = queries.past_visit_workers(client_id, PAST_WORKERS, session=act.session)
        related = {row.worker_id: row.relation for row in queries.workers(client_id, session=act.session)}
        return tuple(
            PastWorker(
                row.worker_id,
                known_as(row.preferred_name, row.first_name, row.last_name),
                act.local(row.last_visit),
                related.get(row.worker_id),
            )
            for row in rows
        )


def block(actor: Actor, client_id: int, worker_id: int, note: str = "") -> str:
    """Never offer this worker to the client again (a preferred worker stops being preferred);
    returns the worker's name. An unknown worker or an overlong note changes nothing."""
    access.require(actor, client_id, ClientAction.BOOK)
    cleaned = " ".join((note or "").split())
    if len(cleaned) > MAX_NOTE:
        raise InvalidInput({"note": _("Please keep the note under {n} characters.").format(n=MAX_NOTE)})
    with action.writing(actor) as act:
        name = _name(act, worker_id)
        queries.set_relation(client_id, worker_id, ClientWorkerRelation.BLOCKED, cleaned, session=act.session)
        act.audit("block_worker", "client", client_id, f"worker {worker_id}")
    return name


def unblock(actor: Actor, client_id: int, worker_id: int) -> str:
    """The worker may be offered to the client again; returns their name."""
    access.require(actor, client_id, ClientAction.BOOK)
    with action.writing(actor) as act:
        name = _name(act, worker_id)
        found = queries.relation(client_id, worker_id, session=act.session)
        if found is None or found.relation != ClientWorkerRelation.BLOCKED:
            raise DomainError(_("{name} is not blocked.").format(name=name))
        queries.drop_relation(client_id, worker_id, session=act.session)
        act.audit("unblock_worker", "client", client_id, f"worker {worker_id}")
    return name


def _name(act: Action, worker_id: int) -> str:
    row = queries.worker(worker_id, session=act.session)
    if row is None:
        raise InvalidInput({"worker": _("That worker is not one we know about.")})
    return known_as(row.preferred_name, row.first_name, row.last_name)
