"""The roster department gives an unallocated shift to a worker (the Day Manager)."""

from domain import action, events, matching
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.booking import fit, parties
from domain.booking.errors import NotSuitable, SlotTaken
from domain.booking.letters import ShiftAllocatedToClient, ShiftAllocatedToWorker
from domain.errors import DomainError, NotAllowed
from domain.messaging import notices
from domain.vocabulary import BookingStatus, Role, ShiftStatus
from storage.models import Shift
from storage.queries import booking as queries
from storage.queries import recipients

__all__ = ["NotSuitable", "SlotTaken", "allocate", "candidates", "to_fill"]

ALLOCATORS = (Role.ROSTER, Role.ADMIN)


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
        raise DomainError("This visit is no longer waiting for a worker: please look at the day again.")
    return shift


def _settle_booking(act: Action, shift: Shift) -> None:
    """A booking whose visits all have a worker is allocated."""
    booking = queries.booking(shift.booking_id, session=act.session) if shift.booking_id else None
    if booking is None or booking.status not in (BookingStatus.REQUESTED, BookingStatus.UNALLOCATED):
        return
    if queries.unallocated_left(booking.id, session=act.session) == 0:
        booking.status = BookingStatus.ALLOCATED


def _tell(act: Action, shift: Shift, worker_id: int) -> None:
    """The client by e-mail and the worker in the app, about this one visit."""
    booking = queries.booking(shift.booking_id, session=act.session) if shift.booking_id else None
    told = parties.of(
        act,
        booking_number=booking.number if booking else "none",
        client_id=shift.client_id,
        worker_id=worker_id,
        service_id=shift.service_id,
        starts_at=shift.starts_at,
        shifts=1,
        rates=[shift.bill_rate_cents],
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
