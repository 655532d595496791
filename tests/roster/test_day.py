"""The Day Manager's day, on both databases: what it shows, who may see it, bad input refused,
and the day read in the same few statements however busy it is."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import event, select

from domain import clock
from domain.errors import InvalidInput, NotAllowed
from domain.roster import day as day_manager
from domain.roster.day import DayFilter, Show
from domain.vocabulary import ShiftStatus
from storage import db
from storage.models import Shift
from tests.support.personas import Personas

DEMO_DAY = date(2026, 11, 27)


@contextmanager
def statements() -> Iterator[list[str]]:
    """Every SQL statement the code sends while the block runs."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    engine = db.engine()
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_the_day_lists_its_shifts_in_order_with_counts_by_status(personas: Personas) -> None:
    shown = day_manager.day(personas.roster, DEMO_DAY)
    assert shown.shifts, "the demo agency has visits today"
    assert [s.starts for s in shown.shifts] == sorted(s.starts for s in shown.shifts)
    assert all(s.starts.date() == DEMO_DAY for s in shown.shifts)
    assert shown.counts[Show.ALL] == len(shown.shifts)
    assert shown.counts[Show.ALL] == sum(shown.counts[show] for show in Show if show != Show.ALL)


def test_an_unallocated_shift_is_found_by_status_service_and_client_name(personas: Personas) -> None:
    base = day_manager.day(personas.roster, DEMO_DAY).shifts[0]
    with db.write() as session:
        shift = session.get(Shift, base.shift_id)
        shift.status, shift.worker_id = ShiftStatus.UNALLOCATED, None
    unallocated = day_manager.day(personas.roster, DEMO_DAY, DayFilter(show=Show.UNALLOCATED))
    assert [s.shift_id for s in unallocated.shifts] == [base.shift_id]
    assert unallocated.shifts[0].worker is None
    surname = base.client.split()[-1].upper()
    by_name = day_manager.day(personas.roster, DEMO_DAY, DayFilter(search=surname[:4]))
    assert base.shift_id in {s.shift_id for s in by_name.shifts}
    assert all(
        surname[:4].lower() in s.client.lower() or surname[:4].lower() in (s.worker or "").lower()
        for s in by_name.shifts
    )
    service_id = next(sid for sid, name in by_name.services if name == base.service)
    by_service = day_manager.day(personas.roster, DEMO_DAY, DayFilter(service_id=service_id))
    assert {s.service for s in by_service.shifts} == {base.service}


def test_a_search_with_wildcards_matches_them_literally(personas: Personas) -> None:
    assert day_manager.day(personas.roster, DEMO_DAY, DayFilter(search="%")).shifts == ()


def test_a_search_that_is_too_long_is_refused(personas: Personas) -> None:
    with pytest.raises(InvalidInput, match="at most 80 characters"):
        day_manager.day(personas.roster, DEMO_DAY, DayFilter(search="x" * 81))


def test_only_roster_officers_and_administrators_open_the_day(personas: Personas) -> None:
    assert day_manager.day(personas.admin, DEMO_DAY).shifts
    for outsider in (personas.worker, personas.client, personas.carer, personas.case_manager):
        with pytest.raises(NotAllowed):
            day_manager.day(outsider, DEMO_DAY)


def test_the_day_is_read_in_the_same_statements_however_many_shifts_it_has(personas: Personas) -> None:
    day_manager.day(personas.roster, DEMO_DAY)  # the agency's settings are read once and kept
    with statements() as quiet:
        day_manager.day(personas.roster, DEMO_DAY)
    copies = _copy_day_shifts(DEMO_DAY, DEMO_DAY + timedelta(days=1), times=3)
    with statements() as busy:
        shown = day_manager.day(personas.roster, DEMO_DAY)
    assert copies > 0
    assert shown.counts[Show.ALL] > copies
    assert len(busy) == len(quiet)


def _copy_day_shifts(day: date, unused_day: date, times: int) -> int:
    """More shifts on the day, unallocated (so no worker gets two at once)."""
    start, end = clock.now() - timedelta(hours=11), clock.now() + timedelta(hours=13)
    with db.write() as session:
        originals = list(
            session.scalars(select(Shift).where(Shift.starts_at >= start, Shift.starts_at < end))
        )
        made = 0
        for n in range(times):
            for original in originals:
                columns = {c.key: getattr(original, c.key) for c in Shift.__table__.columns if c.key != "id"}
                columns.update(
                    booking_id=None,
                    worker_id=None,
                    status=ShiftStatus.UNALLOCATED,
                    occurrence_date=unused_day + timedelta(days=n),
                )
                session.add(Shift(**columns))
                made += 1
    return made


def test_the_day_filter_keeps_its_page_within_range(personas: Personas) -> None:
    shown = day_manager.day(personas.roster, DEMO_DAY, replace(DayFilter(), page=99))
    assert shown.page == shown.pages
