"""Helpers for the booking tests: the demo clients' approved services, a request built from plain
values, and the rows a use case wrote."""

from datetime import date, time, timedelta

from sqlalchemy import func, select

from domain import clock
from domain.booking.requests import Wanted
from storage import db
from storage.models import ApprovedService, Booking, FundingPackage, Offer, OutboxMessage, Requirement, Shift
from storage.models.enums import Recurrence


def approved_services(client_id: int) -> list[int]:
    """The client's approved services under their active packages, in a stable order."""
    with db.read() as session:
        return list(
            session.scalars(
                select(ApprovedService.id)
                .join(FundingPackage, FundingPackage.id == ApprovedService.package_id)
                .where(FundingPackage.client_id == client_id, FundingPackage.active.is_(True))
                .order_by(ApprovedService.id)
            )
        )


def not_approved_for(client_id: int) -> int:
    """An approved service id that belongs to some other client."""
    with db.read() as session:
        found = session.scalar(
            select(ApprovedService.id)
            .join(FundingPackage, FundingPackage.id == ApprovedService.package_id)
            .where(FundingPackage.client_id != client_id)
            .order_by(ApprovedService.id)
        )
    assert found is not None
    return found


def wanted(
    client_id: int,
    *,
    first_date: date | None = None,
    start: time = time(10, 0),
    minutes: int = 60,
    recurrence: Recurrence = Recurrence.ONCE,
    ends_on: date | None = None,
    approved_service_id: int | None = None,
    **more: object,
) -> Wanted:
    """A request for the client's first approved service; by default next Wednesday at 10 am."""
    return Wanted(
        client_id=client_id,
        approved_service_id=approved_service_id or approved_services(client_id)[0],
        first_date=first_date or date(2026, 12, 2),
        start_time=start,
        duration_minutes=minutes,
        recurrence=recurrence,
        ends_on=ends_on,
        **more,  # type: ignore[arg-type]
    )


def tomorrow() -> date:
    return (clock.now() + timedelta(days=1)).date()


def count(model: type) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def counts() -> tuple[int, ...]:
    """How many bookings, shifts, offers, messages and requirement rows there are: bad input changes none."""
    return tuple(count(model) for model in (Booking, Shift, Offer, OutboxMessage, Requirement))


def booking(booking_id: int) -> Booking:
    with db.read() as session:
        found = session.get(Booking, booking_id)
        assert found is not None
        return found


def shifts_of(booking_id: int) -> list[Shift]:
    with db.read() as session:
        return list(
            session.scalars(select(Shift).where(Shift.booking_id == booking_id).order_by(Shift.starts_at))
        )


def outbox(template: str) -> list[OutboxMessage]:
    with db.read() as session:
        return list(
            session.scalars(
                select(OutboxMessage).where(OutboxMessage.template == template).order_by(OutboxMessage.id)
            )
        )
