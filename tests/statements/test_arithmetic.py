"""The statement arithmetic on its own: worked examples, and a property over random ledgers of
24 months that every statement balances, each month starts where the last one ended, and every
entry (so every billed shift and fee) appears on exactly one statement."""

from collections import Counter
from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain import money
from domain.statements import arithmetic, ledger, periods
from domain.statements.model import LedgerLine, Period
from domain.vocabulary import LedgerKind, NdisCategory

from .builders import HOME_CARE, NDIS, line, month_statement, no_show, service, statement

FIRST_MONTH, LAST_MONTH = date(2024, 11, 1), date(2026, 10, 1)
MONTHS = periods.months_between(FIRST_MONTH, LAST_MONTH)
CHARGED = (LedgerKind.SERVICE, LedgerKind.CANCELLATION_FEE)


def test_a_month_balances_and_sorts_each_line_into_its_section() -> None:
    lines = [
        line(1, date(2026, 9, 30), LedgerKind.FUNDING, 500_000, "Monthly subsidy"),
        line(2, date(2026, 10, 1), LedgerKind.FUNDING, 400_000, "Monthly subsidy"),
        line(3, date(2026, 10, 1), LedgerKind.CONTRIBUTION, 37_650, "Basic daily fee"),
        service(4, date(2026, 10, 3)),
        no_show(5, date(2026, 10, 9)),
        line(6, date(2026, 10, 1), LedgerKind.CARE_MANAGEMENT, -23_875, "Care management", units=100),
        line(7, date(2026, 10, 3), LedgerKind.REFUND, 1_500, refers_to_month=date(2026, 9, 1)),
        line(8, date(2026, 10, 4), LedgerKind.ADJUSTMENT, -700, refers_to_month=date(2026, 9, 1)),
        line(9, date(2026, 11, 1), LedgerKind.FUNDING, 400_000, "Next month"),
    ]
    october = month_statement(HOME_CARE, date(2026, 10, 1), lines)
    price = money.price_cents(150, 7423)
    service_subsidy = price - money.percent_of(price, 10)
    fee_subsidy = 11_135 - money.percent_of(11_135, 10)
    assert october.opening == 500_000
    assert october.credits == 400_000 + 37_650 + 1_500
    assert october.debits == service_subsidy + fee_subsidy + 23_875 + 700
    assert october.closing == october.opening + october.credits - october.debits
    assert [x.entry_id for x in october.money_in] == [2, 3]
    assert [x.entry_id for x in october.services] == [4]
    assert [x.entry_id for x in october.cancellations] == [5]
    assert [x.entry_id for x in october.management] == [6]
    assert [x.entry_id for x in october.adjustments] == [7, 8]
    assert october.service_contributions == money.percent_of(price, 10) + money.percent_of(11_135, 10)
    assert october.paid_in_contributions == 37_650


def test_an_adjustment_in_the_clients_favour_comes_in_and_a_charge_goes_out() -> None:
    lines = [
        line(1, date(2026, 10, 2), LedgerKind.ADJUSTMENT, 900),
        line(2, date(2026, 10, 3), LedgerKind.ADJUSTMENT, -400),
    ]
    october = month_statement(HOME_CARE, date(2026, 10, 1), lines)
    assert [(m.label, m.cents) for m in october.came_in] == [("Adjustments in your favour", 900)]
    assert [(m.label, m.cents) for m in october.went_out] == [("Adjustments charged", 400)]


def test_an_ndis_plan_is_shown_by_budget_category() -> None:
    lines = [
        line(1, date(2026, 9, 1), LedgerKind.FUNDING, 700_000, ndis_category=NdisCategory.CORE),
        line(2, date(2026, 9, 1), LedgerKind.FUNDING, 250_000, ndis_category=NdisCategory.CAPACITY_BUILDING),
        service(3, date(2026, 10, 5), pct=0, ndis_category=NdisCategory.CORE),
    ]
    october = month_statement(NDIS, date(2026, 10, 1), lines)
    by_category = {c.category: c for c in october.categories}
    assert set(by_category) == {NdisCategory.CORE, NdisCategory.CAPACITY_BUILDING, NdisCategory.CAPITAL}
    assert by_category[NdisCategory.CORE].closing == 700_000 - money.price_cents(150, 7423)
    assert by_category[NdisCategory.CAPACITY_BUILDING].closing == 250_000
    assert by_category[NdisCategory.CAPITAL].closing == 0


def test_a_home_care_package_has_no_categories() -> None:
    assert month_statement(HOME_CARE, date(2026, 10, 1), [service(1, date(2026, 10, 5))]).categories == ()


def test_the_current_month_runs_to_today() -> None:
    november = month_statement(HOME_CARE, date(2026, 11, 1), [service(1, date(2026, 11, 20))])
    assert november.period.so_far
    assert november.period.last == date(2026, 11, 27)


def test_a_line_dated_outside_the_period_is_refused() -> None:
    period = periods.for_month(date(2026, 10, 1), date(2026, 11, 27))
    with pytest.raises(ValueError, match="not dated within"):
        arithmetic.build(HOME_CARE, period, {}, [service(1, date(2026, 11, 2))])


def test_the_chart_ends_with_the_closing_balance() -> None:
    lines = [line(1, date(2026, 1, 1), LedgerKind.FUNDING, 900_000), service(2, date(2026, 10, 9))]
    october = month_statement(HOME_CARE, date(2026, 10, 1), lines)
    assert [m.month for m in october.by_month] == periods.months_between(date(2026, 1, 1), date(2026, 10, 1))
    assert october.by_month[-1].left == october.closing
    assert october.by_month[0].received == 900_000


def test_the_chart_covers_a_whole_range_longer_than_a_year() -> None:
    period = Period(date(2024, 11, 1), date(2026, 10, 31), "two years")
    chosen = statement(NDIS, period, [line(1, date(2024, 11, 4), LedgerKind.FUNDING, 10_000)])
    assert len(chosen.by_month) == 24
    assert chosen.by_month[-1].left == chosen.closing == 10_000


# --- the property -------------------------------------------------------------------------------


@st.composite
def ledgers(draw: st.DrawFn) -> list[LedgerLine]:
    """Random entries of every kind over 24 months, charges split as domain.statements.ledger splits them."""
    lines = []
    for entry_id in range(draw(st.integers(0, 80))):
        kind = draw(st.sampled_from(list(LedgerKind)))
        day = draw(st.dates(FIRST_MONTH, periods.month_end(LAST_MONTH)))
        category = draw(st.sampled_from([None, *NdisCategory]))
        if kind in CHARGED:
            cost = ledger.fee_charge(draw(st.integers(0, 200_000)), draw(st.integers(0, 100)))
            charged = {"subsidy": cost.subsidy, "contribution": cost.contribution, "shift_id": entry_id}
            lines.append(line(entry_id, day, kind, cost.amount, ndis_category=category, **charged))
        else:
            lines.append(
                line(entry_id, day, kind, draw(st.integers(-900_000, 900_000)), ndis_category=category)
            )
    return lines


@settings(max_examples=60, deadline=None)
@given(ledgers())
def test_random_ledgers_reconcile_month_after_month(lines: list[LedgerLine]) -> None:
    months = [month_statement(NDIS, month, lines) for month in MONTHS]
    for month in months:
        assert month.opening + month.credits - month.debits == month.closing
        assert sum(m.cents for m in month.came_in) == month.credits
        assert sum(m.cents for m in month.went_out) == month.debits
        assert sum(c.closing for c in month.categories) == month.closing
        assert sum(c.opening for c in month.categories) == month.opening
        assert month.by_month[-1].left == month.closing
    for before, after in pairwise(months):
        assert before.closing == after.opening
    assert months[0].opening == 0
    assert months[-1].closing == sum(x.amount for x in lines)
    shown = Counter(x.entry_id for month in months for x in month.lines)
    assert shown == Counter(x.entry_id for x in lines)  # every entry once, none made up
    charged = Counter(x.shift_id for month in months for x in month.services + month.cancellations)
    assert charged == Counter(x.shift_id for x in lines if x.kind in CHARGED)
