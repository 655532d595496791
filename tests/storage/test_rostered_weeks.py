"""Each worker's busy minutes per week, kept by triggers (migration 0020), and the weekly hours a
search reads from them (storage.queries.matching.rostered_minutes): on random rosters, in time
zones ahead of and behind UTC and across daylight-saving changes, both equal what adding up the
shifts themselves gives."""

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from domain.vocabulary import BUSY_SHIFT_STATUSES, ShiftStatus
from storage import db
from storage.models import Client, RosteredWeek, Shift, Worker
from storage.queries import matching as queries
from tests.matching.builders import Town

# Sydney's clocks go back on 4 April 2027 and forward on 3 October 2027; New York's change on
# 14 March 2027; Kathmandu is 5:45 ahead; Kiritimati 14 ahead, as far as a zone goes.
ZONES = ("Australia/Sydney", "America/New_York", "Asia/Kathmandu", "Pacific/Kiritimati", "UTC")
STARTS = (
    datetime(2027, 3, 29, tzinfo=UTC),
    datetime(2027, 9, 27, tzinfo=UTC),
    datetime(2027, 3, 8, tzinfo=UTC),
)
STATUSES = tuple(s for s in ShiftStatus if s != ShiftStatus.UNALLOCATED)  # a worker's visits
# a visit with no worker can be neither unallocated nor offered to nobody
CHANGED_TO = tuple(s for s in STATUSES if s != ShiftStatus.OFFERED)

roster = st.lists(  # per worker: (gap before, length) in minutes, one visit after another
    st.lists(
        st.tuples(st.integers(0, 40 * 60), st.integers(15, 14 * 60), st.sampled_from(STATUSES)),
        max_size=10,
    ),
    min_size=1,
    max_size=4,
)


def local_weeks(zone: ZoneInfo, first: date, count: int) -> list[tuple[datetime, datetime]]:
    """The agency's Monday-to-Monday weeks from the week of `first`, as matching's slots give them."""
    monday = first - timedelta(days=first.weekday())

    def midnight(day: date) -> datetime:
        return datetime.combine(day, time(0), zone).astimezone(UTC)

    return [
        (midnight(monday + timedelta(weeks=n)), midnight(monday + timedelta(weeks=n + 1)))
        for n in range(count)
    ]


def shifts_of(session: Session) -> list[Any]:
    return list(
        session.execute(select(Shift.id, Shift.worker_id, Shift.starts_at, Shift.ends_at, Shift.status))
    )


def kept(session: Session) -> dict[tuple[int, date], int]:
    return {
        (row.worker_id, row.week): row.minutes
        for row in session.scalars(select(RosteredWeek))
        if row.minutes != 0
    }


def added_up(session: Session) -> dict[tuple[int, date], int]:
    """Busy minutes per worker and UTC week (by its Monday), from the shifts themselves."""
    found: dict[tuple[int, date], int] = defaultdict(int)
    for row in shifts_of(session):
        if row.worker_id is not None and row.status in BUSY_SHIFT_STATUSES:
            day = row.starts_at.astimezone(UTC).date()
            monday = day - timedelta(days=day.weekday())
            found[(row.worker_id, monday)] += int((row.ends_at - row.starts_at).total_seconds()) // 60
    return {key: minutes for key, minutes in found.items() if minutes != 0}


def expected_hours(
    session: Session,
    weeks: list[tuple[datetime, datetime]],
    named: set[int] | None,
    ignore: set[int],
    adding: int,
    least: int,
) -> set[tuple[int, int, int]]:
    most = {
        row.id: row.most
        for row in session.execute(select(Worker.id, (Worker.max_hours_per_week * 60).label("most")))
    }
    found: dict[tuple[int, int], int] = defaultdict(int)
    for row in shifts_of(session):
        if row.worker_id is None or row.status not in BUSY_SHIFT_STATUSES or row.id in ignore:
            continue
        if named is not None and row.worker_id not in named:
            continue
        for n, (start, end) in enumerate(weeks):
            if start <= row.starts_at < end:
                found[(row.worker_id, n)] += int((row.ends_at - row.starts_at).total_seconds()) // 60
    return {
        (worker, n, minutes)
        for (worker, n), minutes in found.items()
        if minutes > 0 and minutes + adding > least and minutes + adding > most[worker]
    }


def write_roster(
    town: Town, workers: list[int], plan: list[list[tuple[int, int, ShiftStatus]]], start: datetime
) -> None:
    for worker_id, visits in zip(workers, plan, strict=False):
        at = start
        for gap, length, status in visits:
            at += timedelta(minutes=gap)
            town.busy(worker_id, at, at + timedelta(minutes=length), status=status)
            at += timedelta(minutes=length)


PROPERTY = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@PROPERTY
@given(
    plan=roster,
    start=st.sampled_from(STARTS),
    changes=st.lists(
        st.tuples(
            st.sampled_from(("move", "unallocate", "status", "cancel", "delete")),
            st.integers(0, 60),
            st.integers(-600, 600),
        ),
        max_size=6,
    ),
)
def test_the_kept_weeks_equal_the_shifts_added_up_after_any_change(
    empty_db: str,
    plan: list[list[tuple[int, int, ShiftStatus]]],
    start: datetime,
    changes: list[tuple[str, int, int]],
) -> None:
    with Session(db.engine(), expire_on_commit=False) as session:
        town = Town(session)
        workers = [town.worker(max_hours=38) for _ in plan]
        write_roster(town, workers, plan, start)
        assert kept(session) == added_up(session)
        ids = [row.id for row in shifts_of(session)]
        for change, pick, minutes in changes:
            if not ids:
                break
            shift_id = ids[pick % len(ids)]
            if change == "move":  # a later start, within the visit: never onto another of the worker's
                starts, ends = session.execute(
                    select(Shift.starts_at, Shift.ends_at).where(Shift.id == shift_id)
                ).one()
                half = int((ends - starts).total_seconds()) // 120  # whole minutes, as visits are booked
                later = starts + timedelta(minutes=min(abs(minutes) % 14 + 1, half))
                session.execute(update(Shift).where(Shift.id == shift_id).values(starts_at=later))
            elif change == "unallocate":
                session.execute(
                    update(Shift)
                    .where(Shift.id == shift_id)
                    .values(worker_id=None, status=ShiftStatus.UNALLOCATED)
                )
            elif change == "status":
                session.execute(
                    update(Shift)
                    .where(Shift.id == shift_id)
                    .values(status=CHANGED_TO[pick % len(CHANGED_TO)])
                )
            elif change == "cancel":
                session.execute(
                    update(Shift).where(Shift.id == shift_id).values(status=ShiftStatus.CANCELLED)
                )
            else:
                session.execute(delete(Shift).where(Shift.id == shift_id))
                ids.remove(shift_id)
            assert kept(session) == added_up(session), change
        session.execute(delete(Client))  # every visit goes with its client
        assert kept(session) == {}
        session.rollback()


@PROPERTY
@given(
    plan=roster,
    start=st.sampled_from(STARTS),
    zone=st.sampled_from(ZONES),
    weeks=st.integers(1, 3),
    adding=st.integers(0, 12 * 60),
    least=st.sampled_from((60, 600, 1200)),
    max_hours=st.lists(st.sampled_from((1, 4, 10, 20, 38)), min_size=4, max_size=4),
    name_some=st.booleans(),
    ignore_some=st.integers(0, 3),
)
def test_a_search_reads_the_same_weekly_hours_as_adding_up_the_agency_s_weeks(
    empty_db: str,
    plan: list[list[tuple[int, int, ShiftStatus]]],
    start: datetime,
    zone: str,
    weeks: int,
    adding: int,
    least: int,
    max_hours: list[int],
    name_some: bool,
    ignore_some: int,
) -> None:
    with Session(db.engine(), expire_on_commit=False) as session:
        town = Town(session)
        workers = [
            town.worker(max_hours=max(hours, least // 60)) for hours, _ in zip(max_hours, plan, strict=False)
        ]
        write_roster(town, workers, plan, start)
        spans = local_weeks(ZoneInfo(zone), start.date(), weeks)
        named = set(workers[::2]) if name_some else None
        ignore = {row.id for row in shifts_of(session)[:ignore_some]}
        found = queries.rostered_minutes(spans, named, ignore, adding, least_most=least, session=session)
        assert {tuple(row) for row in found} == expected_hours(session, spans, named, ignore, adding, least)
        session.rollback()


def test_hours_on_both_sides_of_a_utc_week_count_in_the_agency_s_week(empty_db: str) -> None:
    """Sydney's week starts on Sunday 13:00 UTC: a Monday-morning visit in Sydney is a Sunday one in
    UTC, kept in the UTC week before; a Sunday-evening one is a Monday one in UTC, kept in the next."""
    sydney = ZoneInfo("Australia/Sydney")
    with Session(db.engine(), expire_on_commit=False) as session:
        town = Town(session)
        ann = town.worker(max_hours=20)
        monday = date(2026, 12, 7)

        def local(day: date, clock: time) -> datetime:
            return datetime.combine(day, clock, sydney).astimezone(UTC)

        town.busy(ann, local(monday, time(6)), local(monday, time(16)))  # Sunday 19:00–05:00 UTC
        town.busy(
            ann, local(monday + timedelta(days=6), time(20)), local(monday + timedelta(days=6), time(23))
        )
        town.busy(ann, local(monday + timedelta(days=7), time(1)), local(monday + timedelta(days=7), time(9)))
        weeks = local_weeks(sydney, monday, 2)
        found = queries.rostered_minutes(weeks, None, (), 8 * 60, least_most=20 * 60, session=session)
        assert sorted(tuple(row) for row in found) == [(ann, 0, 13 * 60)]  # 13 h + 8 h > 20 h
        found = queries.rostered_minutes(weeks, None, (), 13 * 60, least_most=20 * 60, session=session)
        assert sorted(tuple(row) for row in found) == [(ann, 0, 13 * 60), (ann, 1, 8 * 60)]
        session.rollback()
