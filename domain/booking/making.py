"""Checking a request against the rules and writing its booking and shifts: what `requests`
needs twice (once to show, once inside the transaction that books)."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from domain import matching
from domain.accounts import access
from domain.accounts.access import Actor
from domain.agency import settings as agency
from domain.booking import recurrence
from domain.cancellation import rules
from domain.cancellation.rules import LeadTimeTooShort
from domain.errors import DomainError, InvalidInput, NotAllowed
from domain.vocabulary import (
    BookingSource,
    BookingStatus,
    Recurrence,
    RequirementLevel,
    Role,
    ServiceUnit,
    ShiftStatus,
)
from storage.models import Booking, Requirement, Shift
from storage.queries import booking as queries

if TYPE_CHECKING:
    from domain.booking.requests import Wanted

MAX_NOTES = 2000


@dataclass(frozen=True)
class Plan:
    """A checked request: what it books, where, and its visits over the horizon."""

    wanted: Wanted
    approved: queries.ApprovedRow
    place: queries.Place
    visits: tuple[recurrence.Span, ...]
    generated_until: date


def plan(actor: Actor, wanted: Wanted, now: datetime, *, session: Session) -> Plan:
    if actor.role == Role.WORKER or not access.may_act_for_client(actor, wanted.client_id):
        raise NotAllowed()
    approved = queries.approved_service(wanted.client_id, wanted.approved_service_id, session=session)
    if approved is None:
        raise NotAllowed("That service is not one of the services approved for this client.")
    if approved.rate_cents is None:
        raise DomainError(f"{approved.service_name} has no price yet: please call the agency to book it.")
    settings = agency.settings()
    _check_fields(wanted, now, settings)
    until = _until(wanted, now, settings)
    days = recurrence.dates(wanted.first_date, wanted.recurrence, until=until, ends_on=wanted.ends_on)
    visits = tuple(
        recurrence.span(day, wanted.start_time, wanted.duration_minutes, settings.zone) for day in days
    )
    if visits[0].starts_at <= now:  # staff skip the lead time, but nobody books the past
        raise InvalidInput({"first_date": "The first visit must be in the future."})
    if not actor.is_staff:
        _check_lead_time(visits[0].starts_at, now, settings)
    place = queries.client_place(wanted.client_id, session=session)
    return Plan(wanted, approved, place, visits, until)


def _until(wanted: Wanted, now: datetime, settings: agency.AgencySettings) -> date:
    """The last local date visits are made for now: the first visit for a once-only booking,
    the rolling horizon (at least the first visit) for a series; the job extends it later."""
    if wanted.recurrence == Recurrence.ONCE:
        return wanted.first_date
    horizon = now.astimezone(settings.zone).date() + timedelta(weeks=settings.shift_horizon_weeks)
    return max(horizon, wanted.first_date)


def _check_fields(wanted: Wanted, now: datetime, settings: agency.AgencySettings) -> None:
    wrong: dict[str, str] = {}
    if not 15 <= wanted.duration_minutes <= 24 * 60:
        wrong["duration_minutes"] = "A visit must last between 15 minutes and 24 hours."
    if wanted.recurrence != Recurrence.ONCE and wanted.ends_on and wanted.ends_on < wanted.first_date:
        wrong["ends_on"] = "The series cannot end before its first visit."
    latest = now.astimezone(settings.zone).date() + timedelta(days=settings.booking_horizon_days)
    if wanted.first_date > latest:
        wrong["first_date"] = (
            f"Bookings can be made up to {settings.booking_horizon_days // 7} weeks ahead: "
            f"please choose a date on or before {latest:%d/%m/%Y}."
        )
    if len(wanted.notes) > MAX_NOTES:
        wrong["notes"] = f"Please keep the notes under {MAX_NOTES:,} characters."
    if wanted.wishes is not None and not all(_sound(wish) for wish in wanted.wishes):
        wrong["wishes"] = "Each preference must name one competency or characteristic, weighted 1 to 10."
    if wrong:
        raise InvalidInput(wrong)


def _sound(wish: matching.Wish) -> bool:
    return (wish.competency_id is None) != (wish.characteristic_id is None) and 1 <= wish.weight <= 10


def _check_lead_time(starts_at: datetime, now: datetime, settings: agency.AgencySettings) -> None:
    if starts_at - now < timedelta(minutes=settings.booking_lead_minutes):
        raise LeadTimeTooShort(
            "This service cannot be booked online with less than "
            f"{rules.notice_words(settings.booking_lead_minutes)}: "
            f"please call the agency on {settings.phone}."
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


def write_booking(
    chosen: Plan,
    actor: Actor,
    status: BookingStatus,
    worker_id: int | None,
    now: datetime,
    *,
    session: Session,
) -> Booking:
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
        source=BookingSource.ROSTER if actor.is_staff else BookingSource.CLIENT,
        requested_by_account_id=actor.account_id,
        generated_until=chosen.generated_until,
        created_at=now,
    )
    session.add(booking)
    session.flush()
    booking.number = number(booking.id)
    for wish in wanted.wishes or ():
        session.add(_requirement(booking.id, wish))
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
    booking: Booking,
    chosen: Plan,
    held: Sequence[recurrence.Span],
    worker_id: int | None,
    now: datetime,
    *,
    session: Session,
) -> list[Shift]:
    """The booking's visits: those in `held` OFFERED to the worker, the others UNALLOCATED."""
    return [
        write_shift(
            booking,
            chosen.approved,
            chosen.place,
            visit,
            worker_id if visit in held else None,
            ShiftStatus.OFFERED if visit in held else ShiftStatus.UNALLOCATED,
            now,
            session=session,
        )
        for visit in chosen.visits
    ]


def write_shift(
    booking: Booking,
    approved: queries.ApprovedRow,
    place: queries.Place,
    visit: recurrence.Span,
    worker_id: int | None,
    status: ShiftStatus,
    now: datetime,
    *,
    session: Session,
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
        time_note=visit.time_note,
        status=status,
        lat=place.lat,
        lon=place.lon,
        bill_units=bill_units(approved.unit, booking.duration_minutes),
        bill_rate_cents=approved.rate_cents or 0,
        notes=booking.notes,
        created_at=now,
    )
    session.add(shift)
    return shift


def bill_units(unit: ServiceUnit, minutes: int) -> int:
    """Hundredths of the service's unit: 90 minutes of an hourly service is 150."""
    return round(minutes * 100 / 60) if unit == ServiceUnit.HOUR else 100
