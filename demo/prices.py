"""The demo agency's prices: every service under every program in every time band, and, for
private clients, by the worker's charge level, in the proportions the price guides use."""

from domain.pricing.rates import ANY_LEVEL, Rate, RateCard
from domain.vocabulary import ServiceUnit, TimeBand

DEMO_STATE = "NSW"  # the demo agency's state: its public holidays

# How each program's price compares with the base rate, in percent.
PROGRAM_PRICE_PCT = {"HCP": 104, "SAH": 100, "NDIS": 100, "CHSP": 82, "PRIVATE": 112}
# How each time band's price compares with weekday daytime (close to the NDIS price limits).
BAND_PCT = {
    TimeBand.WEEKDAY: 100,
    TimeBand.EVENING: 110,
    TimeBand.NIGHT: 112,
    TimeBand.SATURDAY: 141,
    TimeBand.SUNDAY: 181,
    TimeBand.PUBLIC_HOLIDAY: 222,
}
# Private clients pay by the worker's charge level: more experienced workers cost more.
PRICED_BY_LEVEL = {"PRIVATE": {1: 100, 2: 106, 3: 112}}


def card(program: str, unit: ServiceUnit, base_cents: int) -> RateCard:
    """Hourly services change by band; a service priced "each" (a meal, a trip) costs the same at any hour."""
    program_cents = round(base_cents * PROGRAM_PRICE_PCT[program] / 100)
    bands = BAND_PCT if unit == ServiceUnit.HOUR else {TimeBand.WEEKDAY: 100}
    levels = PRICED_BY_LEVEL.get(program, {ANY_LEVEL: 100})
    return RateCard(
        tuple(
            Rate(band, level, round(program_cents * band_pct * level_pct / 10_000))
            for band, band_pct in bands.items()
            for level, level_pct in levels.items()
        )
    )


def level_of(years_of_service: float) -> int:
    """A worker's charge level from their years with the agency."""
    return 1 if years_of_service < 3 else 2 if years_of_service < 8 else 3
