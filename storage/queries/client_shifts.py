"""A client's shifts as the calendar, history and service-management screens list them: one joined
row per shift, filtered and paged in the database (a client may have years of them)."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from domain.vocabulary import ShiftStatus
from storage.models import Booking, Program, Service, Shift, ShiftQuery, Worker
from storage.queries import NamedRow


def _lines() -> Select:
    open_query = exists().where(ShiftQuery.shift_id == Shift.id, ShiftQuery.resolved_at.is_(None))
    return (
        select(
            Shift.id,
            Shift.client_id,
            Shift.booking_id,
            Shift.starts_at,
            Shift.ends_at,
            Shift.status,
            Shift.bill_units,
            Shift.bill_rate_cents,
            Shift.bill_to,
            Shift.notes,
            Shift.time_note,
            Shift.cancel_band,
            Shift.cancel_reason,
            Shift.cancel_fee_cents,
            Booking.number.label("booking_number"),
            Booking.recurrence,
            Service.name.label("service"),
            Service.glyph,
            Service.unit,
            Program.name.label("program"),
            Program.kind.label("program_kind"),
            Worker.first_name.label("worker_first_name"),
            Worker.preferred_name.label("worker_preferred_name"),
            Worker.last_name.label("worker_last_name"),
            open_query.label("open_query"),
        )
        .join(Service, Service.id == Shift.service_id)
        .join(Program, Program.id == Shift.program_id)
        .outerjoin(Booking, Booking.id == Shift.booking_id)
        .outerjoin(Worker, Worker.id == Shift.worker_id)
    )


def _in_tab(statuses: Sequence[ShiftStatus], with_fees: bool) -> ColumnElement[bool]:
    """The shifts in these statuses, and (the billed tab) cancellations that were charged a fee."""
    condition: ColumnElement[bool] = Shift.status.in_(statuses)
    if with_fees:
        condition = or_(condition, and_(Shift.status == ShiftStatus.CANCELLED, Shift.cancel_fee_cents > 0))
    return condition


def between(
    client_id: int, start: datetime, end: datetime, *, limit: int, session: Session
) -> list[NamedRow]:
    """Shifts starting in [start, end), earliest first, at most `limit` of them."""
    query = (
        _lines()
        .where(Shift.client_id == client_id, Shift.starts_at >= start, Shift.starts_at < end)
        .order_by(Shift.starts_at, Shift.id)
        .limit(limit)
    )
    return list(session.execute(query))


def count_between(client_id: int, start: datetime, end: datetime, *, session: Session) -> int:
    query = select(func.count()).where(
        Shift.client_id == client_id, Shift.starts_at >= start, Shift.starts_at < end
    )
    return session.scalar(query) or 0


def history_page(
    client_id: int, start: datetime, end: datetime, *, offset: int, limit: int, session: Session
) -> list[NamedRow]:
    """A page of the shifts starting in [start, end), newest first."""
    query = (
        _lines()
        .where(Shift.client_id == client_id, Shift.starts_at >= start, Shift.starts_at < end)
        .order_by(Shift.starts_at.desc(), Shift.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return list(session.execute(query))


def in_tab(
    client_id: int,
    statuses: Sequence[ShiftStatus],
    *,
    with_fees: bool,
    newest_first: bool,
    offset: int,
    limit: int,
    session: Session,
) -> list[NamedRow]:
    order = (Shift.starts_at.desc(), Shift.id.desc()) if newest_first else (Shift.starts_at, Shift.id)
    query = (
        _lines()
        .where(Shift.client_id == client_id, _in_tab(statuses, with_fees))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    return list(session.execute(query))


def count_in_tab(
    client_id: int, statuses: Sequence[ShiftStatus], *, with_fees: bool, session: Session
) -> int:
    query = select(func.count()).where(Shift.client_id == client_id, _in_tab(statuses, with_fees))
    return session.scalar(query) or 0


def count_by_status(client_id: int, *, session: Session) -> dict[ShiftStatus, int]:
    rows = session.execute(
        select(Shift.status, func.count()).where(Shift.client_id == client_id).group_by(Shift.status)
    )
    return {ShiftStatus(status): count for status, count in rows}


def count_charged_cancellations(client_id: int, *, session: Session) -> int:
    query = select(func.count()).where(
        Shift.client_id == client_id,
        Shift.status == ShiftStatus.CANCELLED,
        Shift.cancel_fee_cents > 0,
    )
    return session.scalar(query) or 0


def one(shift_id: int, *, session: Session) -> NamedRow | None:
    return session.execute(_lines().where(Shift.id == shift_id)).first()


def queries_on(shift_ids: Sequence[int], *, session: Session) -> list[ShiftQuery]:
    """The queries raised on these shifts, oldest first."""
    if not shift_ids:
        return []
    query = (
        select(ShiftQuery)
        .where(ShiftQuery.shift_id.in_(shift_ids))
        .order_by(ShiftQuery.raised_at, ShiftQuery.id)
    )
    return list(session.scalars(query))
