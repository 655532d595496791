"""The rolling horizon: permanent bookings get their shifts up to Agency.shift_horizon_weeks ahead,
at the same local wall time across daylight-saving changes (domain.booking.recurrence). A scheduled job,
safe to run twice: each booking is locked and extended from its `generated_until`, one action per
booking."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError

from domain import action, clock, events, matching
from domain.action import Action
from domain.booking import allocation, fit, making, parties, recurrence
from domain.booking.errors import NotSuitable, SlotTaken
from domain.booking.letters import SeriesUnallocatedToRoster
from domain.messaging import outbox
from domain.pricing import quoting
from domain.vocabulary import Recurrence, ShiftStatus
from storage.models import Booking, Shift
from storage.queries import booking as queries


@dataclass
class Made:
    shifts: list[Shift] = field(default_factory=list)
    unallocated: int = 0


def extend_series(now: datetime | None = None) -> int:
    """Generate the missing shifts of every live permanent booking; returns how many were made.
    An allocated series keeps its worker when they are free, else the new visit is UNALLOCATED
    and the roster department is told."""
    now = now or clock.now()
    with action.reading(now=now) as act:
        until = act.today + timedelta(weeks=act.settings.shift_horizon_weeks)
        due = queries.series_to_extend(until, session=act.session)
    return sum(_extend_one(booking_id, until, now) for booking_id in due)


def _extend_one(booking_id: int, until: date, now: datetime) -> int:
    with action.writing(now=now) as act:
        made = _extend(act, booking_id, until)
        if made.shifts:
            act.announce(
                events.ShiftChanged.of(
                    [s.id for s in made.shifts],
                    [made.shifts[0].client_id],
                    [s.worker_id for s in made.shifts],
                )
            )
    return len(made.shifts)


def _extend(act: Action, booking_id: int, until: date) -> Made:
    made = Made()
    booking = queries.booking(booking_id, session=act.session, for_update=True)
    if booking is None or booking.recurrence == Recurrence.ONCE or booking.generated_until is None:
        return made
    approved = queries.approved_service(booking.client_id, booking.approved_service_id, session=act.session)
    if approved is None:  # the package ended or the approval was withdrawn: no more visits
        return made
    place = queries.client_place(booking.client_id, session=act.session)
    worker_id, offer = queries.series_worker(booking, session=act.session)
    card = quoting.card(act, approved.service_id, approved.program_id, approved.rate_cents)
    level = quoting.worker_levels(act, [worker_id]).get(worker_id) if worker_id is not None else None
    for day in recurrence.dates(
        booking.first_date,
        booking.recurrence,
        until=until,
        ends_on=booking.ends_on,
        after=booking.generated_until,
    ):
        visit = recurrence.span(day, booking.start_time, booking.duration_minutes, act.zone)
        rate = quoting.visit_rate(act, card, visit.starts_at, visit.ends_at, level) or 0
        shift = making.write_shift(act, booking, approved, place, visit, None, ShiftStatus.UNALLOCATED, rate)
        act.session.flush()
        wanted = ShiftStatus.OFFERED if offer is not None else ShiftStatus.ALLOCATED
        if worker_id is not None and not _give(act, shift, worker_id, wanted):
            made.unallocated += 1
        made.shifts.append(shift)
    booking.generated_until = min(until, booking.ends_on) if booking.ends_on else until
    if made.unallocated and worker_id is not None:
        _tell_roster(act, booking, made, worker_id)
    return made


def _give(act: Action, shift: Shift, worker_id: int, status: ShiftStatus) -> bool:
    """Give the new visit to the series' worker if they are still free and suitable for it."""
    session = act.session
    try:
        fit.require_free(worker_id, [(shift.starts_at, shift.ends_at)], [shift.id], session=session)
        found = matching.find_providers(allocation.to_fill(act, shift), session=session)
        if not any(provider.worker_id == worker_id for provider in found):
            raise NotSuitable("not listed")
        with session.begin_nested():  # PostgreSQL may still refuse an overlap: undo only this one
            shift.status, shift.worker_id = status, worker_id
            session.flush()
    except (SlotTaken, NotSuitable, IntegrityError):
        shift.status, shift.worker_id = ShiftStatus.UNALLOCATED, None
        return False
    return True


def _tell_roster(act: Action, booking: Booking, made: Made, worker_id: int) -> None:
    first = next(s for s in made.shifts if s.status == ShiftStatus.UNALLOCATED)
    told = parties.of(
        act,
        booking_number=booking.number,
        client_id=booking.client_id,
        worker_id=worker_id,
        service_id=booking.service_id,
        starts_at=first.starts_at,
        shifts=made.unallocated,
    )
    outbox.email(act, to=[act.settings.roster_email], letter=SeriesUnallocatedToRoster(told.booking))
