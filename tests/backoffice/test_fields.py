"""Reading what staff type into back-office forms (pure: no database)."""

from datetime import date

import pytest

from domain.backoffice import fields


@pytest.mark.parametrize(
    ("typed", "day"),
    [("31/3/2027", date(2027, 3, 31)), ("2027-03-31", date(2027, 3, 31)), (" 1.2.2027 ", date(2027, 2, 1))],
)
def test_dates_are_read_day_first_or_iso(typed: str, day: date) -> None:
    assert fields.day(typed, "the date") == day


@pytest.mark.parametrize(
    ("typed", "message"),
    [("", "Please enter"), ("3/31/2027", "not a date on the calendar"), ("soon", "is not a date")],
)
def test_bad_dates_say_why(typed: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fields.day(typed, "the date")


@pytest.mark.parametrize(
    ("typed", "spans"),
    [
        ("7:00-15:00", [(420, 900)]),
        ("9am - 5:30 pm", [(540, 1050)]),
        ("18:00-12 am, 6:00-9:00", [(360, 540), (1080, 1440)]),
        ("22:00-0:00", [(1320, 1440)]),
        ("0:00 to 6:00", [(0, 360)]),
        ("", []),
    ],
)
def test_a_days_availability_is_read_as_spans(typed: str, spans: list[tuple[int, int]]) -> None:
    assert fields.spans_of_day(typed, 0) == spans
    assert fields.spans_of_day(fields.day_text(spans), 0) == spans  # what the form shows reads back the same


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("9-", "not a span"),
        ("17:00-9:00", "ends before it starts"),
        ("8-12, 11-14", "overlap"),
        ("13pm-14:00", "not a time"),
    ],
)
def test_bad_availability_says_why(typed: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fields.spans_of_day(typed, 2)


@pytest.mark.parametrize(("typed", "cents"), [("56.75", 5675), ("$1,000", 100000), (0, 0), ("0.5", 50)])
def test_dollars_are_read_to_the_cent(typed: object, cents: int) -> None:
    assert fields.cents(typed, "the rate") == cents


@pytest.mark.parametrize("typed", ["-1", "1.234", "nan", "inf", "", "lots", "100000"])
def test_bad_dollars_are_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="the rate"):
        fields.cents(typed, "the rate")
