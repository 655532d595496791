"""The time band of a visit, on the agency's local clock: the edges at 06:00, 20:00 and midnight,
weekends, the state's public holidays and Sydney's daylight-saving changes. No database."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from domain.pricing.bands import band_of_visit, is_public_holiday
from domain.vocabulary import TimeBand

SYDNEY = ZoneInfo("Australia/Sydney")
PERTH = ZoneInfo("Australia/Perth")
WEDNESDAY = date(2026, 6, 17)  # an ordinary winter weekday (UTC+10)
JANUARY_WEDNESDAY = date(2027, 1, 13)  # summer time (UTC+11)


def visit(day: date, start: time, minutes: int, zone: ZoneInfo = SYDNEY) -> tuple[datetime, datetime]:
    starts = datetime.combine(day, start, zone)
    return starts.astimezone(UTC), (starts + timedelta(minutes=minutes)).astimezone(UTC)


def band(day: date, start: time, minutes: int, state: str = "NSW") -> TimeBand:
    return band_of_visit(*visit(day, start, minutes), SYDNEY, state)


def test_a_weekday_visit_in_the_day_is_weekday_daytime() -> None:
    assert band(WEDNESDAY, time(9), 120) == TimeBand.WEEKDAY


def test_a_visit_finishing_at_18_00_or_at_20_00_is_still_daytime() -> None:
    assert band(WEDNESDAY, time(16), 120) == TimeBand.WEEKDAY
    assert band(WEDNESDAY, time(18), 120) == TimeBand.WEEKDAY


def test_a_visit_finishing_a_minute_after_20_00_is_an_evening_visit() -> None:
    assert band(WEDNESDAY, time(18), 121) == TimeBand.EVENING
    assert band(WEDNESDAY, time(20), 60) == TimeBand.EVENING


def test_an_evening_visit_finishing_at_midnight_is_evening_and_a_minute_later_night() -> None:
    assert band(WEDNESDAY, time(22), 120) == TimeBand.EVENING
    assert band(WEDNESDAY, time(22), 121) == TimeBand.NIGHT


def test_a_visit_starting_before_six_is_a_night_visit_and_at_six_daytime() -> None:
    assert band(WEDNESDAY, time(5, 59), 60) == TimeBand.NIGHT
    assert band(WEDNESDAY, time(6), 60) == TimeBand.WEEKDAY


def test_the_day_is_the_day_the_visit_starts() -> None:
    friday, saturday = date(2026, 6, 19), date(2026, 6, 20)
    assert band(friday, time(23), 120) == TimeBand.NIGHT  # into Saturday: still Friday's night
    assert band(saturday, time(23), 120) == TimeBand.SATURDAY  # into Sunday: still Saturday
    assert band(saturday + timedelta(days=1), time(10), 60) == TimeBand.SUNDAY


def test_a_public_holiday_of_the_state_wins_over_the_weekday_and_over_sunday() -> None:
    assert band(date(2026, 12, 25), time(10), 60) == TimeBand.PUBLIC_HOLIDAY  # Christmas, a Friday
    assert band(date(2026, 1, 26), time(10), 60) == TimeBand.PUBLIC_HOLIDAY  # Australia Day, a Monday
    assert band(date(2026, 4, 5), time(10), 60, "NSW") == TimeBand.PUBLIC_HOLIDAY  # Easter Sunday in NSW


def test_public_holidays_are_the_agency_states() -> None:
    labour_day_nsw = date(2026, 10, 5)  # first Monday in October: NSW, not Victoria
    assert is_public_holiday(labour_day_nsw, "NSW")
    assert not is_public_holiday(labour_day_nsw, "VIC")
    assert band(labour_day_nsw, time(10), 60, "VIC") == TimeBand.WEEKDAY


def test_19_00_in_summer_time_is_daytime_as_in_winter() -> None:
    """A fixed UTC+10 would put a summer 19:00-20:00 visit at 20:00-21:00: an evening visit."""
    assert band(JANUARY_WEDNESDAY, time(19), 60) == TimeBand.WEEKDAY
    assert band(WEDNESDAY, time(19), 60) == TimeBand.WEEKDAY


def test_the_nights_the_clocks_change_in_sydney() -> None:
    # Clocks go forward on Sunday 4 October 2026 at 02:00 and back on Sunday 4 April 2027 at 03:00.
    assert band(date(2026, 10, 3), time(23), 240) == TimeBand.SATURDAY
    assert band(date(2027, 4, 3), time(23), 240) == TimeBand.SATURDAY
    # The Monday after: ordinary weekday bands on the new offset.
    assert band(date(2026, 10, 5 + 1), time(19), 60) == TimeBand.WEEKDAY
    assert band(date(2027, 4, 5), time(19), 61) == TimeBand.EVENING


def test_the_bands_are_read_on_the_agencys_clock_not_utc() -> None:
    """09:00 in Perth is 11:00 in Sydney: the same instant, the band of the agency's own zone."""
    starts, ends = visit(WEDNESDAY, time(5), 60, PERTH)  # 05:00-06:00 in Perth, 07:00-08:00 in Sydney
    assert band_of_visit(starts, ends, PERTH, "WA") == TimeBand.NIGHT
    assert band_of_visit(starts, ends, SYDNEY, "NSW") == TimeBand.WEEKDAY


weekday_dates = st.dates(date(2026, 1, 1), date(2028, 12, 31)).filter(
    lambda d: d.weekday() < 5 and not is_public_holiday(d, "NSW")
)


@given(day=weekday_dates, start=st.integers(6 * 60, 20 * 60 - 15), minutes=st.integers(15, 14 * 60))
def test_a_weekday_visit_from_6_is_daytime_exactly_when_it_ends_by_20(
    day: date, start: int, minutes: int
) -> None:
    found = band(day, time(start // 60, start % 60), minutes)
    ends = start + minutes
    if ends <= 20 * 60:
        assert found == TimeBand.WEEKDAY
    elif ends <= 24 * 60:
        assert found == TimeBand.EVENING
    else:
        assert found == TimeBand.NIGHT


@given(
    day=st.dates(date(2026, 1, 1), date(2028, 12, 31)),
    start=st.integers(0, 24 * 60 - 1),
    minutes=st.integers(15, 24 * 60),
)
def test_a_weekend_or_holiday_visit_takes_the_band_of_its_day_whatever_the_hour(
    day: date, start: int, minutes: int
) -> None:
    found = band(day, time(start // 60, start % 60), minutes)
    if is_public_holiday(day, "NSW"):
        assert found == TimeBand.PUBLIC_HOLIDAY
    elif day.weekday() == 6:
        assert found == TimeBand.SUNDAY
    elif day.weekday() == 5:
        assert found == TimeBand.SATURDAY
    else:
        assert found in {TimeBand.WEEKDAY, TimeBand.EVENING, TimeBand.NIGHT}
