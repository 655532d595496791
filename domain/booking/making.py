"""Checking a request against the rules and writing its booking and shifts: what `requests`
needs twice (once to show, once inside the transaction that books)."""

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from domain import matching
from domain.accounts import access
from domain.action import Action
from domain.booking import catalogue, recurrence
from domain.booking.wanted import Wanted
from domain.cancellation import rules
from domain.cancellation.rules import LeadTimeTooShort
from domain.errors import DomainError, InvalidInput, NotAllowed
from domain.language import _, ngettext
from domain.pricing import allowance, quoting
from domain.pricing.rates import RateCard
from domain.vocabulary import (
    BookingSource,
    BookingStatus,
    ClientAction,
    Recurrence,
    RequirementLevel,
    Role,
    ServiceUnit,
    ShiftStatus,
)
from storage.models import Booking, Requirement, Shift
from storage.queries import booking as queries
from storage.queries import catalogue as catalogue_queries
from storage.queries.catalogue import UsageWindow

MAX_NOTES = 2000


@dataclass(frozen=True)
class Plan:
    """A checked request: what it books, where, and its visits over the horizon."""

    wanted: Wanted
    approved: queries.ApprovedRow
    place: queries.Place
    visits: tuple[recurrence.Span, ...]
    generated_until: date
    card: RateCard  # the service's rates under the client's program (domain.pricing)


def plan(act: Action, wanted: Wanted) -> Plan:
    actor = act.actor
    if actor is None or actor.role == Role.WORKER:
        raise NotAllowed()
    access.require(actor, wanted.client_id, ClientAction.BOOK)
    approved = queries.approved_service(wanted.client_id, wanted.approved_service_id, session=act.session)
    if approved is None:
        raise NotAllowed(_("That service is not one of the services approved for this client."))
    card = quoting.card(act, approved.service_id, approved.program_id, approved.rate_cents)
    if not card.priced:
        raise DomainError(
            _("{service} has no price yet: please call the agency to book it.").format(
                service=approved.service_name
            )
        )
    _check_fields(act, wanted)
    until = _until(act, wanted)
    days = recurrence.dates(wanted.first_date, wanted.recurrence, until=until, ends_on=wanted.ends_on)
    visits = tuple(recurrence.span(day, wanted.start_time, wanted.duration_minutes, act.zone) for day in days)
    if visits[0].starts_at <= act.now:  # staff skip the lead time, but nobody books the past
        raise InvalidInput({"first_date": _("The first visit must be in the future.")})
    if not actor.is_staff:
        _check_lead_time(act, visits[0].starts_at)
    place = queries.client_place(wanted.client_id, session=act.session)
    return Plan(wanted, approved, place, visits, until, card)


@dataclass(frozen=True)
class _Period:
    window: UsageWindow
    used: int  # hundredths of a unit already used in it, before this booking
    visits: list[tuple[recurrence.Span, int, int]]  # (visit, units, rate), in order


def _periods(act: Action, chosen: Plan) -> list[_Period]:
    """The booking's visits grouped by the approved service's budget period, with what is used."""
    approved, unit = chosen.approved, chosen.approved.unit
    plan_dates = (approved.package_starts_on, approved.package_ends_on)
    by_period: dict[tuple[date, date], list[tuple[recurrence.Span, int, int]]] = {}
    for visit, rate in zip(chosen.visits, visit_rates(act, chosen), strict=True):
        bounds = catalogue.period_bounds(approved.period, visit.local_date, plan_dates)
        units = bill_units(unit, chosen.wanted.duration_minutes)
        by_period.setdefault(bounds, []).append((visit, units, rate))
    windows = [
        UsageWindow(n, approved.package_id, approved.service_id, first, last)
        for n, (first, last) in enumerate(by_period)
    ]
    used = catalogue_queries.units_used(chosen.wanted.client_id, windows, session=act.session)
    return [
        _Period(window, used[window.key], visits)
        for window, visits in zip(windows, by_period.values(), strict=True)
    ]


def waiting_dates(act: Action, chosen: Plan) -> frozenset[date]:
    """The local dates of the visits that go past what is left of the approved amount: they wait for
    the staff's decision instead of being offered or allocated. Read before the booking's own
    shifts are written (they would count as used)."""
    total = chosen.approved.units_per_period
    return frozenset(
        visit.local_date
        for period in _periods(act, chosen)
        for (visit, _units, _rate), waits in zip(
            period.visits,
            allowance.past_what_is_left(total, period.used, [units for _v, units, _r in period.visits]),
            strict=True,
        )
        if waits
    )


def beyond_approved(act: Action, chosen: Plan) -> allowance.Beyond | None:
    """The first budget period in which the booking's visits go past what is left, if any: the client
    is warned (hours left, extra cost) before booking, and the confirmation repeats it."""
    approved, unit = chosen.approved, chosen.approved.unit
    for found in _periods(act, chosen):
        window, visits = found.window, [(units, rate) for _visit, units, rate in found.visits]
        left, extra_units, extra_cents = allowance.beyond(approved.units_per_period, found.used, visits)
        if extra_units:
            return allowance.Beyond(
                approved.period, window.first, window.last, left, extra_units, extra_cents, unit
            )
    return None


def visit_rates(act: Action, chosen: Plan, worker_level: int | None = None) -> tuple[int, ...]:
    """The bill rate of each visit of the plan, with a worker of that level (None: not chosen yet)."""
    return tuple(
        quoting.visit_rate(act, chosen.card, v.starts_at, v.ends_at, worker_level) or 0 for v in chosen.visits
    )


def _until(act: Action, wanted: Wanted) -> date:
    """The last local date visits are made for now: the first visit for a once-only booking,
    the rolling horizon (at least the first visit) for a series; the job extends it later."""
    if wanted.recurrence == Recurrence.ONCE:
        return wanted.first_date
    horizon = act.today + timedelta(weeks=act.settings.shift_horizon_weeks)
    return max(horizon, wanted.first_date)


def _check_fields(act: Action, wanted: Wanted) -> None:
    settings = act.settings
    wrong: dict[str, str] = {}
    if not 15 <= wanted.duration_minutes <= 24 * 60:
        wrong["duration_minutes"] = _("A visit must last between 15 minutes and 24 hours.")
    if wanted.recurrence != Recurrence.ONCE and wanted.ends_on and wanted.ends_on < wanted.first_date:
        wrong["ends_on"] = _("The series cannot end before its first visit.")
    latest = act.today + timedelta(days=settings.booking_horizon_days)
    if wanted.first_date > latest:
        weeks = settings.booking_horizon_days // 7
        wrong["first_date"] = ngettext(
            "Bookings can be made up to {n} week ahead: please choose a date on or before {date}.",
            "Bookings can be made up to {n} weeks ahead: please choose a date on or before {date}.",
            weeks,
        ).format(n=weeks, date=f"{latest:%d/%m/%Y}")
    if len(wanted.notes) > MAX_NOTES:
        wrong["notes"] = _("Please keep the notes under {n} characters.").format(n=f"{MAX_NOTES:,}")
    if wanted.wishes is not None and not all(_sound(wish) for wish in wanted.wishes):
        wrong["wishes"] = _("Each preference must name one competency or characteristic, weighted 1 to 10.")
    if wrong:
        raise InvalidInput(wrong)


def _sound(wish: matching.Wish) -> bool:
    return (wish.competency_id is None) != (wish.characteristic_id is None) and 1 <= wish.weight <= 10


def _check_lead_time(act: Action, starts_at: datetime) -> None:
    lead_minutes = act.settings.booking_lead_minutes
    if starts_at - act.now < timedelta(minutes=lead_minutes):
        raise LeadTimeTooShort(
            _(
                "This service cannot be booked online with less than {notice}: "
                "please call the agency on {phone}."
            ).format(notice=rules.notice_words(lead_minutes), phone=act.settings.phone)
        )


def to_fill(chosen: Plan, visits: Sequence[recurrence.Span] | None = None) -> list[matching.ShiftToFill]:
    approved = chosen.approved
    return [
        matching.ShiftToFill(
            client_id=chosen.wanted.client_id,
            service_id=approved.service_id,
            program_id=approved.program_id,
            starts_at=visit.starts_at,
            ends_at=visit.ends_at,
            lat=chosen.place.lat,
            lon=chosen.place.lon,
            wishes=chosen.wanted.wishes,
        )
        for visit in (chosen.visits if visits is None else visits)
    ]


def write_booking(act: Action, chosen: Plan, status: BookingStatus, worker_id: int | None) -> Booking:
    """The booking row, numbered once its id is known, with its own preferences when it has them."""
    staff = act.actor is not None and act.actor.is_staff
    wanted, approved = chosen.wanted, chosen.approved
    booking = Booking(
        number=f"NEW-{secrets.token_hex(8)}",  # unique until replaced below, once the id is known
        client_id=wanted.client_id,
        approved_service_id=approved.approved_service_id,
        service_id=approved.service_id,
        package_id=approved.package_id,
        first_date=wanted.first_date,
        start_time=wanted.start_time,
        duration_minutes=wanted.duration_minutes,
        recurrence=wanted.recurrence,
        ends_on=wanted.ends_on if wanted.recurrence != Recurrence.ONCE else None,
        nominated_worker_id=worker_id,
        uses_own_preferences=wanted.wishes is not None,
        notes=wanted.notes.strip(),
        status=status,
        source=BookingSource.ROSTER if staff else BookingSource.CLIENT,
        requested_by_account_id=act.account_id,
        generated_until=chosen.generated_until,
        created_at=act.now,
    )
    act.session.add(booking)
    act.session.flush()
    booking.number = number(booking.id)
    for wish in wanted.wishes or ():
        act.session.add(_requirement(booking.id, wish))
    return booking


def number(booking_id: int) -> str:
    """Readable and unique because the id is: BK000123."""
    return f"BK{booking_id:06d}"


def _requirement(booking_id: int, wish: matching.Wish) -> Requirement:
    return Requirement(
        level=RequirementLevel.BOOKING,
        booking_id=booking_id,
        competency_id=wish.competency_id,
        characteristic_id=wish.characteristic_id,
        mandatory=wish.mandatory,
        weight=wish.weight,
    )


def write_shifts(
    act: Action,
    booking: Booking,
    chosen: Plan,
    held: Sequence[recurrence.Span],
    worker_id: int | None,
    waiting: frozenset[date] = frozenset(),
) -> list[Shift]:
    """The booking's visits: those in `held` OFFERED to the worker, those on a `waiting` date WAITING
    (past the approved amount, for the staff's decision), the others UNALLOCATED; each at the rate
    decided now (the worker's level for the held ones), kept whatever happens later."""
    level = quoting.worker_levels(act, [worker_id]).get(worker_id) if worker_id is not None else None
    with_worker, without = visit_rates(act, chosen, level), visit_rates(act, chosen)
    return [
        write_shift(
            act,
            booking,
            chosen.approved,
            chosen.place,
            visit,
            worker_id if visit in held else None,
            ShiftStatus.OFFERED
            if visit in held
            else ShiftStatus.WAITING
            if visit.local_date in waiting
            else ShiftStatus.UNALLOCATED,
            with_worker[n] if visit in held else without[n],
        )
        for n, visit in enumerate(chosen.visits)
    ]


def write_shift(
    act: Action,
    booking: Booking,
    approved: queries.ApprovedRow,
    place: queries.Place,
    visit: recurrence.Span,
    worker_id: int | None,
    status: ShiftStatus,
    rate_cents: int,
) -> Shift:
    shift = Shift(
        booking_id=booking.id,
        occurrence_date=visit.local_date,
        client_id=booking.client_id,
        worker_id=worker_id,
        service_id=approved.service_id,
        program_id=approved.program_id,
        package_id=approved.package_id,
        starts_at=visit.starts_at,
        ends_at=visit.ends_at,
        time_note=visit.stored_note,  # in English: staff, the worker and the client all read it
        status=status,
        lat=place.lat,
        lon=place.lon,
        bill_units=bill_units(approved.unit, booking.duration_minutes),
        bill_rate_cents=rate_cents,
        notes=booking.notes,
        created_at=act.now,
    )
    act.session.add(shift)
    return shift


def bill_units(unit: ServiceUnit, minutes: int) -> int:
    """Hundredths of the service's unit: 90 minutes of an hourly service is 150."""
    return round(minutes * 100 / 60) if unit == ServiceUnit.HOUR else 100
