"""A support worker's own offers and shifts: the worker app pages and the JSON API share these."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from domain import action, events
from domain.accounts import access
from domain.accounts.access import Actor
from domain.errors import DomainError, InvalidInput, NotAllowed
from domain.language import _
from domain.vocabulary import Recurrence, Role, ShiftStatus
from storage.queries import booking as queries
from storage.queries import booking_worker as worker_queries

SHOWN = (ShiftStatus.ALLOCATED, ShiftStatus.COMPLETED)
MAX_DAYS = 90


@dataclass(frozen=True)
class OfferedVisit:
    local_date: date
    starts_at: datetime  # UTC
    ends_at: datetime
    time_note: str | None


@dataclass(frozen=True)
class OfferView:
    id: int
    booking_number: str
    client_first_name: str
    suburb: str
    service: str
    recurrence: Recurrence
    starts_at: datetime  # the first held visit, UTC
    ends_at: datetime
    expires_at: datetime
    notes: str
    occurrences: tuple[OfferedVisit, ...]


@dataclass(frozen=True)
class WorkerShiftView:
    id: int
    booking_number: str | None
    client_name: str
    address: str
    service: str
    starts_at: datetime  # UTC
    ends_at: datetime
    status: ShiftStatus
    notes: str
    time_note: str | None
    can_complete: bool


def pending_offers(actor: Actor) -> tuple[OfferView, ...]:
    """The worker's pending offers, soonest expiry first."""
    worker_id = _worker(actor)
    with action.reading(actor) as act:
        rows = worker_queries.pending_offers(worker_id, now=act.now, session=act.session)
    return tuple(_offer_view(row) for row in rows if row.held)


def upcoming(actor: Actor, days: int = 14) -> tuple[WorkerShiftView, ...]:
    """The worker's allocated and completed shifts from the start of today (local) for `days` days."""
    worker_id = _worker(actor)
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput({"days": _("Please ask for 1 to {n} days.").format(n=MAX_DAYS)})
    with action.reading(actor) as act:
        start, _end = act.day_bounds(act.today)
        end = start + timedelta(days=days)
        rows = worker_queries.shifts_between(worker_id, start, end, SHOWN, session=act.session)
    return tuple(_shift_view(row, act.now) for row in rows)


@action.retried
def mark_completed(actor: Actor, shift_id: int) -> None:
    """The worker's own ALLOCATED shift that has started becomes COMPLETED."""
    worker_id = _worker(actor)
    with action.writing(actor) as act:
        shift = queries.shift(shift_id, session=act.session, for_update=True)
        if shift is None or shift.worker_id != worker_id:
            raise NotAllowed()
        if shift.status == ShiftStatus.COMPLETED:
            raise DomainError(_("This shift is already marked completed."))
        if shift.status != ShiftStatus.ALLOCATED:
            raise DomainError(_("Only a shift allocated to you can be marked completed."))
        if shift.starts_at > act.now:
            raise DomainError(_("This shift has not started yet: mark it completed once it has."))
        shift.status, shift.completed_at = ShiftStatus.COMPLETED, act.now
        act.audit("complete", "shift", shift_id)
        act.announce(events.ShiftChanged.of([shift_id], [shift.client_id], [worker_id]))


def _worker(actor: Actor) -> int:
    access.require_role(actor, Role.WORKER)
    if actor.worker_id is None:
        raise NotAllowed()
    return actor.worker_id


def _offer_view(row: worker_queries.OfferRow) -> OfferView:
    visits = tuple(OfferedVisit(s.occurrence_date, s.starts_at, s.ends_at, s.time_note) for s in row.held)
    return OfferView(
        id=row.offer.id,
        booking_number=row.booking.number,
        client_first_name=row.client_first_name,
        suburb=row.suburb,
        service=row.service,
        recurrence=row.booking.recurrence,
        starts_at=visits[0].starts_at,
        ends_at=visits[0].ends_at,
        expires_at=row.offer.expires_at,
        notes=row.booking.notes,
        occurrences=visits,
    )


def _shift_view(row: worker_queries.ShiftRow, now: datetime) -> WorkerShiftView:
    shift = row.shift
    return WorkerShiftView(
        id=shift.id,
        booking_number=row.booking_number,
        client_name=row.client_name,
        address=f"{row.street}, {row.suburb}",
        service=row.service,
        starts_at=shift.starts_at,
        ends_at=shift.ends_at,
        status=shift.status,
        notes=shift.notes,
        time_note=shift.time_note,
        can_complete=shift.status == ShiftStatus.ALLOCATED and shift.starts_at <= now,
    )
