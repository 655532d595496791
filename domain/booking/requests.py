"""A client (or carer, or roster staff for a caller) asks for a service: checking the request,
finding the providers who can do it, nominating one, or letting the agency choose (DESIGN.md §3.2).

Every use case checks the actor may act for the client and that the service is one of the
client's approved services, whoever calls it (page, API or test).
"""

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from domain import action, events, matching
from domain.accounts.access import Actor
from domain.action import Action
from domain.booking import fit, making
from domain.booking.letters import BookingFacts, BookingOfferedToRoster, BookingRequestedToRoster, OfferMade
from domain.booking.wanted import Booked, Occurrence, Wanted
from domain.language import DEFAULT, use
from domain.messaging import outbox
from domain.pricing import quoting, words
from domain.vocabulary import BookingStatus, OfferStatus
from storage.models import Booking, Offer, Shift
from storage.queries import recipients

__all__ = [
    "Booked",
    "Occurrence",
    "Wanted",
    "beyond",
    "check",
    "let_agency_choose",
    "nominate",
    "prices",
    "providers",
]


def check(actor: Actor, wanted: Wanted) -> tuple[Occurrence, ...]:
    """Validate the request and return its visits over the rolling horizon; changes nothing.

    Raises NotAllowed (not this actor's client, or a service the client is not approved for),
    InvalidInput (duration, end before start, too far ahead, notes too long) or
    cancellation.LeadTimeTooShort (with the agency's phone number)."""
    with action.reading(actor) as act:
        chosen = making.plan(act, wanted)
        rates = making.visit_rates(act, chosen)
    return tuple(
        Occurrence(v.local_date, v.starts_at, v.ends_at, v.time_note, rate)
        for v, rate in zip(chosen.visits, rates, strict=True)
    )


def beyond(actor: Actor, wanted: Wanted) -> str:
    """The warning for a booking that goes past the approved amount left in its period (the hours
    left and what the extra costs), or "" when it fits. Changes nothing."""
    with action.reading(actor) as act:
        chosen = making.plan(act, wanted)
        found = making.beyond_approved(act, chosen)
        return found.message(act.settings.phone) if found else ""


def prices(actor: Actor, wanted: Wanted, worker_ids: Sequence[int]) -> dict[int, str]:
    """What this booking costs with each of these workers, in words ("$71.66 an hour"): the rate
    every visit will be stored with if the client chooses them (their charge level may change it)."""
    with action.reading(actor) as act:
        chosen = making.plan(act, wanted)
        levels = quoting.worker_levels(act, worker_ids)
        by_level = {level: making.visit_rates(act, chosen, level) for level in set(levels.values())}
    unit = chosen.approved.unit
    return {worker_id: words.visits(by_level[levels[worker_id]], unit) for worker_id in levels}


def providers(actor: Actor, wanted: Wanted) -> matching.SeriesMatch:
    """The ranked providers for the request. Clients and carers get `left_out` empty; staff get
    every left-out worker with every reason."""
    with action.reading(actor) as act:
        chosen = making.plan(act, wanted)
        found = matching.find_providers_for_series(
            making.to_fill(chosen), session=act.session, reasons=actor.is_staff
        )
    return found if actor.is_staff else matching.SeriesMatch(found.providers, ())


@action.retried
def nominate(actor: Actor, wanted: Wanted, worker_id: int) -> Booked:
    """Book with a nominated worker: booking OFFERED, its shifts OFFERED to (held for) the worker,
    an Offer expiring after Agency.offer_expiry_minutes, an app message to the worker and an e-mail
    to the roster department, all in one transaction. The worker is checked again inside it:
    SlotTaken if their time was just taken, NotSuitable if they no longer qualify. Visits of a
    series the worker cannot do are made unallocated for the roster department; visits past the
    approved hours wait for the staff's decision and are not offered (when every visit does, the
    booking is requested as if the agency chose, the nominated worker kept on it)."""
    with fit.overlap_refused(), action.writing(actor) as act:
        chosen = making.plan(act, wanted)
        warning, beyond = _beyond(act, chosen)
        waiting = making.waiting_dates(act, chosen)
        # Only this worker is checked again: their answer is the full search's, filtered.
        found = matching.find_providers_for_series(
            making.to_fill(chosen), session=act.session, only=(worker_id,)
        )
        listed = fit.require_listed_in_series(found, worker_id, show_reasons=actor.is_staff)
        cannot = {day for day, _reasons in listed.cannot_do}
        held = [v for v in chosen.visits if v.local_date not in cannot and v.local_date not in waiting]
        if not held:
            return _request(act, chosen, warning, beyond, waiting, worker_id)
        fit.require_free(worker_id, [(v.starts_at, v.ends_at) for v in held], (), session=act.session)
        booking = making.write_booking(act, chosen, BookingStatus.OFFERED, worker_id)
        booking.beyond_approved = beyond
        shifts = making.write_shifts(act, booking, chosen, held, worker_id, waiting)
        offer = _offer(act, booking, worker_id, held[0].starts_at)
        act.session.flush()  # NOTE: PostgreSQL's exclusion constraint refuses an overlap here
        _tell_offered(act, chosen, booking, offer, len(held), len(chosen.visits) - len(held))
        act.audit("nominate", "booking", booking.id, f"worker {worker_id}")
        _announce(act, shifts, booking.client_id, worker_id)
        return _booked(booking, chosen, shifts, warning)


@action.retried
def let_agency_choose(actor: Actor, wanted: Wanted) -> Booked:
    """Book without a worker: booking REQUESTED, its shifts UNALLOCATED (or WAITING past the approved
    hours), the roster department e-mailed."""
    with action.writing(actor) as act:
        chosen = making.plan(act, wanted)
        warning, beyond = _beyond(act, chosen)
        return _request(act, chosen, warning, beyond, making.waiting_dates(act, chosen), None)


def _request(
    act: Action,
    chosen: making.Plan,
    warning: str,
    beyond: str | None,
    waiting: frozenset[date],
    nominated: int | None,
) -> Booked:
    booking = making.write_booking(act, chosen, BookingStatus.REQUESTED, nominated)
    booking.beyond_approved = beyond
    shifts = making.write_shifts(act, booking, chosen, (), None, waiting)
    act.session.flush()
    outbox.email(
        act,
        to=[act.settings.roster_email],
        letter=BookingRequestedToRoster(_facts(chosen, booking, len(shifts))),
    )
    detail = "agency chooses" if nominated is None else f"worker {nominated}, every visit waiting"
    act.audit("request", "booking", booking.id, detail)
    _announce(act, shifts, booking.client_id, None)
    return _booked(booking, chosen, shifts, warning)


def _offer(act: Action, booking: Booking, worker_id: int, first_start: datetime) -> Offer:
    """Open until the agency's offer expiry, but never past the first visit's start."""
    expires = min(act.now + timedelta(minutes=act.settings.offer_expiry_minutes), first_start)
    offer = Offer(
        booking_id=booking.id,
        worker_id=worker_id,
        status=OfferStatus.PENDING,
        sent_at=act.now,
        expires_at=expires,
    )
    act.session.add(offer)
    return offer


def _facts(chosen: making.Plan, booking: Booking, shifts: int, worker: str = "") -> BookingFacts:
    """The booking as its letters describe it, from the checked request: no second look-up."""
    first = chosen.visits[0].starts_at
    return BookingFacts(
        booking.number, chosen.place.name, chosen.approved.service_name, first, shifts, worker
    )  # NOTE: letters to the roster department and workers carry no client price


def _tell_offered(
    act: Action, chosen: making.Plan, booking: Booking, offer: Offer, held: int, unallocated: int
) -> None:
    """The worker is asked in the app (when they can sign in); the roster department is e-mailed."""
    worker = recipients.worker(offer.worker_id, session=act.session)
    facts = _facts(chosen, booking, held, worker.name)
    if worker.account_id is not None:
        made = OfferMade(
            facts,
            chosen.place.first_name,
            chosen.place.suburb,
            booking.duration_minutes,
            offer.expires_at,
            booking.notes,
        )
        outbox.app_message(act, account_id=worker.account_id, letter=made, offer_id=offer.id)
    outbox.email(
        act,
        to=[act.settings.roster_email],
        letter=BookingOfferedToRoster(facts, offer.expires_at, unallocated),
        offer_id=offer.id,
    )


def _booked(booking: Booking, chosen: making.Plan, shifts: Sequence[Shift], warning: str) -> Booked:
    notes = tuple(v.time_note for v in chosen.visits if v.time_note)
    rates = tuple(shift.bill_rate_cents for shift in shifts)
    price = words.visits(rates, chosen.approved.unit)
    return Booked(
        booking.id, booking.number, booking.status, len(chosen.visits), notes, rates, price, warning
    )


def _beyond(act: Action, chosen: making.Plan) -> tuple[str, str | None]:
    """The client's warning, and what goes beyond for the staff's decision (domain.pricing.over_hours).
    Read before the booking's own shifts are written (they would count as used)."""
    found = making.beyond_approved(act, chosen)
    if found is None:
        return "", None
    with use(DEFAULT.code):  # the audit trail is in English, whoever books
        period = found.period
    act.audit("beyond_approved", "approved_service", chosen.approved.approved_service_id, period)
    return found.message(act.settings.phone), found.summary()


def _announce(act: Action, shifts: list[Shift], client_id: int, worker_id: int | None) -> None:
    act.announce(events.ShiftChanged.of([shift.id for shift in shifts], [client_id], [worker_id]))
