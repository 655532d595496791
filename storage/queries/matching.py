"""What matching reads per search: a fixed handful of statements whatever the number of workers
(domain/matching/search.py). Core statements on the session's connection: plain rows, none of
the ORM's bookkeeping per row (the caller's pending changes are flushed first, see context.py)."""

import sqlite3
from collections.abc import Collection, Iterator, Sequence
from datetime import UTC, datetime, time, timedelta
from functools import cache
from itertools import pairwise
from typing import Any

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Date,
    Integer,
    Row,
    Select,
    String,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.functions import FunctionElement

from domain.vocabulary import BUSY_SHIFT_STATUSES, ClientWorkerRelation, RequirementLevel
from storage.models import (
    Agency,
    Booking,
    Client,
    ClientWorker,
    Leave,
    Requirement,
    RosteredWeek,
    Shift,
    Worker,
    WorkforceVersion,
)

# SQLite 3.38 and later read a stored time as epoch seconds in a third less time than the date
# functions do (the statements read thousands of shifts); older libraries take the long way.
_UNIXEPOCH = sqlite3.sqlite_version_info >= (3, 38)


class _Seconds(FunctionElement[int]):
    """Whole seconds from the first moment to the second, on either database."""

    type = Integer()
    inherit_cache = True


@compiles(_Seconds, "sqlite")
def _seconds_sqlite(element: _Seconds, compiler: Any, **kw: Any) -> str:
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    if _UNIXEPOCH:  # the same whole seconds for times on the second (shifts are booked to the minute)
        return f"(unixepoch({end}) - unixepoch({start}))"
    return f"CAST(ROUND((julianday({end}) - julianday({start})) * 86400) AS INTEGER)"


@compiles(_Seconds, "postgresql")
def _seconds_postgresql(element: _Seconds, compiler: Any, **kw: Any) -> str:
    # date_part gives a float: EXTRACT gives numeric, many times slower to add up.
    start, end = list(element.clauses)
    return (
        f"CAST(ROUND(date_part('epoch', {compiler.process(end, **kw)} - "
        f"{compiler.process(start, **kw)})) AS INTEGER)"
    )


class _ByValue(FunctionElement[int]):
    """A column read as a value: on SQLite a unary plus, which keeps the planner from choosing an
    index for it; the column itself elsewhere."""

    type = Integer()
    inherit_cache = True


@compiles(_ByValue, "sqlite")
def _by_value_sqlite(element: _ByValue, compiler: Any, **kw: Any) -> str:
    return f"+{compiler.process(next(iter(element.clauses)), **kw)}"


@compiles(_ByValue)
def _by_value(element: _ByValue, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(next(iter(element.clauses)), **kw))


class _Epoch(FunctionElement[int]):
    """Whole seconds since 1970 (UTC): read as a plain integer, without parsing a datetime per row."""

    type = Integer()
    inherit_cache = True


@compiles(_Epoch, "sqlite")
def _epoch_sqlite(element: _Epoch, compiler: Any, **kw: Any) -> str:
    moment = compiler.process(next(iter(element.clauses)), **kw)
    return f"unixepoch({moment})" if _UNIXEPOCH else f"CAST(strftime('%s', {moment}) AS INTEGER)"


@compiles(_Epoch, "postgresql")
def _epoch_postgresql(element: _Epoch, compiler: Any, **kw: Any) -> str:
    return f"CAST(FLOOR(date_part('epoch', {compiler.process(next(iter(element.clauses)), **kw)})) AS BIGINT)"


# Each statement is built once per shape (how many spans, whether workers are named) with its
# values bound at execution: building the expression anew cost more than running it.


@cache
def _settings_statement() -> Select:
    client: BindParameter[int] = bindparam("client")
    own = select(Booking.uses_own_preferences).where(Booking.id == bindparam("booking")).scalar_subquery()
    return (
        select(
            WorkforceVersion.stamp,
            Agency.timezone,
            Agency.travel_radius_km,
            Agency.travel_speed_kmh,
            Agency.travel_buffer_minutes,
            Client.id.label("client_id"),
            Client.home_lat,
            Client.home_lon,
            own.label("own"),
            _workers_related(client, ClientWorkerRelation.PREFERRED).label("preferred"),
            _workers_related(client, ClientWorkerRelation.BLOCKED).label("blocked"),
        )
        .select_from(WorkforceVersion)
        .join(Agency, literal(True))
        .outerjoin(Client, Client.id == client)
        .order_by(Agency.id)
        .limit(1)
    )


def _workers_related(client: Any, relation: ClientWorkerRelation) -> Any:
    """The client's preferred (or blocked) workers' ids, comma-separated: one column, not a row each."""
    return (
        select(func.aggregate_strings(cast(ClientWorker.worker_id, String), ","))
        .where(ClientWorker.client_id == client, ClientWorker.relation == relation)
        .scalar_subquery()
    )


def settings_and_client(client_id: int, booking_id: int | None, *, session: Session) -> Row | None:
    """In one statement: the workforce stamp and the agency's travel settings; the client's home
    position (client_id None: no such client) and whether the booking (if any) uses its own
    preferences; and the client's preferred and blocked workers, as comma-separated ids."""
    values = {"client": client_id, "booking": booking_id}
    return session.connection().execute(_settings_statement(), values).first()


@cache
def _requirements_statement(wishes_from: str) -> Select:
    client: BindParameter[int] = bindparam("client")
    program: BindParameter[int] = bindparam("program")
    scopes: list[ColumnElement[bool]] = [
        Requirement.level == RequirementLevel.GLOBAL,
        and_(Requirement.level == RequirementLevel.PROGRAM, Requirement.program_id == program),
        and_(Requirement.level == RequirementLevel.CLIENT, Requirement.client_id == client),
        and_(
            Requirement.level == RequirementLevel.CLIENT_SERVICE,
            Requirement.client_id == client,
            Requirement.service_id == bindparam("service"),
        ),
    ]
    if wishes_from == "preference":
        scopes.append(and_(Requirement.level == RequirementLevel.PREFERENCE, Requirement.client_id == client))
    elif wishes_from == "booking":
        scopes.append(
            and_(
                Requirement.level == RequirementLevel.BOOKING, Requirement.booking_id == bindparam("booking")
            )
        )
    return (
        select(
            Requirement.competency_id,
            Requirement.characteristic_id,
            Requirement.mandatory,
            Requirement.weight,
        )
        .where(or_(*scopes))
        .order_by(Requirement.id)
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
    values: dict[str, int | None] = {"client": client_id, "service": service_id, "program": program_id}
    if wishes_from == "booking":
        values["booking"] = booking_id
    return list(session.connection().execute(_requirements_statement(wishes_from), values).all())


def _workers(column: Any, named: bool) -> ColumnElement[bool]:
    """All workers, or those in the bound list "workers" (an empty list matches nothing)."""
    return column.in_(bindparam("workers", expanding=True)) if named else true()


def _named(worker_ids: Collection[int] | None) -> dict[str, list[int]]:
    return {} if worker_ids is None else {"workers": sorted(worker_ids)}


def _plain_rows(
    session: Session, statement: Select | CompoundSelect, values: dict[str, Any]
) -> list[tuple[Any, ...]]:
    """The driver's own tuples, for the two statements that return a row per busy worker: their
    columns are numbers (no type conversion to do) and building thousands of Rows would cost
    more than the query itself."""
    result = session.connection().execute(statement, values)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _spans(spans: Sequence[tuple[datetime, ...]]) -> dict[str, datetime]:
    """Span n's moments bound as s{n}_0, s{n}_1, ..."""
    return {f"s{n}_{i}": moment for n, span in enumerate(spans) for i, moment in enumerate(span)}


def _moment(n: int, i: int) -> Any:
    """Untyped: compared with a column, it takes that column's type (UTCDateTime)."""
    return bindparam(f"s{n}_{i}")


@cache
def _busy_statement(spans: int, named: bool, apart: bool) -> Select | CompoundSelect:
    """apart: the spans do not overlap (a weekly series' do not), so each is read as its own
    statement of a UNION ALL; an OR of them has SQLite gather every row id in a set first, to
    drop a row two spans both find (a fifth of the statement's time)."""
    on_map = and_(Shift.lat.isnot(None), Shift.lon.isnot(None))
    home = select(Client.home_lat, Client.home_lon).where(Client.id == Shift.client_id)
    columns = select(
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
    )
    busy = and_(Shift.status.in_(BUSY_SHIFT_STATUSES), _workers(Shift.worker_id, named))

    def starts_in(n: int) -> ColumnElement[bool]:
        return and_(
            Shift.starts_at >= _moment(n, 0), Shift.starts_at < _moment(n, 1), Shift.ends_at > _moment(n, 2)
        )

    if apart and spans > 1:
        return union_all(*(columns.where(starts_in(n), busy) for n in range(spans)))
    return columns.where(or_(*(starts_in(n) for n in range(spans))), busy)


def busy_shifts(
    spans: Sequence[tuple[datetime, datetime, datetime]],
    worker_ids: Collection[int] | None,
    *,
    session: Session,
) -> list[tuple]:
    """Busy shifts that start in any of the spans, with their times in epoch seconds and their place
    (the client's home when the shift has none, looked up only for those). Each span is (start
    from, start before, end after): the index is read by start, the end leaves out the rest."""
    ordered = sorted(spans)
    apart = all(a[1] <= b[0] for a, b in pairwise(ordered))  # no start can be in two spans
    statement = _busy_statement(len(spans), worker_ids is not None, apart)
    return _plain_rows(session, statement, _spans(spans) | _named(worker_ids))


@cache
def _leave_statement(spans: int, named: bool) -> Select:
    overlaps = or_(
        *(and_(Leave.starts_at < _moment(n, 1), Leave.ends_at > _moment(n, 0)) for n in range(spans))
    )
    return select(Leave.worker_id, Leave.starts_at, Leave.ends_at).where(
        overlaps, _workers(Leave.worker_id, named)
    )


def on_leave(
    spans: Sequence[tuple[datetime, datetime]], worker_ids: Collection[int] | None, *, session: Session
) -> list[Row]:
    statement = _leave_statement(len(spans), worker_ids is not None)
    return list(session.connection().execute(statement, _spans(spans) | _named(worker_ids)).all())


def rostered_minutes(
    weeks: Sequence[tuple[datetime, datetime]],
    worker_ids: Collection[int] | None,
    ignore_shift_ids: Collection[int],
    adding: int,
    *,
    least_most: int,
    session: Session,
) -> list[tuple]:
    """(worker id, week, minutes): busy minutes per worker and week (an index into `weeks`, the
    agency's own weeks), each shift counted in the week it starts; only where `adding` more
    minutes would pass the worker's weekly maximum, so a search reads a handful of rows, not one
    per worker. `least_most` is the smallest weekly maximum of any worker. A worker with nothing
    rostered in a week has no row for it (the caller counts 0).

    The totals are kept per UTC week (rostered_week, migration 0020). An agency's week starts
    some hours before or after the UTC week nearest it, so each week's total is that UTC week's,
    plus the shifts in the hours the agency's week has before (or after) it, minus those in the
    hours it lacks. Only UTC weeks that could pass `least_most` are read: a total is at most
    the kept one plus the largest of those additions."""
    parts = tuple(_parts(weeks))
    statement = _rostered_statement(
        len(weeks), tuple((n, sign) for n, sign, *_ in parts), worker_ids is not None, bool(ignore_shift_ids)
    )
    values: dict[str, object] = {**_spans(weeks), **_named(worker_ids)}
    values |= {f"b{n}": _utc_week(start, end)[0].date() for n, (start, end) in enumerate(weeks)}
    values |= {
        f"p{k}_{i}": moment
        for k, (*_, start, end) in enumerate(parts)
        for i, moment in enumerate((start, end))
    }
    values |= {"adding": adding, "least": least_most}
    if ignore_shift_ids:
        values["ignore"] = sorted(ignore_shift_ids)
    return _plain_rows(session, statement, values)


WEEK = timedelta(days=7)


def _utc_week(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """The UTC week (Monday 00:00 UTC to the next) nearest the agency's week from start to end."""
    middle = (start + (end - start) / 2).astimezone(UTC)
    monday = datetime.combine(middle.date() - timedelta(days=middle.weekday()), time(0), UTC)
    return monday, monday + WEEK


def _parts(weeks: Sequence[tuple[datetime, datetime]]) -> Iterator[tuple[int, int, datetime, datetime]]:
    """(week, sign, from, to): the hours to add (+1) to, or take away (-1) from, each week's UTC
    week to make it the agency's week."""
    for n, (start, end) in enumerate(weeks):
        utc_start, utc_end = _utc_week(start, end)
        if start != utc_start:
            yield (n, 1, start, utc_start) if start < utc_start else (n, -1, utc_start, start)
        if end != utc_end:
            yield (n, 1, utc_end, end) if end > utc_end else (n, -1, end, utc_end)


@cache
def _rostered_statement(
    weeks: int, parts: tuple[tuple[int, int], ...], named: bool, ignoring: bool
) -> Select:
    minutes = _Seconds(Shift.starts_at, Shift.ends_at) // 60
    counted = and_(
        Shift.worker_id.isnot(None), Shift.status.in_(BUSY_SHIFT_STATUSES), _workers(Shift.worker_id, named)
    )
    adding, least = bindparam("adding", type_=Integer), bindparam("least", type_=Integer)
    rows: list[Select] = []
    plus: Any = literal(0, Integer)
    if parts:
        corrections = union_all(
            *(
                select(
                    Shift.worker_id.label("worker_id"),
                    literal(n, Integer).label("week"),
                    (minutes if sign > 0 else -minutes).label("minutes"),
                ).where(Shift.starts_at >= _part(k, 0), Shift.starts_at < _part(k, 1), counted)
                for k, (n, sign) in enumerate(parts)
            )
        ).cte("corrections")
        by_week = (
            select(func.sum(corrections.c.minutes).label("minutes"))
            .group_by(corrections.c.worker_id, corrections.c.week)
            .subquery()
        )
        plus = (
            select(func.coalesce(func.max(by_week.c.minutes), 0))
            .where(by_week.c.minutes > 0)
            .scalar_subquery()
        )
        rows.append(select(corrections.c.worker_id, corrections.c.week, corrections.c.minutes))
    week = case(*[(RosteredWeek.week == bindparam(f"b{n}", type_=Date), n) for n in range(weeks)])
    rows.append(
        select(RosteredWeek.worker_id, week.label("week"), RosteredWeek.minutes).where(
            RosteredWeek.week.in_([bindparam(f"b{n}", type_=Date) for n in range(weeks)]),
            RosteredWeek.minutes > least - adding - plus,  # read by the index (week, minutes)
            _workers(RosteredWeek.worker_id, named),
        )
    )
    if ignoring:  # the caller's own shifts count for nothing
        rows.append(
            select(Shift.worker_id, _week_of(weeks).label("week"), (-minutes).label("minutes")).where(
                Shift.id.in_(bindparam("ignore", expanding=True)), _week_of(weeks) >= 0, counted
            )
        )
    every = union_all(*rows).subquery()
    total = func.sum(every.c.minutes)
    most = select(Worker.max_hours_per_week * 60).where(Worker.id == every.c.worker_id).scalar_subquery()
    return (
        select(every.c.worker_id, every.c.week, total.label("minutes"))
        .group_by(every.c.worker_id, every.c.week)
        .having(and_(total > 0, total + adding > least, total + adding > most))
    )


def _part(k: int, i: int) -> Any:
    return bindparam(f"p{k}_{i}")


def _week_of(weeks: int) -> ColumnElement[int]:
    """The index into the weeks of the week a shift starts in (-1: none of them)."""
    return case(
        *[(and_(Shift.starts_at >= _moment(n, 0), Shift.starts_at < _moment(n, 1)), n) for n in range(weeks)],
        else_=-1,
    )
