"""Where an address is: the agency's geocoder when it answers, else the shipped suburb table.

An address that neither can place is still saved, flagged for staff; it is never refused.
"""

import csv
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from geopy.exc import GeopyError
from geopy.geocoders import get_geocoder_for_service

from domain.vocabulary import GeocodeStatus

SUBURB_TABLE = Path(__file__).resolve().parent.parent / "assets" / "data" / "suburbs.csv"
GEOCODER_TIMEOUT_SECONDS = 4

log = logging.getLogger(__name__)

_geocoder = None


@dataclass(frozen=True)
class Position:
    lat: float | None
    lon: float | None
    status: GeocodeStatus


@dataclass(frozen=True)
class Suburb:
    name: str
    state: str
    postcode: str
    lat: float
    lon: float


def configure(service: str | None, *, user_agent: str = "care-portal", **options: object) -> None:
    """Use a geopy geocoder by service name (e.g. "nominatim"), or none for the table only."""
    global _geocoder
    if not service:
        _geocoder = None
        return
    geocoder_class = get_geocoder_for_service(service)
    _geocoder = geocoder_class(user_agent=user_agent, timeout=GEOCODER_TIMEOUT_SECONDS, **options)


@cache
def suburbs() -> tuple[Suburb, ...]:
    with SUBURB_TABLE.open(newline="", encoding="utf-8") as file:
        return tuple(
            Suburb(row["suburb"], row["state"], row["postcode"], float(row["lat"]), float(row["lon"]))
            for row in csv.DictReader(file)
        )


def postcodes_of(suburb: str, state: str) -> frozenset[str]:
    """The postcodes the shipped table knows for this suburb in this state; none when it does not
    know the suburb (then nothing can be said about its postcode)."""
    name = suburb.strip().casefold()
    return frozenset(s.postcode for s in suburbs() if s.name.casefold() == name and s.state == state)


def suburb_position(suburb: str, state: str, postcode: str) -> Suburb | None:
    """The suburb's centre: by name and postcode, else by name and state, else by postcode."""
    name = suburb.strip().casefold()
    table = suburbs()
    for match in (
        lambda s: s.name.casefold() == name and s.postcode == postcode,
        lambda s: s.name.casefold() == name and s.state == state,
        lambda s: s.postcode == postcode,
    ):
        found = next((s for s in table if match(s)), None)
        if found is not None:
            return found
    return None


def locate(street: str, suburb: str, state: str, postcode: str) -> Position:
    if _geocoder is not None:
        query = f"{street}, {suburb} {state} {postcode}, Australia"
        try:
            found = _geocoder.geocode(query, exactly_one=True)
        except (GeopyError, OSError) as error:
            log.warning("Geocoder unavailable (%s); using the suburb table", error)
            found = None
        if found is not None:
            return Position(found.latitude, found.longitude, GeocodeStatus.GEOCODED)
    centre = suburb_position(suburb, state, postcode)
    if centre is not None:
        return Position(centre.lat, centre.lon, GeocodeStatus.SUBURB)
    return Position(None, None, GeocodeStatus.NOT_FOUND)
