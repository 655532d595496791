"""The Day Manager's day: one local day's shifts with client, worker, service and any pending offer,
filtered and paged in the database. Three statements whatever the size of the agency."""

from collections.abc import Sequence
from datetime import datetime
from typing import TypeVarTuple

from sqlalchemy import Row, Select, func, or_, select
from sqlalchemy.orm import Session

from domain.vocabulary import OfferStatus, ShiftStatus
from storage.models import Booking, Client, Offer, Service, Shift, Worker
from storage.queries import NamedRow

Columns = TypeVarTuple("Columns")


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _filtered(
    query: Select[*Columns], start: datetime, end: datetime, service_id: int | None, search: str
) -> Select[*Columns]:
    query = query.where(
        Shift.starts_at >= start, Shift.starts_at < end, Shift.status != ShiftStatus.CANCELLED
    )
    if service_id is not None:
        query = query.where(Shift.service_id == service_id)
    if search:
        pattern = f"%{_escaped(search.lower())}%"
        names = (
            Client.first_name,
            Client.last_name,
            Client.preferred_name,
            Worker.first_name,
            Worker.last_name,
            Worker.preferred_name,
        )
        query = query.where(or_(*(func.lower(name).like(pattern, escape="\\") for name in names)))
    return query.join(Client, Client.id == Shift.client_id).outerjoin(Worker, Worker.id == Shift.worker_id)


def shifts(
    start: datetime,
    end: datetime,
    statuses: Sequence[ShiftStatus] | None,
    service_id: int | None,
    search: str,
    *,
    offset: int,
    limit: int,
    session: Session,
) -> list[NamedRow]:
    offer_expiry = (
        select(func.min(Offer.expires_at))
        .where(
            Offer.booking_id == Shift.booking_id,
            Offer.worker_id == Shift.worker_id,
            Offer.status == OfferStatus.PENDING,
        )
        .scalar_subquery()
    )
    query = select(
        Shift.id,
        Shift.starts_at,
        Shift.ends_at,
        Shift.status,
        Shift.notes,
        Shift.time_note,
        Shift.client_id,
        Shift.worker_id,
        Shift.service_id,
        Client.first_name.label("client_first_name"),
        Client.preferred_name.label("client_preferred_name"),
        Client.last_name.label("client_last_name"),
        Client.home_suburb,
        Worker.first_name.label("worker_first_name"),
        Worker.preferred_name.label("worker_preferred_name"),
        Worker.last_name.label("worker_last_name"),
        Worker.staff_number.label("worker_staff_number"),
        Worker.home_suburb.label("worker_suburb"),
        Service.name.label("service"),
        Booking.number.label("booking_number"),
        offer_expiry.label("offer_expires_at"),
    )
    query = _filtered(query, start, end, service_id, search)
    query = query.join(Service, Service.id == Shift.service_id).outerjoin(
        Booking, Booking.id == Shift.booking_id
    )
    if statuses is not None:
        query = query.where(Shift.status.in_(statuses))
    return list(session.execute(query.order_by(Shift.starts_at, Shift.id).offset(offset).limit(limit)))


def counts(
    start: datetime, end: datetime, service_id: int | None, search: str, *, session: Session
) -> dict[ShiftStatus, int]:
    query = _filtered(select(Shift.status, func.count()), start, end, service_id, search)
    return {ShiftStatus(status): n for status, n in session.execute(query.group_by(Shift.status))}


def services(*, session: Session) -> list[Row[int, str]]:
    return list(
        session.execute(
            select(Service.id, Service.name).where(Service.active.is_(True)).order_by(Service.name)
        )
    )


def worker_identities(worker_ids: Sequence[int], *, session: Session) -> dict[int, tuple[str, str]]:
    """(staff number, home suburb) of each worker: how two of the same name are told apart."""
    if not worker_ids:
        return {}
    rows = session.execute(
        select(Worker.id, Worker.staff_number, Worker.home_suburb).where(Worker.id.in_(list(worker_ids)))
    )
    return {id_: (number, suburb) for id_, number, suburb in rows}
