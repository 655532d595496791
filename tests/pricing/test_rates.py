"""Choosing a rate from a service's card: the band's own rate or the weekday's, the worker's level
or any worker's, an approved service's own rate, and what a tile says. No database."""

from hypothesis import given
from hypothesis import strategies as st

from domain.pricing import words
from domain.pricing.rates import ANY_LEVEL, Rate, RateCard, bill_rate, price_range
from domain.vocabulary import ServiceUnit, TimeBand

FLAT = RateCard((Rate(TimeBand.WEEKDAY, ANY_LEVEL, 6_500),))
BANDED = RateCard(
    (
        Rate(TimeBand.WEEKDAY, ANY_LEVEL, 6_500),
        Rate(TimeBand.SUNDAY, ANY_LEVEL, 11_765),
        Rate(TimeBand.PUBLIC_HOLIDAY, ANY_LEVEL, 14_430),
    )
)
BY_LEVEL = RateCard(
    (
        Rate(TimeBand.WEEKDAY, 1, 7_000),
        Rate(TimeBand.WEEKDAY, 2, 7_420),
        Rate(TimeBand.SUNDAY, 1, 12_670),
        Rate(TimeBand.SUNDAY, 2, 13_430),
    )
)


def test_a_band_without_its_own_rate_is_charged_the_weekday_rate() -> None:
    assert bill_rate(FLAT, TimeBand.SUNDAY) == 6_500
    assert bill_rate(BANDED, TimeBand.SATURDAY) == 6_500
    assert bill_rate(BANDED, TimeBand.SUNDAY) == 11_765


def test_the_workers_level_picks_the_rate_where_the_agency_prices_by_level() -> None:
    assert bill_rate(BY_LEVEL, TimeBand.SUNDAY, 2) == 13_430
    assert bill_rate(BY_LEVEL, TimeBand.WEEKDAY, 1) == 7_000
    assert BY_LEVEL.prices_by_level
    assert not BANDED.prices_by_level


def test_with_no_worker_chosen_or_an_unpriced_level_the_lowest_level_applies() -> None:
    assert bill_rate(BY_LEVEL, TimeBand.SUNDAY) == 12_670
    assert bill_rate(BY_LEVEL, TimeBand.SUNDAY, 7) == 12_670


def test_a_rate_for_any_worker_applies_to_a_level_without_its_own() -> None:
    card = RateCard((Rate(TimeBand.WEEKDAY, ANY_LEVEL, 6_000), Rate(TimeBand.WEEKDAY, 3, 6_600)))
    assert bill_rate(card, TimeBand.WEEKDAY, 3) == 6_600
    assert bill_rate(card, TimeBand.WEEKDAY, 1) == 6_000
    assert bill_rate(card, TimeBand.WEEKDAY) == 6_000


def test_an_approved_services_own_rate_applies_at_every_hour() -> None:
    own = RateCard((), 5_000)
    assert {bill_rate(own, band, 2) for band in TimeBand} == {5_000}
    assert price_range(own) is not None
    assert not price_range(own).varies


def test_no_rate_is_no_price() -> None:
    empty = RateCard(())
    assert bill_rate(empty, TimeBand.WEEKDAY) is None
    assert not empty.priced
    assert words.price_range(price_range(empty), ServiceUnit.HOUR) == "Price on request"


def test_the_tile_says_one_price_or_from_the_lowest() -> None:
    assert words.price_range(price_range(FLAT), ServiceUnit.HOUR) == "$65.00 an hour"
    assert words.price_range(price_range(BANDED), ServiceUnit.HOUR) == "from $65.00 an hour"
    assert words.price_range(price_range(FLAT), ServiceUnit.EACH) == "$65.00 each visit"


def test_a_bookings_visits_say_one_rate_or_the_range() -> None:
    assert words.visits([6_500, 6_500], ServiceUnit.HOUR) == "$65.00 an hour"
    assert words.visits([6_500, 14_430], ServiceUnit.HOUR) == "$65.00 to $144.30 an hour, by day and time"


cards = st.builds(
    RateCard,
    st.lists(
        st.builds(Rate, st.sampled_from(TimeBand), st.integers(0, 4), st.integers(0, 100_000)),
        min_size=1,
        unique_by=lambda r: (r.band, r.level),
    ).map(tuple),
)


@given(card=cards, band=st.sampled_from(TimeBand), level=st.none() | st.integers(1, 5))
def test_every_rate_charged_lies_within_the_tiles_range(
    card: RateCard, band: TimeBand, level: int | None
) -> None:
    charged = bill_rate(card, band, level)
    found = price_range(card)
    if charged is None:  # only when the card has neither this band nor a weekday rate
        assert not any(r.band in (band, TimeBand.WEEKDAY) for r in card.rates)
    else:
        assert found is not None
        assert found.lowest <= charged <= found.highest
        assert charged in {r.cents for r in card.rates}


def test_the_part_of_a_booking_past_what_is_left_is_priced_at_each_visits_own_rate() -> None:
    from domain.pricing.allowance import beyond

    # 1.5 hours left; visits of 1 hour at $65 then 1 hour at $117.65: half of the second is extra.
    assert beyond(400, 250, [(100, 6_500), (100, 11_765)]) == (150, 50, 5_883)
    assert beyond(100, 300, [(100, 6_500)]) == (0, 100, 6_500)  # already past: all of it is extra
    assert beyond(400, 0, [(100, 6_500)]) == (400, 0, 0)
