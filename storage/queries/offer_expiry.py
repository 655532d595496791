"""Offers whose time ran out, and the shifts they held."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.vocabulary import OfferStatus, ShiftStatus
from storage.models import Booking, Offer, Shift
from storage.queries.locking import locked


def due(*, now: datetime, limit: int, session: Session) -> list[int]:
    """Pending offers past their expiry, soonest first (not locked: see `pending_locked`)."""
    return list(
        session.scalars(
            select(Offer.id)
            .where(Offer.status == OfferStatus.PENDING, Offer.expires_at <= now)
            .order_by(Offer.expires_at, Offer.id)
            .limit(limit)
        )
    )


def offer(offer_id: int, *, session: Session) -> Offer:
    found = session.scalar(select(Offer).where(Offer.id == offer_id))
    assert found is not None
    return found


def locked_offer(offer_id: int, *, session: Session) -> Offer:
    """The offer, locked; lock its booking and shifts first (storage.queries.locking)."""
    found = session.scalar(locked(select(Offer).where(Offer.id == offer_id)))
    assert found is not None
    return found


def booking(booking_id: int, *, session: Session) -> Booking:
    found = session.scalar(locked(select(Booking).where(Booking.id == booking_id)))
    assert found is not None
    return found


def held_shifts(booking_id: int, worker_id: int, *, session: Session) -> list[Shift]:
    """The booking's shifts held for the worker while the offer was open, locked, soonest first."""
    return list(
        session.scalars(
            locked(
                select(Shift)
                .where(
                    Shift.booking_id == booking_id,
                    Shift.worker_id == worker_id,
                    Shift.status == ShiftStatus.OFFERED,
                )
                .order_by(Shift.starts_at, Shift.id)
            )
        )
    )
