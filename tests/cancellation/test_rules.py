"""The cancellation bands and fees of DESIGN.md §3.3, at every edge, without a database."""

from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.cancellation import rules
from domain.cancellation.rules import LeadTimeTooShort, Rule
from domain.vocabulary import CancelBand, NoticeMeasure

SYDNEY = ZoneInfo("Australia/Sydney")
NDIS_SUPPORT_WORKER = Rule(NoticeMeasure.CLEAR_DAYS, 7, 120, 100, 100, "support_worker")
NDIS_OTHER = Rule(NoticeMeasure.CLEAR_BUSINESS_DAYS, 2, 120, 100, 100)
SUPPORT_AT_HOME = Rule(NoticeMeasure.BUSINESS_DAYS, 2, 120, 100, 100)
CHSP = Rule(NoticeMeasure.HOURS, 24, 120, 50, 100)
ORDER = {CancelBand.WITH_NOTICE: 0, CancelBand.SHORT_NOTICE: 1, CancelBand.NO_NOTICE: 2}


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SYDNEY)


def band(rule: Rule, given_at: datetime, starts_at: datetime) -> CancelBand:
    return rules.band(rule, given_at, starts_at, SYDNEY, "NSW")


# Saturday 5 December 2026, 10:00: seven clear days are 28 November to 4 December.
SATURDAY_VISIT = at(2026, 12, 5, 10)


def test_exactly_seven_clear_days_is_with_notice() -> None:
    assert band(NDIS_SUPPORT_WORKER, at(2026, 11, 27, 23, 59), SATURDAY_VISIT) == CancelBand.WITH_NOTICE


def test_one_minute_less_than_seven_clear_days_is_short_notice() -> None:
    assert band(NDIS_SUPPORT_WORKER, at(2026, 11, 28, 0, 0), SATURDAY_VISIT) == CancelBand.SHORT_NOTICE


def test_clear_days_exclude_the_day_notice_is_given_and_the_day_of_the_service() -> None:
    assert rules.clear_days(at(2026, 11, 27).date(), SATURDAY_VISIT.date()) == 7
    assert rules.clear_days(at(2026, 12, 4).date(), SATURDAY_VISIT.date()) == 0
    assert rules.clear_days(SATURDAY_VISIT.date(), SATURDAY_VISIT.date()) == 0


def test_two_clear_business_days_across_a_weekend() -> None:
    tuesday = at(2026, 12, 1, 10)  # Friday 27 and Monday 30 November are the two clear business days
    assert band(NDIS_OTHER, at(2026, 11, 26, 23, 59), tuesday) == CancelBand.WITH_NOTICE
    assert band(NDIS_OTHER, at(2026, 11, 27, 0, 0), tuesday) == CancelBand.SHORT_NOTICE


def test_two_clear_business_days_across_a_new_south_wales_public_holiday() -> None:
    """Christmas Day (Friday) and Boxing Day observed (Monday 28 December) are not business days:
    from Wednesday 23 December the clear business days before Wednesday 30 are the 24th and 29th."""
    wednesday = at(2026, 12, 30, 10)
    assert not rules.is_business_day(at(2026, 12, 28).date(), "NSW")
    assert band(NDIS_OTHER, at(2026, 12, 23, 23, 59), wednesday) == CancelBand.WITH_NOTICE
    assert band(NDIS_OTHER, at(2026, 12, 24, 0, 0), wednesday) == CancelBand.SHORT_NOTICE


def test_the_holiday_is_what_makes_the_difference() -> None:
    """Without the public holidays, three weekdays lie between: the rule must be using them."""
    given, service = at(2026, 12, 24).date(), at(2026, 12, 30).date()
    weekdays = sum((given + timedelta(days=n)).weekday() < 5 for n in range(1, (service - given).days))
    assert weekdays == 3
    assert rules.business_days_from(given + timedelta(days=1), service - timedelta(days=1), "NSW") == 1


def test_australia_day_is_a_public_holiday_in_new_south_wales() -> None:
    assert not rules.is_business_day(at(2027, 1, 26).date(), "NSW")
    assert rules.is_business_day(at(2027, 1, 27).date(), "NSW")


def test_business_days_count_the_service_day_but_not_the_day_notice_is_given() -> None:
    monday = at(2026, 11, 30, 9)
    assert band(SUPPORT_AT_HOME, at(2026, 11, 26, 23, 59), monday) == CancelBand.WITH_NOTICE  # Fri, Mon
    assert band(SUPPORT_AT_HOME, at(2026, 11, 27, 11, 0), monday) == CancelBand.SHORT_NOTICE  # Mon only


def test_under_the_no_notice_minutes_is_no_notice() -> None:
    start = at(2026, 12, 1, 10)
    assert band(NDIS_OTHER, start - timedelta(minutes=119), start) == CancelBand.NO_NOTICE
    assert band(NDIS_OTHER, start - timedelta(minutes=120), start) == CancelBand.SHORT_NOTICE


def test_after_the_start_is_no_notice() -> None:
    start = at(2026, 12, 1, 10)
    assert band(CHSP, start, start) == CancelBand.NO_NOTICE
    assert band(CHSP, start + timedelta(minutes=5), start) == CancelBand.NO_NOTICE


def test_hours_of_notice_at_the_edge() -> None:
    start = at(2026, 12, 1, 10)
    assert band(CHSP, start - timedelta(hours=24), start) == CancelBand.WITH_NOTICE
    assert band(CHSP, start - timedelta(hours=24) + timedelta(minutes=1), start) == CancelBand.SHORT_NOTICE


def test_a_service_category_rule_wins_over_the_programs_general_rule() -> None:
    program_rules = [NDIS_OTHER, NDIS_SUPPORT_WORKER]
    assert rules.rule_for(program_rules, "support_worker") == NDIS_SUPPORT_WORKER
    assert rules.rule_for(program_rules, "transport") == NDIS_OTHER
    assert rules.rule_for([], "transport") == rules.NO_CHARGE


def test_each_band_charges_its_own_percentage() -> None:
    start = at(2026, 12, 1, 10)
    price = 14_846
    short = rules.quote(CHSP, start - timedelta(hours=3), start, price, SYDNEY, "NSW")
    none = rules.quote(CHSP, start - timedelta(minutes=30), start, price, SYDNEY, "NSW")
    ample = rules.quote(CHSP, start - timedelta(days=3), start, price, SYDNEY, "NSW")
    assert (short.band, short.fee_cents, short.fee_pct) == (CancelBand.SHORT_NOTICE, 7_423, 50)
    assert (none.band, none.fee_cents) == (CancelBand.NO_NOTICE, 14_846)
    assert (ample.band, ample.fee_cents) == (CancelBand.WITH_NOTICE, 0)


def test_half_a_cent_rounds_up_in_integer_arithmetic() -> None:
    assert rules.fee_cents(7_423, 50) == 3_712
    assert rules.fee_cents(1, 50) == 1
    assert rules.fee_cents(3, 33) == 1


@given(price=st.integers(min_value=0, max_value=10**9), pct=st.integers(min_value=-1000, max_value=1000))
def test_a_fee_is_never_negative_and_never_above_the_price(price: int, pct: int) -> None:
    fee = rules.fee_cents(price, pct)
    assert isinstance(fee, int)
    assert 0 <= fee <= price


@given(price=st.integers(min_value=0, max_value=10**12), pct=st.integers(min_value=0, max_value=100))
def test_a_fee_is_the_exact_percentage_rounded_half_up_to_the_cent(price: int, pct: int) -> None:
    exact = (Decimal(price) * pct / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert rules.fee_cents(price, pct) == int(exact)


@given(
    units=st.integers(min_value=0, max_value=2_400),
    rate=st.integers(min_value=0, max_value=100_000),
    pct=st.integers(min_value=0, max_value=100),
)
def test_the_fee_on_a_shifts_price_never_exceeds_that_price(units: int, rate: int, pct: int) -> None:
    from domain import money

    price = money.price_cents(units, rate)
    assert 0 <= rules.fee_cents(price, pct) <= price


@given(
    rule=st.sampled_from([NDIS_SUPPORT_WORKER, NDIS_OTHER, SUPPORT_AT_HOME, CHSP]),
    start_minutes=st.integers(min_value=0, max_value=60 * 24 * 400),
    earlier=st.integers(min_value=0, max_value=60 * 24 * 30),
    later=st.integers(min_value=0, max_value=60 * 24 * 30),
)
def test_cancelling_later_never_costs_less(rule: Rule, start_minutes: int, earlier: int, later: int) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=start_minutes)  # across both DST changes
    first, second = sorted((earlier, later), reverse=True)
    assert (
        ORDER[band(rule, start - timedelta(minutes=first), start)]
        <= ORDER[band(rule, start - timedelta(minutes=second), start)]
    )


def test_the_lead_time_refuses_less_notice_with_the_agencys_phone_number() -> None:
    start = at(2026, 12, 1, 10)
    rules.check_lead_time(start - timedelta(hours=24), start, 24 * 60, "02 9555 0100")
    with pytest.raises(
        LeadTimeTooShort, match="less than 24 hours' notice: please call the agency on 02 9555 0100"
    ):
        rules.check_lead_time(
            start - timedelta(hours=24) + timedelta(minutes=1), start, 24 * 60, "02 9555 0100"
        )


def test_notice_words_read_naturally() -> None:
    assert rules.notice_words(60) == "1 hour's notice"
    assert rules.notice_words(48 * 60) == "48 hours' notice"
    assert rules.notice_words(90) == "90 minutes' notice"
