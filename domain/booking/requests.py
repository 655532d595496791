"""A client (or carer, or roster staff for a caller) asks for a service: checking the request,
finding the providers who can do it, nominating one, or letting the agency choose (DESIGN.md §3.2).

Every use case checks the actor may act for the client and that the service is one of the
client's approved services, whoever calls it (page, API or test).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from domain import audit, clock, events, matching
from domain.accounts.access import Actor
from domain.agency import settings as agency
from domain.booking import fit, making
from domain.booking import letters as booking_notices
from domain.messaging import outbox
from domain.vocabulary import BookingStatus, OfferStatus, Recurrence
from storage import db
from storage.models import Booking, Offer, Shift
from storage.queries import recipients

assert booking_notices  # NOTE: importing it registers the message templates used here


@dataclass(frozen=True)
class Wanted:
    """What the client asks for, in agency-local dates and wall time."""

    client_id: int
    approved_service_id: int
    first_date: date
    start_time: time
    duration_minutes: int
    recurrence: Recurrence = Recurrence.ONCE
    ends_on: date | None = None
    wishes: tuple[matching.Wish, ...] | None = None  # None = the client's saved preferences
    notes: str = ""


@dataclass(frozen=True)
class Occurrence:
    """One visit the request makes: its local date and UTC span; a note when daylight saving moved it."""

    local_date: date
    starts_at: datetime
    ends_at: datetime
    time_note: str | None


@dataclass(frozen=True)
class Booked:
    booking_id: int
    number: str
    status: BookingStatus
    shift_count: int
    time_notes: tuple[str, ...]


def check(actor: Actor, wanted: Wanted) -> tuple[Occurrence, ...]:
    """Validate the request and return its visits over the rolling horizon; changes nothing.

    Raises NotAllowed (not this actor's client, or a service the client is not approved for),
    InvalidInput (duration, end before start, too far ahead, notes too long) or
    cancellation.LeadTimeTooShort (with the agency's phone number)."""
    with db.read() as session:
        chosen = making.plan(actor, wanted, clock.now(), session=session)
    return tuple(Occurrence(v.local_date, v.starts_at, v.ends_at, v.time_note) for v in chosen.visits)


def providers(actor: Actor, wanted: Wanted) -> matching.SeriesMatch:
    """The ranked providers for the request. Clients and carers get `left_out` empty; staff get
    every left-out worker with every reason."""
    with db.read() as session:
        chosen = making.plan(actor, wanted, clock.now(), session=session)
        found = matching.find_providers_for_series(
            making.to_fill(chosen), session=session, reasons=actor.is_staff
        )
    return found if actor.is_staff else matching.SeriesMatch(found.providers, ())


def nominate(actor: Actor, wanted: Wanted, worker_id: int) -> Booked:
    """Book with a nominated worker: booking OFFERED, its shifts OFFERED to (held for) the worker,
    an Offer expiring after Agency.offer_expiry_minutes, an app message to the worker and an e-mail
    to the roster department, all in one transaction. The worker is checked again inside it:
    SlotTaken if their time was just taken, NotSuitable if they no longer qualify. Visits of a
    series the worker cannot do are made unallocated for the roster department."""
    now = clock.now()
    with fit.overlap_refused(), db.write() as session:
        chosen = making.plan(actor, wanted, now, session=session)
        # Only this worker is checked again: their answer is the full search's, filtered.
        found = matching.find_providers_for_series(making.to_fill(chosen), session=session, only=(worker_id,))
        listed = fit.require_listed_in_series(found, worker_id, show_reasons=actor.is_staff)
        cannot = {day for day, _reasons in listed.cannot_do}
        held = [v for v in chosen.visits if v.local_date not in cannot]
        fit.require_free(worker_id, [(v.starts_at, v.ends_at) for v in held], (), session=session)
        booking = making.write_booking(chosen, actor, BookingStatus.OFFERED, worker_id, now, session=session)
        shifts = making.write_shifts(booking, chosen, held, worker_id, now, session=session)
        offer = _offer(booking, worker_id, held[0].starts_at, now, session)
        session.flush()  # NOTE: PostgreSQL's exclusion constraint refuses an overlap here
        _tell_offered(chosen, booking, offer, len(held), len(chosen.visits) - len(held), session)
        audit.record(session, actor.account_id, "nominate", "booking", booking.id, f"worker {worker_id}")
        booked = _booked(booking, chosen)
    _announce(shifts, booking.client_id, worker_id)
    return booked


def let_agency_choose(actor: Actor, wanted: Wanted) -> Booked:
    """Book without a worker: booking REQUESTED, its shifts UNALLOCATED, the roster department e-mailed."""
    now = clock.now()
    with db.write() as session:
        chosen = making.plan(actor, wanted, now, session=session)
        booking = making.write_booking(chosen, actor, BookingStatus.REQUESTED, None, now, session=session)
        shifts = making.write_shifts(booking, chosen, (), None, now, session=session)
        session.flush()
        outbox.queue_email(
            session,
            to=[agency.settings().roster_email],
            template="booking_requested_roster",
            context=_context(chosen, booking, len(shifts)),
        )
        audit.record(session, actor.account_id, "request", "booking", booking.id, "agency chooses")
        booked = _booked(booking, chosen)
    _announce(shifts, booking.client_id, None)
    return booked


def _offer(booking: Booking, worker_id: int, first_start: datetime, now: datetime, session: Session) -> Offer:
    """Open until the agency's offer expiry, but never past the first visit's start."""
    expires = min(now + timedelta(minutes=agency.settings().offer_expiry_minutes), first_start)
    offer = Offer(
        booking_id=booking.id,
        worker_id=worker_id,
        status=OfferStatus.PENDING,
        sent_at=now,
        expires_at=expires,
    )
    session.add(offer)
    return offer


def _context(chosen: making.Plan, booking: Booking, shifts: int, worker: str = "") -> dict[str, object]:
    return {
        "booking_number": booking.number,
        "client": chosen.place.name,
        "client_first_name": chosen.place.first_name,
        "suburb": chosen.place.suburb,
        "service": chosen.approved.service_name,
        "starts_at": chosen.visits[0].starts_at,
        "minutes": booking.duration_minutes,
        "shifts": shifts,
        "notes": booking.notes,
        "worker": worker,
    }


def _tell_offered(
    chosen: making.Plan, booking: Booking, offer: Offer, held: int, unallocated: int, session: Session
) -> None:
    worker = recipients.worker(offer.worker_id, session=session)
    context = {
        **_context(chosen, booking, held, worker.name),
        "expires_at": offer.expires_at,
        "unallocated": unallocated,
    }
    if worker.account_id is not None:
        outbox.queue_app_message(
            session, account_id=worker.account_id, template="offer_made", context=context, offer_id=offer.id
        )
    outbox.queue_email(
        session,
        to=[agency.settings().roster_email],
        template="booking_offered_roster",
        context=context,
        offer_id=offer.id,
    )


def _booked(booking: Booking, chosen: making.Plan) -> Booked:
    notes = tuple(v.time_note for v in chosen.visits if v.time_note)
    return Booked(booking.id, booking.number, booking.status, len(chosen.visits), notes)


def _announce(shifts: list[Shift], client_id: int, worker_id: int | None) -> None:
    events.publish(
        events.ShiftChanged.of([shift.id for shift in shifts], [client_id], [worker_id] if worker_id else [])
    )
