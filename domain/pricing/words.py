"""How a price is said, the same way on every surface: "$71.66 an hour", "from $68.90 an hour"."""

from collections.abc import Sequence

from domain import money
from domain.language import N_, _
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
NO_PRICE = N_("Price on request")  # shown as _(NO_PRICE)


def rate(cents: int, unit: ServiceUnit) -> str:
    """One rate: "$71.66 an hour", "$12.00 each visit"."""
    if unit == ServiceUnit.HOUR:
        return _("{price} an hour").format(price=money.dollars(cents))
    return _("{price} each visit").format(price=money.dollars(cents))


def price_range(found: PriceRange | None, unit: ServiceUnit) -> str:
    """A service's tile: its one price, or "from" its lowest when the time or the worker changes it."""
    if found is None:
        return _(NO_PRICE)
    lowest = rate(found.lowest, unit)
    return _("from {rate}").format(rate=lowest) if found.varies else lowest


def visits(rates: Sequence[int], unit: ServiceUnit) -> str:
    """The rates of a booking's visits: one rate, or "$X to $Y an hour, by day and time"."""
    if not rates:
        return _(NO_PRICE)
    low, high = min(rates), max(rates)
    if low == high:
        return rate(low, unit)
    if unit == ServiceUnit.HOUR:
        said = _("{low} to {high} an hour, by day and time")
    else:
        said = _("{low} to {high} each visit, by day and time")
    return said.format(low=money.dollars(low), high=money.dollars(high))
