"""An offer nobody answered in time expires (DESIGN.md §3.2), on SQLite and PostgreSQL: the booking
becomes unallocated, the held shifts are released, and the client and roster department are told."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import select

from domain import clock, events
from domain.agency import settings as agency
from domain.booking import expiry
from domain.vocabulary import BookingStatus, Channel, OfferStatus, ShiftStatus
from storage import db
from storage.models import Booking, Offer, OutboxMessage, Shift
from tests.support.personas import Personas


@dataclass(frozen=True)
class OpenOffer:
    offer_id: int
    booking_id: int
    held_shift_ids: list[int]


def offer_booking(personas: Personas, expires_in: timedelta = timedelta(hours=1)) -> OpenOffer:
    """Margaret's first booking with shifts ahead, offered to Aisha and held for her."""
    now = clock.now()
    with db.write() as session:
        booking = session.scalars(
            select(Booking)
            .join(Shift, Shift.booking_id == Booking.id)
            .where(Booking.client_id == personas.client.client_id, Shift.starts_at > now)
            .order_by(Booking.id)
        ).first()
        assert booking is not None
        booking.status = BookingStatus.OFFERED
        held = [shift for shift in booking.shifts if shift.starts_at > now]
        for shift in held:
            shift.status, shift.worker_id = ShiftStatus.OFFERED, personas.worker.worker_id
        offer = Offer(
            booking_id=booking.id,
            worker_id=personas.worker.worker_id or 0,
            sent_at=now - timedelta(hours=11),
            expires_at=now + expires_in,
        )
        session.add(offer)
        session.flush()
        return OpenOffer(offer.id, booking.id, [shift.id for shift in held])


def messages_about(offer_id: int) -> list[OutboxMessage]:
    with db.read() as session:
        return list(session.scalars(select(OutboxMessage).where(OutboxMessage.offer_id == offer_id)))


@pytest.fixture
def shift_changes() -> Iterator[list[events.ShiftChanged]]:
    heard: list[events.ShiftChanged] = []
    stop = events.listen(events.ShiftChanged, heard.append)
    yield heard
    stop()


def test_an_offer_is_left_alone_until_it_expires(personas: Personas) -> None:
    opened = offer_booking(personas)
    clock.advance(timedelta(minutes=59))
    assert expiry.expire_due() == 0
    with db.read() as session:
        assert session.get(Offer, opened.offer_id).status == OfferStatus.PENDING  # type: ignore[union-attr]
    assert messages_about(opened.offer_id) == []


def test_an_expired_offer_releases_the_held_shifts_and_tells_client_roster_and_worker(
    personas: Personas, shift_changes: list[events.ShiftChanged]
) -> None:
    opened = offer_booking(personas)
    clock.advance(timedelta(hours=1))
    assert expiry.expire_due() == 1
    with db.read() as session:
        assert session.get(Offer, opened.offer_id).status == OfferStatus.EXPIRED  # type: ignore[union-attr]
        assert session.get(Booking, opened.booking_id).status == BookingStatus.UNALLOCATED  # type: ignore[union-attr]
        held = [session.get(Shift, shift_id) for shift_id in opened.held_shift_ids]
    assert {(shift.status, shift.worker_id) for shift in held} == {(ShiftStatus.UNALLOCATED, None)}  # type: ignore[union-attr]
    told = {(m.channel, m.to_address or m.to_account_id, m.template) for m in messages_about(opened.offer_id)}
    assert told == {
        (Channel.EMAIL, "margaret@example.com", "offer_expired_client"),
        (Channel.EMAIL, agency.current().roster_email, "offer_expired_roster"),
        (Channel.APP, personas.worker.account_id, "offer_expired_worker"),
    }
    [change] = shift_changes
    assert sorted(change.shift_ids) == sorted(opened.held_shift_ids)
    assert change.worker_ids == (personas.worker.worker_id,)


def test_expiring_again_changes_nothing_more(personas: Personas) -> None:
    opened = offer_booking(personas)
    clock.advance(timedelta(hours=2))
    expiry.expire_due()
    assert expiry.expire_due() == 0
    assert len(messages_about(opened.offer_id)) == 3


def test_an_answered_offer_never_expires(personas: Personas) -> None:
    opened = offer_booking(personas)
    with db.write() as session:
        session.get(Offer, opened.offer_id).status = OfferStatus.ACCEPTED  # type: ignore[union-attr]
    clock.advance(timedelta(days=1))
    assert expiry.expire_due() == 0
    assert messages_about(opened.offer_id) == []
