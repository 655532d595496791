"""Offers whose time ran out, and the shifts they held."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.vocabulary import OfferStatus, ShiftStatus
from storage.models import Booking, Offer, Shift


def due(*, now: datetime, limit: int, session: Session) -> list[Offer]:
    """Pending offers past their expiry, locked; another process expiring at once skips these."""
    return list(
        session.scalars(
            select(Offer)
            .where(Offer.status == OfferStatus.PENDING, Offer.expires_at <= now)
            .order_by(Offer.expires_at, Offer.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    )


def booking(booking_id: int, *, session: Session) -> Booking:
    found = session.scalar(select(Booking).where(Booking.id == booking_id).with_for_update())
    assert found is not None
    return found


def held_shifts(booking_id: int, worker_id: int, *, session: Session) -> list[Shift]:
    """The booking's shifts held for the worker while the offer was open."""
    return list(
        session.scalars(
            select(Shift)
            .where(
                Shift.booking_id == booking_id,
                Shift.worker_id == worker_id,
                Shift.status == ShiftStatus.OFFERED,
            )
            .order_by(Shift.starts_at)
            .with_for_update()
        )
    )
