"""Queries on completed shifts as case managers answer them, and approved shifts waiting for billing."""

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from domain.vocabulary import ShiftStatus
from storage import db
from storage.models import Client, Service, Shift, ShiftQuery, Worker
from storage.queries import NamedRow


def open_queries(case_manager_account_id: int, *, limit: int, session: Session) -> list[NamedRow]:
    """Unresolved queries: this case manager's clients first, then the oldest first."""
    query = (
        select(
            ShiftQuery.id,
            ShiftQuery.message,
            ShiftQuery.raised_at,
            ShiftQuery.reply,
            ShiftQuery.replied_at,
            Shift.id.label("shift_id"),
            Shift.starts_at,
            Shift.ends_at,
            Client.id.label("client_id"),
            Client.first_name,
            Client.preferred_name,
            Client.last_name,
            Client.case_manager_account_id,
            Service.name.label("service"),
            Worker.first_name.label("worker_first_name"),
            Worker.last_name.label("worker_last_name"),
        )
        .join(Shift, Shift.id == ShiftQuery.shift_id)
        .join(Client, Client.id == Shift.client_id)
        .join(Service, Service.id == Shift.service_id)
        .outerjoin(Worker, Worker.id == Shift.worker_id)
        .where(ShiftQuery.resolved_at.is_(None))
        .order_by(
            case((Client.case_manager_account_id == case_manager_account_id, 0), else_=1),
            ShiftQuery.raised_at,
            ShiftQuery.id,
        )
        .limit(limit)
    )
    return list(session.execute(query))


def query_for_update(query_id: int, *, session: Session) -> ShiftQuery | None:
    return session.scalar(select(ShiftQuery).where(ShiftQuery.id == query_id).with_for_update())


def approved_for_billing(*, limit: int, session: Session) -> list[Shift]:
    """Approved shifts, locked; on PostgreSQL a concurrent run skips the rows this one holds."""
    query = (
        select(Shift)
        .where(Shift.status == ShiftStatus.APPROVED)
        .order_by(Shift.id)
        .limit(limit)
        .with_for_update(skip_locked=db.is_postgresql())
    )
    return list(session.scalars(query))
