"""The rules one worker at a time (checks.py): age, competencies and characteristics on the day,
windows, clashes, the shifts either side and the travel between, where the worker starts from,
hours in the week; and that a search's quick checks agree with them. No database: workers,
shifts and rules are made in memory."""

from datetime import date, datetime, timedelta

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.matching import checks, wording
from domain.matching.checks import Busy, Explainer
from domain.matching.columns import columns_of
from domain.matching.cut import cut
from domain.matching.distance import Spot
from domain.matching.search import fits
from domain.matching.slot import Slot
from tests.matching.builders import at
from tests.matching.in_memory import (
    CLIENT_HOME,
    FEMALE,
    GREEK,
    YOUNG,
    busy,
    busy_for,
    km_north,
    rules,
    shift,
    shift_for,
    worker,
)

MONDAY = date(2026, 12, 7)
TUESDAY = MONDAY + timedelta(days=1)
FIRST_AID = 1


# Age


def test_a_worker_is_a_year_older_from_their_birthday_on() -> None:
    born = date(2000, 6, 15)
    assert checks.age_on(born, date(2026, 6, 14)) == 25
    assert checks.age_on(born, date(2026, 6, 15)) == 26


def test_someone_born_on_29_february_is_a_year_older_from_1_march_in_common_years() -> None:
    born = date(2004, 2, 29)
    assert checks.age_on(born, date(2027, 2, 28)) == 22
    assert checks.age_on(born, date(2027, 3, 1)) == 23
    assert checks.age_on(born, date(2028, 2, 29)) == 24


def _birthday(born: date, year: int) -> date:
    """The day someone is a year older that year: 1 March for 29 February in a common year."""
    try:
        return born.replace(year=year)
    except ValueError:
        return date(year, 3, 1)


days = st.dates(date(1930, 1, 1), date(2040, 12, 31))


@settings(deadline=None)
@given(born=days, day=days)
def test_age_counts_the_birthdays_passed(born: date, day: date) -> None:
    age = checks.age_on(born, day)
    if day < born:
        return
    assert _birthday(born, born.year + age) <= day < _birthday(born, born.year + age + 1)


@settings(deadline=None)
@given(born=st.lists(days, min_size=1, max_size=8), day=days)
def test_ages_worked_out_as_columns_are_the_ages_worked_out_one_by_one(born: list[date], day: date) -> None:
    workers = [worker(n, born=b) for n, b in enumerate(born, 1)]
    columns = columns_of(workers, [w.id for w in workers])
    ages = columns.ages_on(np.arange(len(workers)), day).tolist()
    assert ages == [checks.age_on(b, day) for b in born]


# Competencies and characteristics


def test_a_competency_not_held_is_missing() -> None:
    assert checks.competency_gap(worker(), FIRST_AID, "First aid", MONDAY) == "missing: First aid"


def test_a_competency_is_valid_through_its_last_day_and_expired_the_day_after() -> None:
    ann = worker(competencies={FIRST_AID: (None, MONDAY)})
    assert checks.competency_gap(ann, FIRST_AID, "First aid", MONDAY) is None
    assert checks.competency_gap(ann, FIRST_AID, "First aid", TUESDAY) == (
        "missing: First aid (expired 2026-12-07)"
    )


def test_a_competency_obtained_after_the_shift_day_is_not_valid_yet() -> None:
    ann = worker(competencies={FIRST_AID: (TUESDAY, None)})
    assert checks.competency_gap(ann, FIRST_AID, "First aid", MONDAY) == (
        "missing: First aid (valid from 2026-12-08)"
    )
    assert checks.competency_gap(ann, FIRST_AID, "First aid", TUESDAY) is None


def test_a_gender_asked_for_is_met_only_by_workers_of_that_gender() -> None:
    assert checks.characteristic_gap(worker(gender="female"), FEMALE, MONDAY) is None
    assert checks.characteristic_gap(worker(gender="male"), FEMALE, MONDAY) == "missing: Female worker"


def test_an_age_band_includes_both_its_ends() -> None:
    def gap(born: date) -> str | None:
        return checks.characteristic_gap(worker(born=born), YOUNG, MONDAY)

    assert gap(date(2008, 12, 8)) == "aged 17, not aged 18–29"
    assert gap(date(2008, 12, 7)) is None  # 18 today
    assert gap(date(1996, 12, 8)) is None  # 29 until tomorrow
    assert gap(date(1996, 12, 7)) == "aged 30, not aged 18–29"


def test_a_language_is_met_by_workers_who_speak_it() -> None:
    assert checks.characteristic_gap(worker(characteristics=frozenset({GREEK.id})), GREEK, MONDAY) is None
    assert checks.characteristic_gap(worker(), GREEK, MONDAY) == "missing: Speaks Greek"


def test_a_blocked_worker_without_a_home_on_the_map_is_told_both() -> None:
    ann = worker(home=None)
    found = checks.requirement_reasons(ann, shift(MONDAY, "09:00", "10:00"), rules(ann, blocked={ann.id}))
    assert found == [wording.BLOCKED, wording.NO_HOME_POSITION]


# Windows


def test_a_window_must_cover_the_whole_shift() -> None:
    visit = shift(MONDAY, "09:00", "11:00")
    assert checks.covered(worker(windows=((0, 9 * 60, 11 * 60),)), visit)
    assert not checks.covered(worker(windows=((0, 9 * 60, 11 * 60 - 1),)), visit)
    assert not checks.covered(worker(windows=((1, 0, 1440),)), visit)


def test_windows_that_touch_cover_a_shift_across_them() -> None:
    ann = worker(windows=((0, 8 * 60, 10 * 60), (0, 10 * 60, 12 * 60)))
    assert checks.covered(ann, shift(MONDAY, "09:00", "11:00"))


def test_a_night_shift_needs_a_window_until_midnight_and_one_from_midnight() -> None:
    night = shift(MONDAY, "22:00", "06:00", end_day=TUESDAY)
    assert checks.covered(worker(windows=((0, 20 * 60, 1440), (1, 0, 7 * 60))), night)
    assert not checks.covered(worker(windows=((0, 20 * 60, 1440),)), night)
    assert not checks.covered(worker(windows=((0, 20 * 60, 1439), (1, 0, 7 * 60))), night)


# Other shifts: clashes and neighbours


def test_a_shift_ending_as_the_new_one_starts_does_not_clash_but_one_a_minute_later_does() -> None:
    visit = shift(MONDAY, "09:00", "10:00")
    before, overlapping = busy(MONDAY, "08:00", "09:00"), busy(MONDAY, "08:00", "09:01")
    assert checks.clashes([before], visit) == []
    assert checks.clashes([before, overlapping], visit) == [overlapping]


@settings(deadline=None)
@given(starts=st.integers(-600, 600), minutes=st.integers(1, 600))
def test_another_shift_clashes_exactly_when_the_two_share_a_moment(starts: int, minutes: int) -> None:
    visit = shift(MONDAY, "09:00", "10:00")  # minutes 0 to 60 from its start
    other = busy_for(_after(visit, starts), _after(visit, starts + minutes))
    shared = starts < 60 and starts + minutes > 0
    assert checks.clashes([other], visit) == ([other] if shared else [])


def test_a_shift_that_ended_a_full_day_before_is_no_longer_a_neighbour() -> None:
    visit = shift(MONDAY, "09:00", "10:00")
    a_day_before = busy(MONDAY - timedelta(days=1), "07:00", "09:00")
    a_minute_later = busy(MONDAY - timedelta(days=1), "07:00", "09:01")
    assert checks.neighbours([a_day_before], visit) == (None, None)
    assert checks.neighbours([a_minute_later], visit) == (a_minute_later, None)


def test_the_neighbours_are_the_shift_ending_last_before_and_the_one_starting_first_after() -> None:
    visit = shift(MONDAY, "09:00", "10:00")
    early = busy(MONDAY, "06:00", "07:00", shift_id=1)
    late = busy(MONDAY, "07:00", "08:30", shift_id=2)
    next_one = busy(MONDAY, "10:00", "11:00", shift_id=3)
    after_that = busy(MONDAY, "12:00", "13:00", shift_id=4)
    assert checks.neighbours([after_that, late, next_one, early], visit) == (late, next_one)


def test_a_clashing_shift_is_neither_before_nor_after() -> None:
    overlapping = busy(MONDAY, "08:30", "09:30")
    assert checks.neighbours([overlapping], shift(MONDAY, "09:00", "10:00")) == (None, None)


# Travel between shifts


def _travel(previous: Busy | None, following: Busy | None, visit: Slot) -> list[str]:
    found = checks.travel_reasons(previous, following, visit, rules())
    assert checks.travel_fits(previous, following, visit, rules()) == (found == [])
    return found


def test_from_a_shift_at_the_same_place_the_buffer_is_enough() -> None:
    visit = shift(MONDAY, "09:00", "10:00")
    assert _travel(busy(MONDAY, "07:00", "08:45"), None, visit) == []
    assert _travel(busy(MONDAY, "07:00", "08:46"), None, visit) == [
        "needs 15 min to come from the 07:00–08:46 shift, has 14"
    ]


def test_from_ten_km_away_at_30_kmh_a_worker_needs_20_minutes_and_the_buffer() -> None:
    visit, away = shift(MONDAY, "09:00", "10:00"), km_north(10)
    assert _travel(busy(MONDAY, "07:00", "08:25", place=away), None, visit) == []
    assert _travel(busy(MONDAY, "07:00", "08:26", place=away), None, visit) == [
        "needs 35 min to come from the 07:00–08:26 shift, has 34"
    ]


def test_to_the_next_shift_ten_km_away_a_worker_needs_as_long() -> None:
    visit, away = shift(MONDAY, "09:00", "10:00"), km_north(10)
    assert _travel(None, busy(MONDAY, "10:35", "12:00", place=away), visit) == []
    assert _travel(None, busy(MONDAY, "10:34", "12:00", place=away), visit) == [
        "needs 35 min to get to the 10:34–12:00 shift, has 34"
    ]


def test_from_a_shift_not_on_the_map_only_the_buffer_is_needed() -> None:
    visit = shift(MONDAY, "09:00", "10:00")
    assert _travel(busy(MONDAY, "07:00", "08:45", place=None), None, visit) == []


# Where the worker starts from


def test_a_worker_starts_from_their_last_shift_that_day() -> None:
    earlier = busy(MONDAY, "07:00", "08:00", place=km_north(5))
    assert checks.origin(worker(), earlier, shift(MONDAY, "09:00", "10:00")) == km_north(5)


def test_a_worker_starts_from_home_after_a_shift_that_ended_the_evening_before() -> None:
    last_night = busy(MONDAY - timedelta(days=1), "20:00", "23:30", place=km_north(5))
    ann = worker(home=km_north(2))
    assert checks.origin(ann, last_night, shift(MONDAY, "07:00", "08:00")) == km_north(2)


def test_a_night_shift_ending_at_midnight_is_where_the_next_day_starts_from() -> None:
    sunday = MONDAY - timedelta(days=1)
    night = busy_for(at(sunday, "20:00"), at(MONDAY, "00:00"), place=km_north(5))
    assert checks.origin(worker(), night, shift(MONDAY, "01:00", "02:00")) == km_north(5)


def test_a_worker_starts_from_home_when_their_last_shift_is_not_on_the_map() -> None:
    earlier = busy(MONDAY, "07:00", "08:00", place=None)
    assert checks.origin(worker(), earlier, shift(MONDAY, "09:00", "10:00")) == CLIENT_HOME


# Hours


def test_a_shift_may_fill_the_week_to_the_last_minute_but_not_past_it() -> None:
    ann, visit = worker(max_hours=38), shift(MONDAY, "09:00", "10:00")
    assert checks.hours_reason(ann, 37 * 60, visit) is None
    assert checks.hours_reason(ann, 37 * 60 + 30, visit) == "37.5 of 38 h rostered, this shift 1 h"


# The quick checks of a search and the worded ones agree

START = at(MONDAY, "00:00")
places = st.one_of(st.just(CLIENT_HOME), st.none(), st.floats(0, 15).map(km_north))
other_shifts = st.lists(st.tuples(st.integers(-30 * 60, 30 * 60), st.integers(15, 600), places), max_size=4)


@settings(deadline=None)
@given(
    home=st.one_of(st.just(CLIENT_HOME), st.floats(0, 14).map(km_north)),
    starts=st.integers(0, 24 * 60 - 15),
    minutes=st.integers(15, 600),
    others=other_shifts,
)
def test_a_worker_fits_a_shift_exactly_when_no_reason_of_time_or_place_is_found(
    home: Spot, starts: int, minutes: int, others: list[tuple[int, int, Spot | None]]
) -> None:
    ann = worker(home=home)
    visit = shift_for(START + timedelta(minutes=starts), START + timedelta(minutes=starts + minutes))
    booked = [
        busy_for(_after(visit, offset), _after(visit, offset + length), place=place, shift_id=n)
        for n, (offset, length, place) in enumerate(others)
    ]
    search_rules = rules(ann, radius_km=10)
    first = cut(search_rules, visit)
    worded = Explainer(visit, search_rules, first.meeting, first.covered).reasons(ann, booked, False, 0)
    reasons, tenths = checks.time_and_place_reasons(ann, visit, search_rules, booked, False, 0)
    assert worded == tuple(reasons)
    assert fits(ann, visit, search_rules, booked) == (tenths if not reasons else None)


def _after(visit: Slot, minutes: int) -> datetime:
    return visit.starts_at + timedelta(minutes=minutes)
