"""Bookings past the approved hours, for the staff who decide whether to allow them."""

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from domain.vocabulary import BookingStatus, ShiftStatus
from storage.models import Booking, Client, Service, Shift

OPEN = (BookingStatus.REQUESTED, BookingStatus.OFFERED, BookingStatus.ALLOCATED, BookingStatus.UNALLOCATED)


def waiting(*, session: Session, limit: int) -> list[Row]:
    """Open bookings past the approved amount that no one on the staff has allowed yet, oldest first."""
    return list(
        session.execute(
            select(
                Booking.id,
                Booking.number,
                Booking.first_date,
                Booking.beyond_approved,
                Client.id.label("client_id"),
                Client.first_name,
                Client.last_name,
                Service.name.label("service"),
            )
            .join(Client, Client.id == Booking.client_id)
            .join(Service, Service.id == Booking.service_id)
            .where(
                Booking.beyond_approved.is_not(None),
                Booking.beyond_allowed_at.is_(None),
                Booking.beyond_declined_at.is_(None),
                Booking.status.in_(OPEN),
            )
            .order_by(Booking.created_at, Booking.id)
            .limit(limit)
        )
    )


def booking(booking_id: int, *, session: Session) -> Booking | None:
    return session.get(Booking, booking_id, with_for_update=True)


def waiting_shifts(booking_id: int, *, session: Session) -> list[Shift]:
    """The booking's visits held back past the approved hours, locked (after the booking: the
    order every use case locks in)."""
    return list(
        session.scalars(
            select(Shift)
            .where(Shift.booking_id == booking_id, Shift.status == ShiftStatus.WAITING)
            .order_by(Shift.starts_at)
            .with_for_update()
        )
    )
