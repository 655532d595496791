"""Helpers for the booking tests: the demo clients' approved services, a request built from plain
values, and the rows a use case wrote."""

from datetime import date, time, timedelta

from sqlalchemy import func, select

from domain import clock
from domain.accounts import auth
from domain.accounts.access import Actor
from domain.booking import requests
from domain.booking.requests import Wanted
from domain.vocabulary import Recurrence
from storage import db
from storage.models import (
    Account,
    ApprovedService,
    Booking,
    FundingPackage,
    Offer,
    OutboxMessage,
    Requirement,
    Shift,
)


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


def worker_actor(worker_id: int) -> Actor:
    """The signed-in support worker, as the worker app and the API see them."""
    with db.read() as session:
        account_id = session.scalar(select(Account.id).where(Account.worker_id == worker_id))
    assert account_id is not None, f"worker {worker_id} has no account"
    found = auth.load_actor(account_id)
    assert found is not None
    return found


def bookable_worker(actor: Actor, request: Wanted, *, skip: int = 0) -> int:
    """A worker the engine lists for the request, who can do every visit and has an account."""
    listed = [p.provider.worker_id for p in requests.providers(actor, request).providers if not p.cannot_do]
    with db.read() as session:
        with_accounts = set(session.scalars(select(Account.worker_id).where(Account.worker_id.in_(listed))))
    usable = [worker_id for worker_id in listed if worker_id in with_accounts]
    assert len(usable) > skip, "the demo agency should have a worker for this request"
    return usable[skip]


def offer_of(booking_id: int) -> Offer:
    with db.read() as session:
        found = session.scalar(select(Offer).where(Offer.booking_id == booking_id).order_by(Offer.id.desc()))
        assert found is not None
        return found
