"""Helpers for the self-service tests: finding the demo clients' shifts by what they are, not by id."""

from datetime import datetime

from sqlalchemy import func, select

from domain.accounts import auth
from domain.accounts.access import Actor
from domain.vocabulary import LedgerKind, ShiftStatus
from storage import db
from storage.models import Booking, LedgerEntry, OutboxMessage, Shift
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


def ledger_entries(shift_id: int | None = None, kind: LedgerKind | None = None) -> list[LedgerEntry]:
    query = select(LedgerEntry)
    if shift_id is not None:
        query = query.where(LedgerEntry.shift_id == shift_id)
    if kind is not None:
        query = query.where(LedgerEntry.kind == kind)
    with db.read() as session:
        return list(session.scalars(query.order_by(LedgerEntry.id)))


def count(model: type) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def outbox(template: str) -> list[OutboxMessage]:
    with db.read() as session:
        return list(
            session.scalars(
                select(OutboxMessage).where(OutboxMessage.template == template).order_by(OutboxMessage.id)
            )
        )


def actor(email: str) -> Actor:
    found = auth.load_actor(account_id(email))
    assert found is not None
    return found
