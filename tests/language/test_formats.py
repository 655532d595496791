"""Dates, times, numbers and money in the reader's language: the Australian house style in English,
CLDR's patterns in every other language."""

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.language import LANGUAGES, use
from domain.language import formats as f
from domain.money import dollars
from domain.vocabulary import duration, hours

FRIDAY = date(2026, 11, 27)


def test_english_keeps_the_house_style() -> None:
    assert f.long_date(FRIDAY) == "Friday 27 November 2026"
    assert f.short_date(FRIDAY) == "27 Nov 2026"
    assert f.short_day(FRIDAY) == "Fri 27 Nov 2026"
    assert f.month_year(FRIDAY) == "November 2026"
    assert f.clock_time(time(9, 30)) == "9:30 am"
    assert f.clock_time(time(0, 5)) == "12:05 am"
    assert f.clock_time(time(12, 0)) == "12:00 pm"
    assert f.date_at_time(datetime(2026, 11, 27, 14, 15)) == "Friday 27 November 2026 at 2:15 pm"
    assert dollars(123456) == "$1,234.56"
    assert dollars(-500) == "−$5.00"  # a true minus sign
    assert duration(90) == "1 hour 30 minutes"
    assert hours(150) == "1.5 hours"
    assert hours(100) == "1 hour"


@pytest.mark.parametrize(
    ("code", "long", "clock", "money"),
    [
        ("vi", "Thứ Sáu, 27 tháng 11, 2026", "09:30", "1.234,56\xa0AU$"),
        ("it", "venerdì 27 novembre 2026", "09:30", "1.234,56\xa0A$"),
        ("el", "Παρασκευή 27 Νοεμβρίου 2026", "9:30\u202fπ.μ.", "1.234,56\xa0A$"),
        ("zh_Hans", "2026年11月27日星期五", "09:30", "AU$1,234.56"),
    ],
)
def test_other_languages_follow_their_own_patterns(code: str, long: str, clock: str, money: str) -> None:
    with use(code):
        assert f.long_date(FRIDAY) == long
        assert f.clock_time(time(9, 30)) == clock
        assert dollars(123456) == money
        assert dollars(-123456) == "−" + money


def test_italian_writes_a_decimal_comma_and_plural_hours() -> None:
    with use("it"):
        assert hours(150) == "1,5 ore"
        assert hours(100) == "1 ora"
        assert duration(90) == "1 ora 30 minuti"


def test_arabic_says_two_hours_in_the_dual_and_a_fraction_in_the_plural() -> None:
    with use("ar"):
        assert duration(120) == "ساعتان"
        assert duration(60) == "ساعة واحدة"
        assert hours(150) == "1.5 ساعة"
        # an amount is one left-to-right run (LRI ... PDI): "5.00 AU$", not "$AU 5.00"
        assert dollars(500) == "\u20665.00\xa0AU$\u2069"


CODES = st.sampled_from([language.code for language in LANGUAGES])


@given(cents=st.integers(min_value=-(10**9), max_value=10**9), code=CODES)
def test_money_always_names_its_sign_and_every_digit(cents: int, code: str) -> None:
    with use(code):
        said = dollars(cents)
    # (Arabic isolates the amount as one left-to-right run: LRI ... PDI around it)
    assert said.strip("\u2066\u2069").startswith("−") == (cents < 0)
    whole, part = divmod(abs(cents), 100)
    assert "".join(ch for ch in said if ch.isdigit()) == f"{whole}{part:02d}"


@given(minutes=st.integers(min_value=1, max_value=24 * 60), code=CODES)
def test_a_length_of_time_is_said_in_every_language_with_its_numbers(minutes: int, code: str) -> None:
    whole, rest = divmod(minutes, 60)
    with use(code):
        said = duration(minutes)
    assert "{" not in said
    spoken = [n for n in (whole, rest) if n and not (code == "ar" and n in (1, 2))]  # Arabic: words
    for number in spoken:
        assert str(number) in said
