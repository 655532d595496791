"""Distances as matching uses them: geodesic (geopy), to a tenth of a kilometre.

geopy's geodesic costs about 65 µs; a search may need thousands. On the ellipsoid, over the
few hundred kilometres an agency covers, a flat projection with the local radii of curvature
is within 2e-5 of the geodesic (checked over Greater Sydney); we take that with a generous
margin and ask geopy only when the margin straddles a rounding boundary, so the tenths are
exactly the tenths of the geodesic distance, at about 1 µs each.
"""

import math

from geopy.distance import geodesic

_A = 6378.137  # WGS-84 semi-major axis, km
_E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563)
_FAST_UP_TO_KM = 200.0

Point = tuple[float, float]


def tenths_km(a: Point, b: Point) -> int:
    """round(geodesic km × 10), the same number the geodesic itself gives."""
    guess = flat_km(a, b)
    if guess < _FAST_UP_TO_KM:
        margin = 0.001 + guess * 2e-4
        low, high = round((guess - margin) * 10), round((guess + margin) * 10)
        if low == high:
            return low
    return exact_tenths_km(a, b)


def exact_tenths_km(a: Point, b: Point) -> int:
    return round(geodesic(a, b).km * 10)


def flat_km(a: Point, b: Point) -> float:
    phi = math.radians((a[0] + b[0]) / 2)
    sin = math.sin(phi)
    w = 1 - _E2 * sin * sin
    prime_vertical = _A / math.sqrt(w)
    meridional = _A * (1 - _E2) / (w * math.sqrt(w))
    north = math.radians(b[0] - a[0]) * meridional
    east = math.radians(b[1] - a[1]) * prime_vertical * math.cos(phi)
    return math.hypot(north, east)


def travel_minutes(tenths: int, speed_kmh: int) -> int:
    """Whole minutes (rounded up) to cover the distance at the agency's average speed."""
    return -(-tenths * 60 // (speed_kmh * 10))
