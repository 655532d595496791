"""Why a worker is left out, in the words a roster officer uses (DESIGN §3.1 point 5).

NOTE: the engine and the reference checker in tests/matching/reference.py both word their
reasons here, so that the property test compares decisions, not spelling.
"""

from datetime import date, datetime

BLOCKED = "blocked by the client"
ON_LEAVE = "on leave"
NO_HOME_POSITION = "home address not on the map"


def missing_competency(name: str, *, expired_on: date | None = None, valid_from: date | None = None) -> str:
    if expired_on is not None:
        return f"missing: {name} (expired {expired_on.isoformat()})"
    if valid_from is not None:
        return f"missing: {name} (valid from {valid_from.isoformat()})"
    return f"missing: {name}"


def missing_characteristic(name: str) -> str:
    return f"missing: {name}"


def wrong_age(name: str, age: int) -> str:
    return f"aged {age}, not {name[:1].lower()}{name[1:]}"


def not_available(starts: datetime, ends: datetime) -> str:
    """`starts` and `ends` in the agency's zone."""
    return f"not available {starts:%a %H:%M}–{ends:%H:%M}"


def clash(starts: datetime, ends: datetime) -> str:
    return f"clashes with {starts:%H:%M}–{ends:%H:%M} shift"


def travel_after(starts: datetime, ends: datetime, needs: int, has: int) -> str:
    return f"needs {needs} min to come from the {starts:%H:%M}–{ends:%H:%M} shift, has {has}"


def travel_before(starts: datetime, ends: datetime, needs: int, has: int) -> str:
    return f"needs {needs} min to get to the {starts:%H:%M}–{ends:%H:%M} shift, has {has}"


def hours(rostered_minutes: int, max_hours: int, shift_minutes: int) -> str:
    text = f"{_hours(rostered_minutes)} of {max_hours} h rostered"
    if rostered_minutes < max_hours * 60:
        text += f", this shift {_hours(shift_minutes)} h"
    return text


def too_far(tenths_km: int, radius_km: int) -> str:
    return f"{tenths_km / 10:.1f} km away (limit {radius_km} km)"


def on_date(day: date, reasons: tuple[str, ...]) -> str:
    """A whole occurrence of a series the worker cannot do."""
    return f"{day.isoformat()}: {'; '.join(reasons)}"


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".")
