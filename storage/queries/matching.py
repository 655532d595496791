"""What matching reads per search: a fixed handful of statements whatever the number of workers
(domain/matching/search.py). Core statements on the session's connection: plain rows, none of
the ORM's bookkeeping per row (the caller's pending changes are flushed first, see context.py)."""

from collections.abc import Collection, Sequence
from datetime import datetime
from itertools import pairwise
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Row,
    Select,
    and_,
    case,
    cast,
    false,
    func,
    literal,
    or_,
    select,
    true,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from storage.models import (
    Agency,
    Booking,
    Client,
    ClientWorker,
    Leave,
    Requirement,
    Shift,
    Worker,
    WorkforceVersion,
)
from storage.models.enums import BUSY_SHIFT_STATUSES, RequirementLevel


class _Seconds(FunctionElement[int]):
    """Whole seconds from the first moment to the second, on either database."""

    type = Integer()
    inherit_cache = True


@compiles(_Seconds, "sqlite")
def _seconds_sqlite(element: _Seconds, compiler: Any, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (
        f"CAST(ROUND((julianday({compiler.process(end, **kw)}) - "
        f"julianday({compiler.process(start, **kw)})) * 86400) AS INTEGER)"
    )


@compiles(_Seconds, "postgresql")
def _seconds_postgresql(element: _Seconds, compiler: Any, **kw: Any) -> str:
    # date_part gives a float: EXTRACT gives numeric, many times slower to add up.
    start, end = list(element.clauses)
    return (
        f"CAST(ROUND(date_part('epoch', {compiler.process(end, **kw)} - "
        f"{compiler.process(start, **kw)})) AS INTEGER)"
    )


class _Epoch(FunctionElement[int]):
    """Whole seconds since 1970 (UTC): read as a plain integer, without parsing a datetime per row."""

    type = Integer()
    inherit_cache = True


@compiles(_Epoch, "sqlite")
def _epoch_sqlite(element: _Epoch, compiler: Any, **kw: Any) -> str:
    return f"CAST(strftime('%s', {compiler.process(next(iter(element.clauses)), **kw)}) AS INTEGER)"


@compiles(_Epoch, "postgresql")
def _epoch_postgresql(element: _Epoch, compiler: Any, **kw: Any) -> str:
    return f"CAST(FLOOR(date_part('epoch', {compiler.process(next(iter(element.clauses)), **kw)})) AS BIGINT)"


def stamp_and_settings(*, session: Session) -> Row | None:
    """The workforce stamp and the agency's travel settings, in one statement."""
    return (
        session.connection()
        .execute(
            select(
                WorkforceVersion.stamp,
                Agency.timezone,
                Agency.travel_radius_km,
                Agency.travel_speed_kmh,
                Agency.travel_buffer_minutes,
            )
            .join(Agency, literal(True))
            .order_by(Agency.id)
            .limit(1)
        )
        .first()
    )


def client_place(client_id: int, booking_id: int | None, *, session: Session) -> Row | None:
    """The client's home position, and whether the booking (if any) uses its own preferences."""
    own = select(Booking.uses_own_preferences).where(Booking.id == booking_id).scalar_subquery()
    return (
        session.connection()
        .execute(select(Client.home_lat, Client.home_lon, own.label("own")).where(Client.id == client_id))
        .first()
    )


def requirements(
    *,
    client_id: int,
    service_id: int,
    program_id: int,
    wishes_from: str,
    booking_id: int | None,
    session: Session,
) -> list[Row]:
    """Every requirement row that applies; `wishes_from` is "preference", "booking" or "none"."""
    scopes: list[ColumnElement[bool]] = [
        Requirement.level == RequirementLevel.GLOBAL,
        and_(Requirement.level == RequirementLevel.PROGRAM, Requirement.program_id == program_id),
        and_(Requirement.level == RequirementLevel.CLIENT, Requirement.client_id == client_id),
        and_(
            Requirement.level == RequirementLevel.CLIENT_SERVICE,
            Requirement.client_id == client_id,
            Requirement.service_id == service_id,
        ),
    ]
    if wishes_from == "preference":
        scopes.append(
            and_(Requirement.level == RequirementLevel.PREFERENCE, Requirement.client_id == client_id)
        )
    elif wishes_from == "booking":
        scopes.append(
            and_(Requirement.level == RequirementLevel.BOOKING, Requirement.booking_id == booking_id)
        )
    return (
        session.connection()
        .execute(
            select(
                Requirement.competency_id,
                Requirement.characteristic_id,
                Requirement.mandatory,
                Requirement.weight,
            )
            .where(or_(*scopes))
            .order_by(Requirement.id)
        )
        .all()
    )


def relations(client_id: int, *, session: Session) -> list[Row]:
    return (
        session.connection()
        .execute(
            select(ClientWorker.worker_id, ClientWorker.relation).where(ClientWorker.client_id == client_id)
        )
        .all()
    )


def _workers(column: Any, worker_ids: Collection[int] | None) -> ColumnElement[bool]:
    """All workers (None), or these; an empty list matches nothing but is still one statement."""
    if worker_ids is None:
        return true()
    return column.in_(sorted(worker_ids)) if worker_ids else false()


def _plain_rows(session: Session, statement: Select) -> list[tuple]:
    """The driver's own tuples, for the two statements that return a row per busy worker: their
    columns are numbers (no type conversion to do) and building thousands of Rows would cost
    more than the query itself."""
    result = session.connection().execute(statement)
    try:
        return list(result.cursor.fetchall())  # type: ignore[attr-defined]
    finally:
        result.close()


def busy_shifts(
    spans: Sequence[tuple[datetime, datetime, datetime]],
    worker_ids: Collection[int] | None,
    *,
    session: Session,
) -> list[tuple]:
    """Busy shifts that start in any of the spans, with their times in epoch seconds and their place
    (the client's home when the shift has none, looked up only for those). Each span is (start
    from, start before, end after): the index is read by start, the end leaves out the rest."""
    starts_in = or_(
        *(and_(Shift.starts_at >= a, Shift.starts_at < b, Shift.ends_at > c) for a, b, c in spans)
    )
    on_map = and_(Shift.lat.isnot(None), Shift.lon.isnot(None))
    home = select(Client.home_lat, Client.home_lon).where(Client.id == Shift.client_id)
    return _plain_rows(
        session,
        select(
            Shift.id,
            Shift.worker_id,
            _Epoch(Shift.starts_at).label("starts"),
            _Epoch(Shift.ends_at).label("ends"),
            case((on_map, Shift.lat), else_=home.with_only_columns(Client.home_lat).scalar_subquery()).label(
                "lat"
            ),
            case((on_map, Shift.lon), else_=home.with_only_columns(Client.home_lon).scalar_subquery()).label(
                "lon"
            ),
        ).where(starts_in, Shift.status.in_(BUSY_SHIFT_STATUSES), _workers(Shift.worker_id, worker_ids)),
    )


def on_leave(
    spans: Sequence[tuple[datetime, datetime]], worker_ids: Collection[int] | None, *, session: Session
) -> list[Row]:
    overlaps = or_(*(and_(Leave.starts_at < b, Leave.ends_at > a) for a, b in spans))
    return (
        session.connection()
        .execute(
            select(Leave.worker_id, Leave.starts_at, Leave.ends_at).where(
                overlaps, _workers(Leave.worker_id, worker_ids)
            )
        )
        .all()
    )


def rostered_minutes(
    weeks: Sequence[tuple[datetime, datetime]],
    worker_ids: Collection[int] | None,
    ignore_shift_ids: Collection[int],
    adding: int,
    *,
    least_most: int,
    session: Session,
) -> list[tuple]:
    """(worker id, week, minutes): busy minutes per worker and week (an index into `weeks`), each
    shift counted in the week it starts; only where `adding` more minutes would pass the worker's
    weekly maximum, so a search reads a handful of rows, not one per worker. `least_most` is the
    smallest weekly maximum of any worker: a test against it first spares most groups the
    look-up of their worker's own."""
    week = _week_of(weeks)
    minutes = func.sum(_Seconds(Shift.starts_at, Shift.ends_at) // 60)
    in_any = _in_weeks(weeks)
    most = select(Worker.max_hours_per_week * 60).where(Worker.id == Shift.worker_id).scalar_subquery()
    return _plain_rows(
        session,
        select(Shift.worker_id, week.label("week"), minutes.label("minutes"))
        .where(
            in_any,
            Shift.status.in_(BUSY_SHIFT_STATUSES),
            Shift.id.not_in(sorted(ignore_shift_ids)) if ignore_shift_ids else true(),
            _workers(Shift.worker_id, worker_ids),
        )
        .group_by(week, Shift.worker_id)  # by week first: SQLite then reads the time index
        .having(and_(minutes + adding > least_most, minutes + adding > most)),
    )


def _week_of(weeks: Sequence[tuple[datetime, datetime]]) -> ColumnElement[int]:
    """The index into `weeks` of the week a shift starts in (the statement reads only those weeks).
    For a series (weeks in order) it counts the later weeks' starts passed: a few comparisons
    per shift instead of a CASE with a range per week, about a third of the statement's time."""
    if len(weeks) == 1:  # the statement reads that week only
        return literal(0, Integer)
    if len(weeks) > 1 and all(a[1] <= b[0] for a, b in pairwise(weeks)):
        return sum((cast(Shift.starts_at >= a, Integer) for a, _ in weeks[1:]), literal(0, Integer))
    return case(
        *[(and_(Shift.starts_at >= a, Shift.starts_at < b), index) for index, (a, b) in enumerate(weeks)],
        else_=-1,
    )


def _in_weeks(weeks: Sequence[tuple[datetime, datetime]]) -> ColumnElement[bool]:
    """Starts in one of the weeks; one range for weeks that follow each other (a weekly series)."""
    if all(a[1] == b[0] for a, b in pairwise(weeks)):
        return and_(Shift.starts_at >= weeks[0][0], Shift.starts_at < weeks[-1][1])
    return or_(*(and_(Shift.starts_at >= a, Shift.starts_at < b) for a, b in weeks))
