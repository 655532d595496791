"""After the shift (DESIGN.md §3.4): the client approves completed work or lodges a query, which
is e-mailed to their case manager; the case manager replies and resolves it on the office side,
and the client can then approve."""

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from domain import audit, clock, events
from domain.accounts import access
from domain.accounts.access import Actor
from domain.agency import local_time
from domain.agency import settings as agency
from domain.errors import DomainError, InvalidInput, NotAllowed
from domain.messaging import outbox
from domain.people import known_as
from domain.visits import messages
from domain.visits.lines import PAGE_SIZE
from domain.vocabulary import Role, ShiftStatus
from storage import db
from storage.models import Shift, ShiftQuery
from storage.queries import shift_changes as changes
from storage.queries import signoff as signoff_queries

MAX_MESSAGE = 2000
_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
STAFF_WHO_ANSWER = (Role.CASE_MANAGER, Role.ADMIN)


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


def approve(actor: Actor, shift_id: int) -> int:
    with db.write() as session:
        shift = _clients_shift(actor, shift_id, session)
        if not _awaiting_approval(shift, session):
            raise DomainError(_why_not(shift))
        shift.status, shift.approved_at = ShiftStatus.APPROVED, clock.now()
        audit.record(session, actor.account_id, "approve", "shift", shift.id)
    _changed(shift)
    return shift.id


def lodge_query(actor: Actor, shift_id: int, message: str) -> int:
    """Query a completed shift; the client's case manager (else the agency's office) is e-mailed."""
    text = _message(message)
    now = clock.now()
    with db.write() as session:
        shift = _clients_shift(actor, shift_id, session)
        if not _awaiting_approval(shift, session):
            raise DomainError(_why_not(shift))
        session.add(
            ShiftQuery(shift_id=shift.id, raised_by_account_id=actor.account_id, message=text, raised_at=now)
        )
        shift.status = ShiftStatus.QUERIED
        context = changes.context(shift, session=session)
        outbox.queue_email(
            session,
            to=[context.case_manager_email or agency.settings().email],
            template="shift_queried",
            shift_id=shift.id,
            context={
                "client": context.client_name,
                "raised_by": actor.display_name,
                "service": context.service_name,
                "when": messages.when(local_time.local(shift.starts_at)),
                "worker": changes.worker_name(shift.worker_id, session=session) or "no worker recorded",
                "message": text,
            },
        )
        audit.record(session, actor.account_id, "query", "shift", shift.id)
    _changed(shift)
    return shift.id


def open_queries(actor: Actor) -> list[OpenQuery]:
    """Unresolved queries, the case manager's own clients first: colleagues cover for each other."""
    access.require_role(actor, *STAFF_WHO_ANSWER)
    with db.read() as session:
        rows = signoff_queries.open_queries(actor.account_id, limit=PAGE_SIZE, session=session)
    return [
        OpenQuery(
            query_id=row.id,
            shift_id=row.shift_id,
            client_id=row.client_id,
            client=known_as(row.preferred_name, row.first_name, row.last_name),
            service=row.service,
            worker=f"{row.worker_first_name} {row.worker_last_name}" if row.worker_last_name else "No worker",
            starts=local_time.local(row.starts_at),
            message=row.message,
            raised=local_time.local(row.raised_at),
            reply=row.reply or "",
            mine=row.case_manager_account_id == actor.account_id,
        )
        for row in rows
    ]


def reply(actor: Actor, query_id: int, text: str, *, resolve: bool) -> int:
    """Answer a query (the client is e-mailed the answer); resolving it lets the client approve."""
    access.require_role(actor, *STAFF_WHO_ANSWER)
    answer = _message(text, field="reply")
    now = clock.now()
    with db.write() as session:
        query = signoff_queries.query_for_update(query_id, session=session)
        if query is None or query.resolved_at is not None:
            raise DomainError("That query is already resolved.")
        shift = changes.shift(query.shift_id, session=session, for_update=True)
        assert shift is not None
        query.reply, query.replied_by_account_id, query.replied_at = answer, actor.account_id, now
        if resolve:
            query.resolved_at = now
        _tell_client(session, actor, shift, answer, resolve)
        audit.record(session, actor.account_id, "resolve" if resolve else "reply", "shift_query", query.id)
    _changed(shift)
    return query_id


def _clients_shift(actor: Actor, shift_id: int, session: Session) -> Shift:
    """Only the client, or their carer, signs off a shift; anyone else is told nothing about it."""
    shift = changes.shift(shift_id, session=session, for_update=True)
    if (
        shift is None
        or actor.role not in access.CLIENT_SIDE_ROLES
        or not access.may_act_for_client(actor, shift.client_id)
    ):
        raise NotAllowed()
    return shift


def _awaiting_approval(shift: Shift, session: Session) -> bool:
    if shift.status == ShiftStatus.COMPLETED:
        return True
    return shift.status == ShiftStatus.QUERIED and changes.open_query(shift.id, session=session) is None


def _why_not(shift: Shift) -> str:
    if shift.status == ShiftStatus.QUERIED:
        return "Your case manager is still looking into your query about this visit."
    if shift.status in (ShiftStatus.APPROVED, ShiftStatus.BILLED):
        return "This visit is already approved."
    return "Only a visit that has taken place can be approved or queried."


def _message(value: str | None, field: str = "message") -> str:
    """What the person wrote, line breaks kept, other control characters dropped."""
    cleaned = _CONTROL_BUT_NEWLINE.sub("", (value or "").replace("\r\n", "\n")).strip()
    if not cleaned:
        raise InvalidInput({field: "Please write your message."})
    if len(cleaned) > MAX_MESSAGE:
        raise InvalidInput({field: f"Please keep your message under {MAX_MESSAGE} characters."})
    return cleaned


def _tell_client(session: Session, actor: Actor, shift: Shift, answer: str, resolved: bool) -> None:
    context = changes.context(shift, session=session)
    if not context.client_email:
        return
    outbox.queue_email(
        session,
        to=[context.client_email],
        template="shift_query_answered",
        shift_id=shift.id,
        context={
            "service": context.service_name,
            "when": messages.when(local_time.local(shift.starts_at)),
            "replied_by": actor.display_name,
            "reply": answer,
            "resolved": resolved,
        },
    )


def _changed(shift: Shift) -> None:
    events.publish(
        events.ShiftChanged.of([shift.id], [shift.client_id], [shift.worker_id] if shift.worker_id else [])
    )
