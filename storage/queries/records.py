"""A client's whole record, table by table, for the copy they download (domain.records.export)."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from storage.models import (
    Account,
    Booking,
    FundingPackage,
    LedgerEntry,
    OutboxMessage,
    Service,
    Shift,
    Worker,
)


def bookings(client_id: int, *, session: Session) -> Sequence[Any]:
    return session.execute(
        select(Booking, Service.name.label("service"))
        .join(Service, Service.id == Booking.service_id)
        .where(Booking.client_id == client_id)
        .order_by(Booking.first_date, Booking.id)
    ).all()


def visits(client_id: int, *, session: Session) -> Sequence[Any]:
    return session.execute(
        select(
            Shift,
            Service.name.label("service"),
            Worker.first_name.label("worker_first_name"),
            Worker.last_name.label("worker_last_name"),
        )
        .join(Service, Service.id == Shift.service_id)
        .outerjoin(Worker, Worker.id == Shift.worker_id)
        .where(Shift.client_id == client_id)
        .order_by(Shift.starts_at, Shift.id)
    ).all()


def ledger_lines(client_id: int, *, session: Session) -> Sequence[Any]:
    return session.execute(
        select(LedgerEntry, FundingPackage.reference.label("package"))
        .join(FundingPackage, FundingPackage.id == LedgerEntry.package_id)
        .where(FundingPackage.client_id == client_id)
        .order_by(LedgerEntry.entry_date, LedgerEntry.id)
    ).all()


def client_messages(client_id: int, email: str | None, *, session: Session) -> Sequence[OutboxMessage]:
    """The e-mails and app messages sent to the client: to their account, or to their address."""
    own_accounts = select(Account.id).where(Account.client_id == client_id)
    sent_to: ColumnElement[bool] = OutboxMessage.to_account_id.in_(own_accounts)
    if email:
        sent_to = or_(sent_to, func.lower(OutboxMessage.to_address) == email.lower())
    query = select(OutboxMessage).where(sent_to).order_by(OutboxMessage.created_at, OutboxMessage.id)
    return session.scalars(query).all()
