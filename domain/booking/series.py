"""The rolling horizon: permanent bookings get their shifts up to Agency.shift_horizon_weeks ahead,
at the same local wall time across daylight-saving changes (domain.booking.recurrence). A scheduled job,
safe to run twice: each booking is locked and extended from its `generated_until`."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from domain import clock, events, matching
from domain.agency import settings as agency
from domain.booking import allocation, fit, making, recurrence
from domain.booking import letters as booking_notices
from domain.booking.errors import NotSuitable, SlotTaken
from domain.messaging import outbox
from domain.vocabulary import Recurrence, ShiftStatus
from storage import db
from storage.models import Booking, Shift
from storage.queries import booking as queries
from storage.queries import recipients

assert booking_notices  # NOTE: importing it registers the message templates used here


@dataclass
class Made:
    shifts: list[Shift] = field(default_factory=list)
    unallocated: int = 0


def extend_series(now: datetime | None = None) -> int:
    """Generate the missing shifts of every live permanent booking; returns how many were made.
    An allocated series keeps its worker when they are free, else the new visit is UNALLOCATED
    and the roster department is told."""
    now = now or clock.now()
    settings = agency.settings()
    until = now.astimezone(settings.zone).date() + timedelta(weeks=settings.shift_horizon_weeks)
    with db.read() as session:
        due = queries.series_to_extend(until, session=session)
    total = 0
    for booking_id in due:
        with db.write() as session:
            made = _extend(booking_id, until, now, session)
        total += len(made.shifts)
        if made.shifts:
            events.publish(
                events.ShiftChanged.of(
                    [s.id for s in made.shifts],
                    [made.shifts[0].client_id],
                    sorted({s.worker_id for s in made.shifts if s.worker_id}),
                )
            )
    return total


def _extend(booking_id: int, until: date, now: datetime, session: Session) -> Made:
    made = Made()
    booking = queries.booking(booking_id, session=session, for_update=True)
    if booking is None or booking.recurrence == Recurrence.ONCE or booking.generated_until is None:
        return made
    approved = queries.approved_service(booking.client_id, booking.approved_service_id, session=session)
    if approved is None:  # the package ended or the approval was withdrawn: no more visits
        return made
    place = queries.client_place(booking.client_id, session=session)
    worker_id, offer = queries.series_worker(booking, session=session)
    zone = agency.settings().zone
    for day in recurrence.dates(
        booking.first_date,
        booking.recurrence,
        until=until,
        ends_on=booking.ends_on,
        after=booking.generated_until,
    ):
        visit = recurrence.span(day, booking.start_time, booking.duration_minutes, zone)
        shift = making.write_shift(
            booking, approved, place, visit, None, ShiftStatus.UNALLOCATED, now, session=session
        )
        session.flush()
        wanted = ShiftStatus.OFFERED if offer is not None else ShiftStatus.ALLOCATED
        if worker_id is not None and not _give(shift, worker_id, wanted, session):
            made.unallocated += 1
        made.shifts.append(shift)
    booking.generated_until = min(until, booking.ends_on) if booking.ends_on else until
    if made.unallocated and worker_id is not None:
        _tell_roster(booking, made, worker_id, session)
    return made


def _give(shift: Shift, worker_id: int, status: ShiftStatus, session: Session) -> bool:
    """Give the new visit to the series' worker if they are still free and suitable for it."""
    try:
        fit.require_free(worker_id, [(shift.starts_at, shift.ends_at)], [shift.id], session=session)
        found = matching.find_providers(allocation.to_fill(shift, session), session=session)
        if not any(provider.worker_id == worker_id for provider in found):
            raise NotSuitable("not listed")
        with session.begin_nested():  # PostgreSQL may still refuse an overlap: undo only this one
            shift.status, shift.worker_id = status, worker_id
            session.flush()
    except (SlotTaken, NotSuitable, IntegrityError):
        shift.status, shift.worker_id = ShiftStatus.UNALLOCATED, None
        return False
    return True


def _tell_roster(booking: Booking, made: Made, worker_id: int, session: Session) -> None:
    first = next(s for s in made.shifts if s.status == ShiftStatus.UNALLOCATED)
    outbox.queue_email(
        session,
        to=[agency.settings().roster_email],
        template="series_unallocated_roster",
        context={
            "booking_number": booking.number,
            "client": recipients.client(booking.client_id, session=session).name,
            "service": recipients.service_name(booking.service_id, session=session),
            "starts_at": first.starts_at,
            "shifts": made.unallocated,
            "worker": recipients.worker(worker_id, session=session).name,
        },
    )
