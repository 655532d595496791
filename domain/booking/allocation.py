"""The roster department gives an unallocated shift to a worker (the Day Manager)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from domain import audit, events, matching
from domain.accounts import access
from domain.accounts.access import Actor
from domain.booking import fit
from domain.booking import letters as booking_notices
from domain.booking.errors import NotSuitable, SlotTaken
from domain.errors import DomainError, NotAllowed
from domain.messaging import notices
from domain.vocabulary import BookingStatus, Role, ShiftStatus
from storage import db
from storage.models import Shift
from storage.queries import booking as queries
from storage.queries import recipients

__all__ = ["NotSuitable", "SlotTaken", "allocate", "candidates", "to_fill"]
assert booking_notices  # NOTE: importing it registers the message templates used here

ALLOCATORS = (Role.ROSTER, Role.ADMIN)


def candidates(actor: Actor, shift_id: int) -> matching.Match:
    """Roster/admin only: the ranked workers for an unallocated shift, with every left-out reason."""
    access.require_role(actor, *ALLOCATORS)
    with db.read() as session:
        shift = _unallocated(shift_id, session, for_update=False)
        return matching.find_providers_with_reasons(to_fill(shift, session), session=session)


def allocate(actor: Actor, shift_id: int, worker_id: int) -> None:
    """Roster/admin only: an UNALLOCATED shift becomes ALLOCATED to the worker; client and worker told.
    SlotTaken when the worker's time was just taken; NotSuitable when they do not qualify."""
    access.require_role(actor, *ALLOCATORS)
    with fit.overlap_refused(), db.write() as session:
        shift = _unallocated(shift_id, session, for_update=True)
        fit.require_free(worker_id, [(shift.starts_at, shift.ends_at)], [shift.id], session=session)
        found = matching.find_providers_with_reasons(
            to_fill(shift, session), session=session, only=(worker_id,)
        )
        fit.require_listed(found, worker_id, show_reasons=True)
        shift.status, shift.worker_id = ShiftStatus.ALLOCATED, worker_id
        session.flush()  # NOTE: PostgreSQL's exclusion constraint refuses an overlap here
        _settle_booking(shift, session)
        _tell(shift, session)
        audit.record(session, actor.account_id, "allocate", "shift", shift.id, f"worker {worker_id}")
    events.publish(events.ShiftChanged.of([shift.id], [shift.client_id], [worker_id]))


def to_fill(shift: Shift, session: Session) -> matching.ShiftToFill:
    """The engine's question for an existing shift: the booking's own preferences when it has them."""
    booking = queries.booking(shift.booking_id, session=session) if shift.booking_id else None
    wishes = None
    if booking is not None and booking.uses_own_preferences:
        wishes = tuple(
            matching.Wish(row.competency_id, row.characteristic_id, row.mandatory, row.weight)
            for row in queries.booking_wishes(booking.id, session=session)
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


def _unallocated(shift_id: int, session: Session, *, for_update: bool) -> Shift:
    shift = queries.shift(shift_id, session=session, for_update=for_update)
    if shift is None:
        raise NotAllowed()
    if shift.status != ShiftStatus.UNALLOCATED:
        raise DomainError("This visit is no longer waiting for a worker: please look at the day again.")
    return shift


def _settle_booking(shift: Shift, session: Session) -> None:
    """A booking whose visits all have a worker is allocated."""
    booking = queries.booking(shift.booking_id, session=session) if shift.booking_id else None
    if booking is None or booking.status not in (BookingStatus.REQUESTED, BookingStatus.UNALLOCATED):
        return
    if queries.unallocated_left(booking.id, session=session) == 0:
        booking.status = BookingStatus.ALLOCATED


def _tell(shift: Shift, session: Session) -> None:
    assert shift.worker_id is not None
    client = recipients.client(shift.client_id, session=session)
    worker = recipients.worker(shift.worker_id, session=session)
    booking = queries.booking(shift.booking_id, session=session) if shift.booking_id else None
    context = {
        "booking_number": booking.number if booking else "none",
        "client": client.name,
        "service": recipients.service_name(shift.service_id, session=session),
        "starts_at": shift.starts_at,
        "shifts": 1,
        "worker": worker.name,
        "address": recipients.client_address(shift.client_id, session=session),
        "notes": shift.notes,
    }
    notices.tell_client_and_worker(
        session, kind="shift_allocated", client=client, worker=worker, context=context, shift_id=shift.id
    )
