"""How a price is said, the same way on every surface: "$71.66 an hour", "from $68.90 an hour"."""

from collections.abc import Sequence

from domain import money
from domain.pricing.rates import PriceRange
from domain.vocabulary import ServiceUnit, TimeBand

BAND_NAMES = {
    TimeBand.WEEKDAY: "Weekday daytime",
    TimeBand.EVENING: "Weekday evening",
    TimeBand.NIGHT: "Night",
    TimeBand.SATURDAY: "Saturday",
    TimeBand.SUNDAY: "Sunday",
    TimeBand.PUBLIC_HOLIDAY: "Public holiday",
}
NO_PRICE = "Price on request"


def per(unit: ServiceUnit) -> str:
    return "an hour" if unit == ServiceUnit.HOUR else "each visit"


def rate(cents: int, unit: ServiceUnit) -> str:
    """One rate: "$71.66 an hour", "$12.00 each visit"."""
    return f"{money.dollars(cents)} {per(unit)}"


def price_range(found: PriceRange | None, unit: ServiceUnit) -> str:
    """A service's tile: its one price, or "from" its lowest when the time or the worker changes it."""
    if found is None:
        return NO_PRICE
    return f"from {rate(found.lowest, unit)}" if found.varies else rate(found.lowest, unit)


def visits(rates: Sequence[int], unit: ServiceUnit) -> str:
    """The rates of a booking's visits: one rate, or "$X to $Y an hour, by day and time"."""
    if not rates:
        return NO_PRICE
    low, high = min(rates), max(rates)
    if low == high:
        return rate(low, unit)
    return f"{money.dollars(low)} to {money.dollars(high)} {per(unit)}, by day and time"
