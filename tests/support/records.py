"""Finding the demo agency's records by what they are, never by id: a client's shifts, bookings,
packages, preferences, ledger entries and messages, and counting the rows a use case wrote."""

from datetime import date, datetime, time

from sqlalchemy import func, select

from domain.accounts import auth
from domain.accounts.access import Actor
from domain.booking import requests
from domain.vocabulary import LedgerKind, Recurrence, RequirementLevel, ShiftStatus
from storage import db
from storage.models import (
    ApprovedService,
    Booking,
    Client,
    FundingPackage,
    LedgerEntry,
    Offer,
    OutboxMessage,
    Requirement,
    Shift,
)
from tests.support.personas import account_id


def shift_ids(client_id: int, status: ShiftStatus, *, after: datetime | None = None) -> list[int]:
    """The client's shifts in a status, earliest first."""
    query = select(Shift.id).where(Shift.client_id == client_id, Shift.status == status)
    if after is not None:
        query = query.where(Shift.starts_at > after)
    with db.read() as session:
        return list(session.scalars(query.order_by(Shift.starts_at, Shift.id)))


def first_shift(client_id: int, status: ShiftStatus) -> int:
    found = shift_ids(client_id, status)
    assert found, f"client {client_id} has no {status} shift"
    return found[0]


def shift(shift_id: int) -> Shift:
    with db.read() as session:
        found = session.get(Shift, shift_id)
        assert found is not None
        return found


def status_of(shift_id: int) -> ShiftStatus:
    return shift(shift_id).status


def booking_of(shift_id: int) -> Booking:
    with db.read() as session:
        found = session.scalar(
            select(Booking).join(Shift, Shift.booking_id == Booking.id).where(Shift.id == shift_id)
        )
        assert found is not None
        return found


def snapshot(booking_id: int) -> dict[int, tuple]:
    """Every shift of a booking as (status, start, worker, fee, cancelled at), by id."""
    with db.read() as session:
        rows = session.execute(
            select(
                Shift.id,
                Shift.status,
                Shift.starts_at,
                Shift.worker_id,
                Shift.cancel_fee_cents,
                Shift.cancelled_at,
            ).where(Shift.booking_id == booking_id)
        )
        return {row.id: tuple(row[1:]) for row in rows}


def shifts_of_booking(number: str) -> list[Shift]:
    with db.read() as session:
        return list(
            session.scalars(
                select(Shift)
                .join(Booking, Booking.id == Shift.booking_id)
                .where(Booking.number == number)
                .order_by(Shift.starts_at)
            )
        )


def approved_ids(client_id: int) -> list[int]:
    """The client's approved services, under any of their packages, in a stable order."""
    with db.read() as session:
        return list(
            session.scalars(
                select(ApprovedService.id)
                .join(FundingPackage, FundingPackage.id == ApprovedService.package_id)
                .where(FundingPackage.client_id == client_id)
                .order_by(ApprovedService.id)
            )
        )


def request_for(
    client_id: int, day: date, start: time = time(9, 0), recurrence: Recurrence = Recurrence.ONCE
) -> requests.Wanted:
    """An hour of the client's first approved service on the day."""
    return requests.Wanted(client_id, approved_ids(client_id)[0], day, start, 60, recurrence)


def package_of(client_id: int) -> int:
    with db.read() as session:
        found = session.scalar(select(FundingPackage.id).where(FundingPackage.client_id == client_id))
        assert found is not None
        return found


def package_reference(client_id: int) -> str:
    """The reference printed on the client's package (and on its statements' file names)."""
    with db.read() as session:
        found = session.scalar(select(FundingPackage.reference).where(FundingPackage.client_id == client_id))
        assert found is not None
        return found


def client_named(last_name: str) -> int:
    with db.read() as session:
        [found] = session.scalars(select(Client.id).where(Client.last_name == last_name))
        return found


def preference_rows(client_id: int) -> list[tuple]:
    with db.read() as session:
        rows = session.execute(
            select(
                Requirement.competency_id,
                Requirement.characteristic_id,
                Requirement.mandatory,
                Requirement.weight,
            )
            .where(Requirement.level == RequirementLevel.PREFERENCE, Requirement.client_id == client_id)
            .order_by(Requirement.id)
        )
        return [tuple(row) for row in rows]


def ledger_entries(shift_id: int | None = None, kind: LedgerKind | None = None) -> list[LedgerEntry]:
    query = select(LedgerEntry)
    if shift_id is not None:
        query = query.where(LedgerEntry.shift_id == shift_id)
    if kind is not None:
        query = query.where(LedgerEntry.kind == kind)
    with db.read() as session:
        return list(session.scalars(query.order_by(LedgerEntry.id)))


def count(model: type, *where: object) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def bookings() -> int:
    return count(Booking)


def offers() -> list[Offer]:
    with db.read() as session:
        return list(session.scalars(select(Offer).order_by(Offer.id)))


def outbox(template: str) -> list[OutboxMessage]:
    with db.read() as session:
        return list(
            session.scalars(
                select(OutboxMessage).where(OutboxMessage.template == template).order_by(OutboxMessage.id)
            )
        )


def actor(email: str) -> Actor:
    """Someone who is not one of the standing personas (Margaret's case manager Tom, say)."""
    found = auth.load_actor(account_id(email))
    assert found is not None
    return found
