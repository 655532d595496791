"""Choosing a statement's days, and how its figures read."""

from dataclasses import replace
from datetime import date

import pytest

from domain.errors import InvalidInput
from domain.statements import periods, wording
from domain.vocabulary import LedgerKind, ServiceUnit

from .builders import HOME_CARE, line, month_statement, no_show, service

TODAY = date(2026, 11, 27)


def test_a_past_month_runs_from_its_first_to_its_last_day() -> None:
    october = periods.choose("2026-10", None, None, TODAY)
    assert (october.first, october.last, october.label, october.so_far) == (
        date(2026, 10, 1),
        date(2026, 10, 31),
        "October 2026",
        False,
    )


def test_no_choice_means_the_last_full_month() -> None:
    october = periods.choose(None, None, None, TODAY)
    assert (october.first, october.last, october.so_far) == (date(2026, 10, 1), date(2026, 10, 31), False)


def test_this_month_runs_so_far() -> None:
    november = periods.choose("2026-11", None, None, TODAY)
    assert (november.first, november.last, november.so_far) == (date(2026, 11, 1), TODAY, True)
    assert november.label == "November 2026, so far (1 to 27 November 2026)"


def test_a_range_of_dates_is_its_own_period() -> None:
    chosen = periods.choose(None, "2026-09-15", "2026-10-20", TODAY)
    assert (chosen.first, chosen.last, chosen.month) == (date(2026, 9, 15), date(2026, 10, 20), None)
    assert chosen.label == "15 September 2026 to 20 October 2026"


@pytest.mark.parametrize(
    ("month", "start", "end", "field", "says"),
    [
        ("2026-12", None, None, "month", "has not started yet"),
        ("December", None, None, "month", "choose a month"),
        (None, "2026-10-20", "2026-09-15", "end", "on or after the start date"),
        (None, "2026-10-20", "2026-12-01", "end", "cannot be after today"),
        (None, "2026-10-20", None, "end", "both a start date and an end date"),
        (None, "10/20/2026", "2026-11-01", "start", "as dd/mm/yyyy, like 27/11/2026"),  # US order
        (None, "2020-01-01", "2026-11-01", "start", "at most three years"),
    ],
)
def test_a_bad_choice_says_what_is_wrong(
    month: str | None, start: str | None, end: str | None, field: str, says: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        periods.choose(month, start, end, TODAY)
    assert says in raised.value.fields[field]


def test_months_between_cross_the_new_year() -> None:
    assert periods.months_between(date(2025, 11, 20), date(2026, 2, 1)) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]


@pytest.mark.parametrize(
    ("units", "unit", "reads"),
    [
        (150, ServiceUnit.HOUR, "1.5 hours"),
        (100, ServiceUnit.HOUR, "1 hour"),
        (125, ServiceUnit.EACH, "1.25 units"),
    ],
)
def test_quantities_read_as_hours_or_units(units: int, unit: ServiceUnit, reads: str) -> None:
    assert wording.quantity(replace(service(1, TODAY, units=units), unit=unit)) == reads


def test_the_plain_words_tell_what_came_in_what_was_spent_and_what_is_left() -> None:
    lines = [
        line(1, date(2026, 9, 1), LedgerKind.FUNDING, 100_000),
        line(2, date(2026, 10, 1), LedgerKind.FUNDING, 50_000),
        service(3, date(2026, 10, 2), units=100, rate=10_000, pct=10),
        no_show(4, date(2026, 10, 3), fee=5_000, pct=10),
    ]
    told = wording.summary_sentences(month_statement(HOME_CARE, date(2026, 10, 1), lines))
    assert told == [
        "At the start of 1 October 2026 your package had $1,000.00.",
        "$500.00 came in: funding received $500.00.",
        "$135.00 was spent: services delivered $90.00; cancellations and no-shows $45.00.",
        "You paid $15.00 towards your services yourself.",
        "At the end of 31 October 2026 you had $1,365.00 left: your unspent funds.",
    ]


def test_an_overspent_package_says_so() -> None:
    told = wording.summary_sentences(
        month_statement(HOME_CARE, date(2026, 10, 1), [service(1, date(2026, 10, 2), pct=0)])
    )
    assert told[-1] == "At the end of 31 October 2026 your package was overspent by $111.35."


def test_every_table_row_has_a_cell_for_every_heading() -> None:
    lines = [line(1, date(2026, 10, 1), LedgerKind.FUNDING, 9_000), service(2, date(2026, 10, 2))]
    chosen = month_statement(HOME_CARE, date(2026, 10, 1), lines)
    for table in (wording.summary(chosen), *wording.tables(chosen)):
        assert all(len(row.cells) == len(table.headings) == len(table.numeric) for row in table.rows)
