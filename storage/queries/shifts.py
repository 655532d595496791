"""Shifts as the worker and office screens list them."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.vocabulary import ShiftStatus
from storage.models import Client, Service, Shift
from storage.queries import NamedRow


def for_worker_between(worker_id: int, start: datetime, end: datetime, *, session: Session) -> list[NamedRow]:
    return list(
        session.execute(
            select(
                Shift.id,
                Shift.starts_at,
                Shift.ends_at,
                Shift.status,
                Shift.notes,
                Service.name.label("service"),
                Client.first_name,
                Client.preferred_name,
                Client.last_name,
                Client.home_street,
                Client.home_suburb,
            )
            .join(Client, Client.id == Shift.client_id)
            .join(Service, Service.id == Shift.service_id)
            .where(
                Shift.worker_id == worker_id,
                Shift.starts_at >= start,
                Shift.starts_at < end,
                Shift.status.in_((ShiftStatus.ALLOCATED, ShiftStatus.OFFERED)),
            )
            .order_by(Shift.starts_at)
        )
    )


def count_by_status_between(start: datetime, end: datetime, *, session: Session) -> dict[ShiftStatus, int]:
    rows = session.execute(
        select(Shift.status, func.count())
        .where(Shift.starts_at >= start, Shift.starts_at < end)
        .group_by(Shift.status)
    )
    return {ShiftStatus(status): count for status, count in rows}
