"""What matching reads per search: a fixed handful of statements whatever the number of workers
(domain/matching/search.py). Core statements on the session's connection: plain rows, none of
the ORM's bookkeeping per row (the caller's pending changes are flushed first, see context.py)."""

import sqlite3
from collections.abc import Collection, Sequence
from datetime import datetime
from functools import cache
from itertools import pairwise
from typing import Any

from sqlalchemy import (
    ColumnElement,
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


def _plain_rows(session: Session, statement: Select, values: dict[str, Any]) -> list[tuple[Any, ...]]:
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
def _busy_statement(spans: int, named: bool) -> Select:
    starts_in = or_(
        *(
            and_(
                Shift.starts_at >= _moment(n, 0),
                Shift.starts_at < _moment(n, 1),
                Shift.ends_at > _moment(n, 2),
            )
            for n in range(spans)
        )
    )
    on_map = and_(Shift.lat.isnot(None), Shift.lon.isnot(None))
    home = select(Client.home_lat, Client.home_lon).where(Client.id == Shift.client_id)
    return select(
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
    ).where(starts_in, Shift.status.in_(BUSY_SHIFT_STATUSES), _workers(Shift.worker_id, named))


def busy_shifts(
    spans: Sequence[tuple[datetime, datetime, datetime]],
    worker_ids: Collection[int] | None,
    *,
    session: Session,
) -> list[tuple]:
    """Busy shifts that start in any of the spans, with their times in epoch seconds and their place
    (the client's home when the shift has none, looked up only for those). Each span is (start
    from, start before, end after): the index is read by start, the end leaves out the rest."""
    statement = _busy_statement(len(spans), worker_ids is not None)
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
    """(worker id, week, minutes): busy minutes per worker and week (an index into `weeks`), each
    shift counted in the week it starts; only where `adding` more minutes would pass the worker's
    weekly maximum, so a search reads a handful of rows, not one per worker. `least_most` is the
    smallest weekly maximum of any worker: a test against it first spares most groups the
    look-up of their worker's own."""
    following = all(a[1] <= b[0] for a, b in pairwise(weeks))
    joined = all(a[1] == b[0] for a, b in pairwise(weeks))
    statement = _rostered_statement(len(weeks), following, joined, worker_ids is not None)
    values: dict[str, object] = {**_spans(weeks), **_named(worker_ids)}
    values |= {"ignore": sorted(ignore_shift_ids), "adding": adding, "least": least_most}
    return _plain_rows(session, statement, values)


@cache
def _rostered_statement(weeks: int, following: bool, joined: bool, named: bool) -> Select:
    week = _week_of(weeks, following)
    minutes = func.sum(_Seconds(Shift.starts_at, Shift.ends_at) // 60)
    adding = bindparam("adding", type_=Integer)
    most = select(Worker.max_hours_per_week * 60).where(Worker.id == Shift.worker_id).scalar_subquery()
    # Grouped by week first, and by the worker as a value, not a column SQLite could read an index
    # for: it then reads the week's range of the time index. (With planner statistics, as a
    # long-running portal has, it chose instead to skip-scan the worker index for every worker:
    # three times slower.)
    worker = _ByValue(Shift.worker_id) if not named else Shift.worker_id
    grouped = (worker,) if weeks == 1 else (week, worker)
    statement = (
        select(worker.label("worker_id"), week.label("week"), minutes.label("minutes"))
        .where(
            _in_weeks(weeks, joined),
            Shift.status.in_(BUSY_SHIFT_STATUSES),
            Shift.id.not_in(bindparam("ignore", expanding=True)),
            _workers(Shift.worker_id, named),
        )
        .group_by(*grouped)
        .having(and_(minutes + adding > bindparam("least", type_=Integer), minutes + adding > most))
    )
    return statement


def _week_of(weeks: int, following: bool) -> ColumnElement[int]:
    """The index into the weeks of the week a shift starts in (the statement reads only those
    weeks). For weeks in order it counts the later weeks' starts passed: a few comparisons per
    shift instead of a CASE with a range per week, about a third of the statement's time."""
    if weeks == 1:
        return literal(0, Integer)
    if following:
        return sum(
            (cast(Shift.starts_at >= _moment(n, 0), Integer) for n in range(1, weeks)), literal(0, Integer)
        )
    return case(
        *[(and_(Shift.starts_at >= _moment(n, 0), Shift.starts_at < _moment(n, 1)), n) for n in range(weeks)],
        else_=-1,
    )


def _in_weeks(weeks: int, joined: bool) -> ColumnElement[bool]:
    """Starts in one of the weeks; one range for weeks that follow each other (a weekly series)."""
    if joined:
        return and_(Shift.starts_at >= _moment(0, 0), Shift.starts_at < _moment(weeks - 1, 1))
    return or_(
        *(and_(Shift.starts_at >= _moment(n, 0), Shift.starts_at < _moment(n, 1)) for n in range(weeks))
    )
