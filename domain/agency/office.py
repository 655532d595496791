"""The office's home screen: today's shifts and what needs someone's attention."""

from dataclasses import dataclass

from domain import action
from domain.accounts.access import Actor
from domain.errors import NotAllowed
from domain.vocabulary import ShiftStatus
from storage.queries import office as office_queries
from storage.queries import shifts as shift_queries


@dataclass(frozen=True)
class AddressToCheck:
    client_id: int
    client: str
    address: str


@dataclass(frozen=True)
class OfficeOverview:
    active_clients: int
    active_workers: int
    today_by_status: dict[ShiftStatus, int]
    addresses_to_check: tuple[AddressToCheck, ...]


def overview(actor: Actor) -> OfficeOverview:
    if not actor.is_staff:
        raise NotAllowed()
    with action.reading(actor) as act:
        start, end = act.day_bounds(act.today)
        clients, workers = office_queries.active_counts(session=act.session)
        by_status = shift_queries.count_by_status_between(start, end, session=act.session)
        flagged = office_queries.addresses_to_check(session=act.session)
    return OfficeOverview(
        clients,
        workers,
        by_status,
        tuple(
            AddressToCheck(
                r.id, f"{r.first_name} {r.last_name}", f"{r.home_street}, {r.home_suburb} {r.home_postcode}"
            )
            for r in flagged
        ),
    )
