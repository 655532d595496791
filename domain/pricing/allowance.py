"""Booking past the approved amount: how much of a booking's period is left, and what the part
beyond it costs. Plain values, no database.

The visits use up what is left in their order; the part of a visit beyond it is extra, priced at
that visit's own rate (a Sunday hour beyond costs the Sunday rate).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from domain import money
from domain.vocabulary import ServiceUnit, plural


@dataclass(frozen=True)
class Beyond:
    """A booking that goes past what is left of the approved amount in one period."""

    period: str  # "the week of Monday 7 December"
    left_units: int  # hundredths of a unit left before this booking
    extra_units: int  # hundredths of a unit beyond it
    extra_cents: int  # what the part beyond costs
    unit: ServiceUnit

    def message(self, phone: str) -> str:
        left, extra = amount(self.left_units, self.unit), amount(self.extra_units, self.unit)
        return (
            f"This booking goes past your approved {self.unit_words} for {self.period}: {left} left, "
            f"so {extra} more than approved, costing {money.dollars(self.extra_cents)} more. "
            "You can still book it: the agency decides whether to allow it and tells you "
            f"(or call us on {phone})."
        )

    def summary(self) -> str:
        """What goes beyond, for the staff who decide whether to allow it."""
        left, extra = amount(self.left_units, self.unit), amount(self.extra_units, self.unit)
        return (
            f"{extra} beyond the approved {self.unit_words} for {self.period} ({left} left), "
            f"{money.dollars(self.extra_cents)} more"
        )[:300]

    @property
    def unit_words(self) -> str:
        return "hours" if self.unit == ServiceUnit.HOUR else "visits"


def amount(units: int, unit: ServiceUnit) -> str:
    """Hundredths of a unit in words: 150 hours -> "1.5 hours", 100 each -> "1 visit"."""
    word = "hour" if unit == ServiceUnit.HOUR else "visit"
    return f"{units / 100:g} {plural(units / 100, word)}"


def past_what_is_left(approved_units: int, used_units: int, visits: Sequence[int]) -> tuple[bool, ...]:
    """For visits of these units, in order: whether any part of each goes past what is left. Such a
    visit waits, whole, for the staff's decision (domain.pricing.over_hours)."""
    remaining = max(approved_units - used_units, 0)
    found = []
    for units in visits:
        found.append(units > remaining)
        remaining = max(remaining - units, 0)
    return tuple(found)


def beyond(approved_units: int, used_units: int, visits: Sequence[tuple[int, int]]) -> tuple[int, int, int]:
    """(units left before, units beyond, cost beyond in cents) of visits given as (units, rate)."""
    left = max(approved_units - used_units, 0)
    remaining, extra_units, extra_cents = left, 0, 0
    for units, rate in visits:
        covered = min(units, remaining)
        remaining -= covered
        extra_units += units - covered
        extra_cents += money.price_cents(units - covered, rate)
    return left, extra_units, extra_cents
