"""After the shift (DESIGN.md §3.4): the client approves completed work or lodges a query, which
is e-mailed to their case manager; the case manager replies and resolves it on the office side,
and the client can then approve."""

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from domain import action, events
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import DomainError, InvalidInput, NotAllowed
from domain.language import _
from domain.messaging import outbox
from domain.people import known_as
from domain.signoff.letters import QueryAnswered, ShiftQueried
from domain.visits.lines import PAGE_SIZE
from domain.vocabulary import ClientAction, Role, ShiftStatus
from storage.models import Shift, ShiftQuery
from storage.queries import shift_changes as changes
from storage.queries import signoff as signoff_queries

MAX_MESSAGE = 2000
_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
STAFF_WHO_ANSWER = access.QUERY_ROLES


@dataclass(frozen=True)
class OpenQuery:
    query_id: int
    shift_id: int
    client_id: int
    client: str
    service: str
    worker: str
    starts: datetime  # agency-local
    message: str
    raised: datetime
    reply: str
    mine: bool  # the asking case manager's own client


@action.retried
def approve(actor: Actor, shift_id: int) -> int:
    with action.writing(actor) as act:
        shift = _clients_shift(act, shift_id, ClientAction.APPROVE)
        if not _awaiting_approval(act, shift):
            raise DomainError(_why_not(shift))
        shift.status, shift.approved_at = ShiftStatus.APPROVED, act.now
        act.audit("approve", "shift", shift.id)
        act.announce(_changed(shift))
    return shift.id


@action.retried
def undo_approval(actor: Actor, shift_id: int) -> int:
    """Take back an approval until the billing job has billed the visit: it waits for approval again,
    in the stage it was approved from (queried, if it had a query), and nothing was charged yet."""
    with action.writing(actor) as act:
        shift = _clients_shift(act, shift_id, ClientAction.APPROVE)
        if shift.status == ShiftStatus.BILLED:
            raise DomainError(
                _(
                    "This visit has been billed, so its approval can no longer be undone. "
                    "Please call the agency on {phone} if something is wrong."
                ).format(phone=act.settings.phone)
            )
        if shift.status != ShiftStatus.APPROVED:
            raise DomainError(
                _("Only an approved visit that is not yet billed can have its approval undone.")
            )
        queried = changes.any_query(shift.id, session=act.session)
        shift.status, shift.approved_at = (ShiftStatus.QUERIED if queried else ShiftStatus.COMPLETED), None
        act.audit("undo_approve", "shift", shift.id)
        act.announce(_changed(shift))
    return shift.id


@action.retried
def lodge_query(actor: Actor, shift_id: int, message: str) -> int:
    """Query a completed shift; the client's case manager (else the agency's office) is e-mailed."""
    text = _message(message)
    with action.writing(actor) as act:
        shift = _clients_shift(act, shift_id, ClientAction.QUERY)
        if not _awaiting_approval(act, shift):
            raise DomainError(_why_not(shift))
        act.session.add(
            ShiftQuery(
                shift_id=shift.id, raised_by_account_id=actor.account_id, message=text, raised_at=act.now
            )
        )
        shift.status = ShiftStatus.QUERIED
        _tell_case_manager(act, shift, text)
        act.audit("query", "shift", shift.id)
        act.announce(_changed(shift))
    return shift.id


def open_queries(actor: Actor) -> list[OpenQuery]:
    """Unresolved queries, the case manager's own clients first: colleagues cover for each other."""
    access.require_role(actor, *STAFF_WHO_ANSWER)
    with action.reading(actor) as act:
        rows = signoff_queries.open_queries(actor.account_id, limit=PAGE_SIZE, session=act.session)
        return [_open_query(act, row) for row in rows]


def _open_query(act: Action, row: Any) -> OpenQuery:
    worker = f"{row.worker_first_name} {row.worker_last_name}" if row.worker_last_name else "No worker"
    return OpenQuery(
        query_id=row.id,
        shift_id=row.shift_id,
        client_id=row.client_id,
        client=known_as(row.preferred_name, row.first_name, row.last_name),
        service=row.service,
        worker=worker,
        starts=act.local(row.starts_at),
        message=row.message,
        raised=act.local(row.raised_at),
        reply=row.reply or "",
        mine=row.case_manager_account_id == act.account_id,
    )


@action.retried
def reply(actor: Actor, query_id: int, text: str, *, resolve: bool) -> int:
    """Answer a query (the client is e-mailed the answer); resolving it lets the client approve."""
    access.require_role(actor, *STAFF_WHO_ANSWER)
    answer = _message(text, field="reply")
    with action.writing(actor) as act:
        query = signoff_queries.query_for_update(query_id, session=act.session)
        if query is None or query.resolved_at is not None:
            raise DomainError("That query is already resolved.")
        shift = changes.shift(query.shift_id, session=act.session, for_update=True)
        assert shift is not None
        query.reply, query.replied_by_account_id, query.replied_at = answer, actor.account_id, act.now
        if resolve:
            query.resolved_at = act.now
        _tell_client(act, shift, query)
        act.audit("resolve" if resolve else "reply", "shift_query", query.id)
        act.announce(_changed(shift))
    return query_id


def _clients_shift(act: Action, shift_id: int, what: ClientAction) -> Shift:
    """Only the client, or their carer, signs off a shift; anyone else is told nothing about it."""
    actor = act.actor
    shift = changes.shift(shift_id, session=act.session, for_update=True)
    if (
        shift is None
        or actor is None
        or actor.role not in access.CLIENT_SIDE_ROLES
        or not access.may_act_for_client(actor, shift.client_id)
    ):
        raise NotAllowed()
    access.require(actor, shift.client_id, what)
    return shift


def _awaiting_approval(act: Action, shift: Shift) -> bool:
    if shift.status == ShiftStatus.COMPLETED:
        return True
    return shift.status == ShiftStatus.QUERIED and changes.open_query(shift.id, session=act.session) is None


def _why_not(shift: Shift) -> str:
    if shift.status == ShiftStatus.QUERIED:
        return _("Your case manager is still looking into your query about this visit.")
    if shift.status in (ShiftStatus.APPROVED, ShiftStatus.BILLED):
        return _("This visit is already approved.")
    return _("Only a visit that has taken place can be approved or queried.")


def _message(value: str | None, field: str = "message") -> str:
    """What the person wrote, line breaks kept, other control characters dropped."""
    cleaned = _CONTROL_BUT_NEWLINE.sub("", (value or "").replace("\r\n", "\n")).strip()
    if not cleaned:
        raise InvalidInput({field: _("Please write your message.")})
    if len(cleaned) > MAX_MESSAGE:
        raise InvalidInput(
            {field: _("Please keep your message under {limit} characters.").format(limit=MAX_MESSAGE)}
        )
    return cleaned


def _tell_case_manager(act: Action, shift: Shift, text: str) -> None:
    context = changes.context(shift, session=act.session)
    worker = changes.worker_name(shift.worker_id, session=act.session) or "no worker recorded"
    letter = ShiftQueried(
        client=context.client_name,
        raised_by=_name(act),
        service=context.service_name,
        when=act.local(shift.starts_at),
        worker=worker,
        message=text,
        by_client=act.actor is not None and act.actor.role == Role.CLIENT,
    )
    to = context.case_manager_email or act.settings.email
    outbox.email(act, to=[to], letter=letter, shift_id=shift.id)


def _tell_client(act: Action, shift: Shift, query: ShiftQuery) -> None:
    context = changes.context(shift, session=act.session)
    if not context.client_email:
        return
    letter = QueryAnswered(
        service=context.service_name,
        when=act.local(shift.starts_at),
        replied_by=_name(act),
        reply=query.reply or "",
        resolved=query.resolved_at is not None,
    )
    outbox.email(act, to=[context.client_email], letter=letter, shift_id=shift.id)


def _name(act: Action) -> str:
    return act.actor.display_name if act.actor else ""


def _changed(shift: Shift) -> events.ShiftChanged:
    return events.ShiftChanged.of([shift.id], [shift.client_id], [shift.worker_id])
