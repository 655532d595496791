"""Distances as matching uses them: geodesic (geopy), to a tenth of a kilometre.

geopy's geodesic costs about 65 µs and a search may need thousands. The straight chord between
two points on the WGS-84 ellipsoid (Earth-centred coordinates, worked out once per address),
lengthened by c³/24R² for the curve, is within a few centimetres of the geodesic up to a few
hundred kilometres (checked from the equator to 70°, error under 2% of that correction). So a
distance costs well under a microsecond, and geopy is asked only in the rare case where the
error margin straddles a rounding boundary: the tenths are exactly the geodesic's.
"""

import math
from functools import lru_cache

import numpy as np
from geopy.distance import geodesic

_A = 6378.137  # WGS-84 semi-major axis, km
_E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563)
_R2_24 = 24 * 6371.0**2
_FAST_UP_TO_KM = 500.0
# A worker is within the radius when their distance, rounded to tenths, is: up to 0.05 km past it
# (round() takes a tie at .05 to the even tenth, which can be the radius). The chord is never
# longer than the distance, so a chord past radius + 0.05 km rules a worker out without the exact
# distance; the further 10 m covers the floating-point error of the chord itself.
ROUNDING_SLACK_KM = 0.06

Spot = tuple[float, float, float, float, float]  # latitude, longitude and Earth-centred x, y, z (km)


@lru_cache(maxsize=100_000)  # shifts happen at clients' homes: the same few hundred places
def spot(lat: float, lon: float) -> Spot:
    phi, lam = math.radians(lat), math.radians(lon)
    sin = math.sin(phi)
    n = _A / math.sqrt(1 - _E2 * sin * sin)
    return lat, lon, n * math.cos(phi) * math.cos(lam), n * math.cos(phi) * math.sin(lam), n * (1 - _E2) * sin


def tenths_km(a: Spot, b: Spot) -> int:
    """round(geodesic km × 10), the same number the geodesic itself gives."""
    dx, dy, dz = a[2] - b[2], a[3] - b[3], a[4] - b[4]
    chord = math.sqrt(dx * dx + dy * dy + dz * dz)
    if chord < _FAST_UP_TO_KM:
        curve = chord**3 / _R2_24
        guess, margin = chord + curve, 1e-5 + curve * 0.05
        low = round((guess - margin) * 10)
        if low == round((guess + margin) * 10):
            return low
    return exact_tenths_km(a, b)


def tenths_within(homes: np.ndarray, b: Spot, km: float) -> tuple[np.ndarray, np.ndarray]:
    """tenths_km for many points at once (rows of Spot): which rows are within `km` of b, and
    their tenths. The same numbers: the arithmetic is tenths_km's, and the margin that sends a
    straddling case to geopy also covers any last-bit difference between numpy and math."""
    dx, dy, dz = homes[:, 2] - b[2], homes[:, 3] - b[3], homes[:, 4] - b[4]
    reach = km + ROUNDING_SLACK_KM
    near = np.flatnonzero(dx * dx + dy * dy + dz * dz <= reach * reach)  # the rest are beyond() it
    chord = np.sqrt(dx[near] ** 2 + dy[near] ** 2 + dz[near] ** 2)
    curve = chord**3 / _R2_24
    guess, margin = chord + curve, 1e-5 + curve * 0.05
    low, high = np.rint((guess - margin) * 10), np.rint((guess + margin) * 10)
    tenths = low.astype(np.int64)
    for i in np.flatnonzero((low != high) | (chord >= _FAST_UP_TO_KM)):
        home: Spot = tuple(homes[near[i]].tolist())
        tenths[i] = exact_tenths_km(home, b)
    inside = tenths <= km * 10
    return near[inside], tenths[inside]


def tenths_between(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """tenths_km for many pairs at once: row i of `a` to row i of `b` (rows of Spot)."""
    chord = np.sqrt(((a[:, 2:5] - b[:, 2:5]) ** 2).sum(axis=1))
    curve = chord**3 / _R2_24
    guess, margin = chord + curve, 1e-5 + curve * 0.05
    low, high = np.rint((guess - margin) * 10), np.rint((guess + margin) * 10)
    tenths: np.ndarray = low.astype(np.int64)
    for i in np.flatnonzero((low != high) | (chord >= _FAST_UP_TO_KM)):
        tenths[i] = exact_tenths_km(tuple(a[i].tolist()), tuple(b[i].tolist()))
    return tenths


def tenths_if_within(a: Spot, b: Spot, km: float) -> int | None:
    """tenths_km when it is within `km` (as tenths), else None: most places certainly beyond it
    are ruled out by the chord alone."""
    if beyond(a, b, km + ROUNDING_SLACK_KM):
        return None
    tenths = tenths_km(a, b)
    return tenths if tenths <= km * 10 else None


def beyond(a: Spot, b: Spot, km: float) -> bool:
    """Certainly further than `km` (the chord is never longer than the distance)."""
    dx, dy, dz = a[2] - b[2], a[3] - b[3], a[4] - b[4]
    return dx * dx + dy * dy + dz * dz > km * km


def exact_tenths_km(a: Spot, b: Spot) -> int:
    return round(float(geodesic(a[:2], b[:2]).km) * 10)


def travel_minutes(tenths: int, speed_kmh: int) -> int:
    """Whole minutes (rounded up) to cover the distance at the agency's average speed."""
    return int(-(-tenths * 60 // (speed_kmh * 10)))
