"""Placing an address: the agency's geocoder when it answers, the shipped suburb table otherwise."""

import socket
from collections.abc import Iterator

import pytest

from adapters import geocoding
from domain.vocabulary import GeocodeStatus


@pytest.fixture
def unreachable_geocoder() -> Iterator[None]:
    """A real geopy geocoder pointed at a local port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    geocoding.configure("nominatim", domain=f"127.0.0.1:{port}", scheme="http")
    yield
    geocoding.configure(None)


def test_the_suburb_table_places_an_address_at_its_suburb() -> None:
    found = geocoding.locate("12 Illawarra Road", "Marrickville", "NSW", "2204")
    assert found.status == GeocodeStatus.SUBURB
    assert found.lat == pytest.approx(-33.911, abs=0.01)
    assert found.lon == pytest.approx(151.155, abs=0.01)


def test_a_suburb_typed_in_lower_case_is_still_found() -> None:
    assert geocoding.locate("1 King Street", "surry hills", "NSW", "2010").status == GeocodeStatus.SUBURB


def test_an_unknown_suburb_falls_back_to_its_postcode() -> None:
    found = geocoding.locate("1 Main Road", "Marrickville South", "NSW", "2204")
    assert found.status == GeocodeStatus.SUBURB
    assert found.lat == pytest.approx(-33.911, abs=0.01)


def test_an_address_nothing_can_place_is_not_found_but_not_refused() -> None:
    found = geocoding.locate("1 Nowhere Lane", "Atlantis", "NSW", "2999")
    assert found == geocoding.Position(None, None, GeocodeStatus.NOT_FOUND)


def test_an_unreachable_geocoder_falls_back_to_the_table(unreachable_geocoder: None) -> None:
    found = geocoding.locate("12 Illawarra Road", "Marrickville", "NSW", "2204")
    assert found.status == GeocodeStatus.SUBURB


def test_the_table_covers_greater_sydney_with_real_coordinates() -> None:
    sydney = [
        s for s in geocoding.suburbs() if s.state == "NSW" and -34.2 < s.lat < -33.4 and 150.5 < s.lon < 151.4
    ]
    assert len(sydney) >= 100
    assert all(len(s.postcode) == 4 for s in geocoding.suburbs())
