"""Distances as matching reads them (distance.py): to a tenth of a km, and the quick test by the
chord that rules out places beyond the radius without ruling out any that round to within it."""

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.matching import distance
from tests.matching.in_memory import CLIENT_HOME, km_north


def test_a_worker_whose_distance_rounds_to_the_radius_is_within_it() -> None:
    assert distance.tenths_if_within(km_north(25.04), CLIENT_HOME, 25) == 250
    assert distance.tenths_if_within(km_north(25.049), CLIENT_HOME, 25) == 250
    assert distance.tenths_if_within(km_north(25.051), CLIENT_HOME, 25) is None


@settings(deadline=None)
@given(radius=st.integers(1, 60), past=st.floats(-0.3, 0.3))
def test_the_quick_radius_test_gives_the_exact_distance_or_rules_out_only_those_beyond(
    radius: int, past: float
) -> None:
    place = km_north(radius + past)
    tenths = distance.tenths_km(place, CLIENT_HOME)
    expected = tenths if tenths <= radius * 10 else None
    assert distance.tenths_if_within(place, CLIENT_HOME, radius) == expected
