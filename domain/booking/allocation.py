"""The roster department gives an unallocated shift to a worker (the Day Manager), or every
waiting visit of a repeating booking at once."""

from dataclasses import dataclass
from datetime import datetime

from domain import action, events, matching
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.booking import fit, parties
from domain.booking.errors import NotSuitable, SlotTaken
from domain.booking.letters import ShiftAllocatedToClient, ShiftAllocatedToWorker
from domain.errors import DomainError, NotAllowed
from domain.language import _
from domain.messaging import notices
from domain.vocabulary import BookingStatus, Recurrence, ShiftStatus
from storage.models import Shift
from storage.queries import booking as queries
from storage.queries import recipients

__all__ = [
    "NotSuitable",
    "SeriesAllocated",
    "SlotTaken",
    "allocate",
    "allocate_series",
    "candidates",
    "series_waiting",
    "to_fill",
]

ALLOCATORS = access.ROSTER_ROLES


def candidates(actor: Actor, shift_id: int) -> matching.Match:
    """Roster/admin only: the ranked workers for an unallocated shift, with every left-out reason."""
    access.require_role(actor, *ALLOCATORS)
    with action.reading(actor) as act:
        shift = _unallocated(act, shift_id, for_update=False)
        return matching.find_providers_with_reasons(to_fill(act, shift), session=act.session)


@action.retried
def allocate(actor: Actor, shift_id: int, worker_id: int) -> None:
    """Roster/admin only: an UNALLOCATED shift becomes ALLOCATED to the worker; client and worker told.
    SlotTaken when the worker's time was just taken; NotSuitable when they do not qualify."""
    access.require_role(actor, *ALLOCATORS)
    with fit.overlap_refused(), action.writing(actor) as act:
        shift = _unallocated(act, shift_id, for_update=True)
        fit.require_free(worker_id, [(shift.starts_at, shift.ends_at)], [shift.id], session=act.session)
        found = matching.find_providers_with_reasons(
            to_fill(act, shift), session=act.session, only=(worker_id,)
        )
        fit.require_listed(found, worker_id, show_reasons=True)
        shift.status, shift.worker_id = ShiftStatus.ALLOCATED, worker_id
        act.session.flush()  # NOTE: PostgreSQL's exclusion constraint refuses an overlap here
        _settle_booking(act, shift)
        _tell(act, shift, worker_id)
        act.audit("allocate", "shift", shift.id, f"worker {worker_id}")
        act.announce(events.ShiftChanged.of([shift.id], [shift.client_id], [worker_id]))


@dataclass(frozen=True)
class SeriesAllocated:
    """What "Allocate the series" did: the visits now the worker's, and those left waiting, why."""

    allocated: tuple[datetime, ...]  # each visit's start, agency-local
    left: tuple[tuple[datetime, str], ...]  # (start, agency-local; why the worker cannot do it)


def series_waiting(actor: Actor, shift_id: int) -> int:
    """Roster/admin: how many visits of this shift's repeating booking, from this one on, wait for
    a worker (1 for a one-off visit)."""
    access.require_role(actor, *ALLOCATORS)
    with action.reading(actor) as act:
        shift = _unallocated(act, shift_id, for_update=False)
        booking = queries.booking(shift.booking_id, session=act.session) if shift.booking_id else None
        if booking is None or booking.recurrence == Recurrence.ONCE:
            return 1
        return queries.unallocated_count_from(booking.id, shift.starts_at, session=act.session)


@action.retried
def allocate_series(actor: Actor, shift_id: int, worker_id: int) -> SeriesAllocated:
    """Roster/admin: this visit and every later one of its booking still waiting for a worker go to
    the worker in one step, each checked as `allocate` checks one (free at that time, listed by
    matching); the visits the worker cannot do stay unallocated and are listed with the reason.
    The client and the worker get one letter about the visits allocated."""
    access.require_role(actor, *ALLOCATORS)
    with fit.overlap_refused(), action.writing(actor) as act:
        first = _unallocated(act, shift_id, for_update=True)  # locks the booking, then the shift
        series = (
            queries.unallocated_from(first.booking_id, first.starts_at, session=act.session)
            if first.booking_id is not None
            else [first]
        )
        done: list[Shift] = []
        left: list[tuple[datetime, str]] = []
        for shift in series:
            why = _why_not(act, shift, worker_id)
            if why:
                left.append((act.local(shift.starts_at), why))
                continue
            shift.status, shift.worker_id = ShiftStatus.ALLOCATED, worker_id
            act.session.flush()  # the next visit's checks see this one as the worker's
            done.append(shift)
        if done:
            _settle_booking(act, done[0])
            _tell(act, done[0], worker_id, shifts=len(done))
            act.audit(
                "allocate_series", "booking", done[0].booking_id, f"worker {worker_id}: {len(done)} visits"
            )
            act.announce(events.ShiftChanged.of([s.id for s in done], [done[0].client_id], [worker_id]))
        return SeriesAllocated(tuple(act.local(s.starts_at) for s in done), tuple(left))


def _why_not(act: Action, shift: Shift, worker_id: int) -> str:
    """Why the worker cannot do this visit ("" when they can): allocate's own two checks."""
    if queries.clashing_shift(worker_id, shift.starts_at, shift.ends_at, [shift.id], session=act.session):
        return _("they have another visit at that time")
    found = matching.find_providers_with_reasons(to_fill(act, shift), session=act.session, only=(worker_id,))
    if any(provider.worker_id == worker_id for provider in found.providers):
        return ""
    reasons = next((out.reasons for out in found.left_out if out.worker_id == worker_id), ())
    return "; ".join(reasons) or _("they do not meet this visit's requirements")


def to_fill(act: Action, shift: Shift) -> matching.ShiftToFill:
    """The engine's question for an existing shift: the booking's own preferences when it has them."""
    booking = queries.booking(shift.booking_id, session=act.session) if shift.booking_id else None
    wishes = None
    if booking is not None and booking.uses_own_preferences:
        wishes = tuple(
            matching.Wish(row.competency_id, row.characteristic_id, row.mandatory, row.weight)
            for row in queries.booking_wishes(booking.id, session=act.session)
        )
    return matching.ShiftToFill(
        client_id=shift.client_id,
        service_id=shift.service_id,
        program_id=shift.program_id,
        starts_at=shift.starts_at,
        ends_at=shift.ends_at,
        lat=shift.lat,
        lon=shift.lon,
        wishes=wishes,
        ignore_shift_ids=frozenset({shift.id}),
        booking_id=shift.booking_id,
    )


def _unallocated(act: Action, shift_id: int, *, for_update: bool) -> Shift:
    """The unallocated shift; to change it, locked after its booking (the order every booking use
    case keeps)."""
    shift = queries.shift(shift_id, session=act.session)
    if shift is None:
        raise NotAllowed()
    if for_update:
        if shift.booking_id is not None:
            queries.booking(shift.booking_id, session=act.session, for_update=True)
        shift = queries.shift(shift_id, session=act.session, for_update=True)
        assert shift is not None
    if shift.status != ShiftStatus.UNALLOCATED:
        raise DomainError(_("This visit is no longer waiting for a worker: please look at the day again."))
    return shift


def _settle_booking(act: Action, shift: Shift) -> None:
    """A booking whose visits all have a worker is allocated."""
    booking = queries.booking(shift.booking_id, session=act.session) if shift.booking_id else None
    if booking is None or booking.status not in (BookingStatus.REQUESTED, BookingStatus.UNALLOCATED):
        return
    if queries.unallocated_left(booking.id, session=act.session) == 0:
        booking.status = BookingStatus.ALLOCATED


def _tell(act: Action, shift: Shift, worker_id: int, *, shifts: int = 1) -> None:
    """The client by e-mail and the worker in the app, about this visit (and `shifts` - 1 more)."""
    booking = queries.booking(shift.booking_id, session=act.session) if shift.booking_id else None
    told = parties.of(
        act,
        booking_number=booking.number if booking else "none",
        client_id=shift.client_id,
        worker_id=worker_id,
        service_id=shift.service_id,
        starts_at=shift.starts_at,
        shifts=shifts,
        rates=[shift.bill_rate_cents],  # TODO(merge): a series' letter should carry each visit's rate
    )
    address = recipients.client_address(shift.client_id, session=act.session)
    facts = told.booking
    notices.to_client_and_worker(
        act,
        client=told.client,
        worker=told.worker,
        to_client=ShiftAllocatedToClient(facts),
        to_worker=ShiftAllocatedToWorker(facts.service, facts.client, facts.starts_at, address, shift.notes),
        shift_id=shift.id,
    )
