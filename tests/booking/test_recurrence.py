"""Where a booking's visits fall (domain.booking.recurrence): pure rules, no database. Sydney's clocks go
forward at 2 am on the first Sunday of October and back at 3 am on the first Sunday of April."""

import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.booking import recurrence
from domain.vocabulary import Recurrence

SYDNEY = ZoneInfo("Australia/Sydney")
REPEATING = [Recurrence.WEEKLY, Recurrence.FORTNIGHTLY, Recurrence.FOUR_WEEKLY]


def local(moment: datetime) -> datetime:
    return moment.astimezone(SYDNEY)


def test_a_weekly_visit_keeps_its_local_start_across_the_april_change() -> None:
    days = list(recurrence.dates(date(2027, 3, 21), Recurrence.WEEKLY, until=date(2027, 4, 18)))
    spans = [recurrence.span(day, time(9, 30), 90, SYDNEY) for day in days]
    assert [local(s.starts_at).time() for s in spans] == [time(9, 30)] * 5
    assert [s.starts_at.hour for s in spans] == [22, 22, 23, 23, 23]  # UTC moves by the hour instead
    assert all(s.ends_at - s.starts_at == timedelta(minutes=90) and s.time_note is None for s in spans)


def test_a_weekly_visit_keeps_its_local_start_across_the_october_change() -> None:
    days = list(recurrence.dates(date(2027, 9, 22), Recurrence.WEEKLY, until=date(2027, 10, 13)))
    spans = [recurrence.span(day, time(8, 0), 60, SYDNEY) for day in days]
    assert [local(s.starts_at).time() for s in spans] == [time(8, 0)] * 4
    assert [s.starts_at.hour for s in spans] == [22, 22, 21, 21]


def test_a_start_time_that_does_not_exist_moves_forward_by_the_jump_and_keeps_its_duration() -> None:
    span = recurrence.span(date(2027, 10, 3), time(2, 30), 60, SYDNEY)
    assert local(span.starts_at).replace(tzinfo=None) == datetime(2027, 10, 3, 3, 30)
    assert span.ends_at - span.starts_at == timedelta(minutes=60)
    assert span.time_note is not None
    assert "3:30 am" in span.time_note
    assert "2:30 am" in span.time_note


def test_an_ambiguous_start_time_takes_the_first_occurrence() -> None:
    span = recurrence.span(date(2027, 4, 4), time(2, 30), 45, SYDNEY)
    assert span.starts_at == datetime(2027, 4, 3, 15, 30, tzinfo=UTC)  # 2:30 am summer time (+11)
    assert local(span.starts_at).fold == 0
    assert span.ends_at - span.starts_at == timedelta(minutes=45)
    assert span.time_note is not None
    assert "first 2:30 am" in span.time_note


def test_a_once_only_booking_has_one_visit_and_an_end_date_stops_a_series() -> None:
    assert list(recurrence.dates(date(2027, 1, 5), Recurrence.ONCE, until=date(2027, 3, 1))) == [
        date(2027, 1, 5)
    ]
    weekly = recurrence.dates(
        date(2027, 1, 5), Recurrence.WEEKLY, until=date(2027, 3, 1), ends_on=date(2027, 1, 19)
    )
    assert list(weekly) == [date(2027, 1, 5), date(2027, 1, 12), date(2027, 1, 19)]


def test_dates_already_generated_are_skipped() -> None:
    found = recurrence.dates(
        date(2027, 1, 5), Recurrence.FORTNIGHTLY, until=date(2027, 2, 28), after=date(2027, 1, 19)
    )
    assert list(found) == [date(2027, 2, 2), date(2027, 2, 16)]


@settings(max_examples=150, deadline=None)
@given(
    first=st.dates(date(2026, 1, 1), date(2030, 12, 31)),
    start=st.times(),
    minutes=st.integers(15, 24 * 60),
    pattern=st.sampled_from(REPEATING),
    weeks=st.integers(0, 60),
)
def test_every_visit_starts_at_the_wall_time_or_the_jump_later_and_lasts_the_duration(
    first: date, start: time, minutes: int, pattern: Recurrence, weeks: int
) -> None:
    start = start.replace(second=0, microsecond=0)
    days = list(recurrence.dates(first, pattern, until=first + timedelta(weeks=weeks)))
    assert days[0] == first
    assert all((b - a).days == recurrence.STEP_DAYS[pattern] for a, b in itertools.pairwise(days))
    for day in days:
        span = recurrence.span(day, start, minutes, SYDNEY)
        wall = local(span.starts_at)
        assert span.ends_at - span.starts_at == timedelta(minutes=minutes)
        if span.time_note is None or "first" in span.time_note:
            assert (wall.date(), wall.time()) == (day, start)
        else:  # the clocks jumped an hour forward over this wall time
            moved = datetime.combine(day, start) + timedelta(hours=1)
            assert wall.replace(tzinfo=None) == moved


@settings(max_examples=100, deadline=None)
@given(
    first=st.dates(date(2026, 1, 1), date(2028, 12, 31)),
    pattern=st.sampled_from(REPEATING),
    generated=st.integers(0, 200),
    more=st.integers(0, 200),
)
def test_extending_a_series_later_gives_the_same_dates_as_making_them_at_once(
    first: date, pattern: Recurrence, generated: int, more: int
) -> None:
    middle = first + timedelta(days=generated)
    end = middle + timedelta(days=more)
    at_once = list(recurrence.dates(first, pattern, until=end))
    in_two = [
        *recurrence.dates(first, pattern, until=middle),
        *recurrence.dates(first, pattern, until=end, after=middle),
    ]
    assert in_two == at_once
