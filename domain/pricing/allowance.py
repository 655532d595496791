"""Booking past the approved amount: how much of a booking's period is left, and what the part
beyond it costs. Plain values, no database.

The visits use up what is left in their order; the part of a visit beyond it is extra, priced at
that visit's own rate (a Sunday hour beyond costs the Sunday rate).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from domain import money
from domain.language import DEFAULT, N_, _, formats, ngettext, use
from domain.vocabulary import BudgetPeriod, ServiceUnit
from domain.vocabulary import hours as hours_said

PERIODS = {
    BudgetPeriod.WEEK: N_("the week {first} to {last}"),
    BudgetPeriod.MONTH: N_("the month {first} to {last}"),
    BudgetPeriod.QUARTER: N_("the quarter {first} to {last}"),
    BudgetPeriod.PLAN: N_("the plan {first} to {last}"),
}


@dataclass(frozen=True)
class Beyond:
    """A booking that goes past what is left of the approved amount in one period."""

    budget: BudgetPeriod  # the approved service's budget period
    first: date  # the period's first and last local dates
    last: date
    left_units: int  # hundredths of a unit left before this booking
    extra_units: int  # hundredths of a unit beyond it
    extra_cents: int  # what the part beyond costs
    unit: ServiceUnit

    @property
    def period(self) -> str:
        """The period in the language in force: "the week 7 December 2026 to 13 December 2026"."""
        return _(PERIODS[self.budget]).format(first=_day(self.first), last=_day(self.last))

    def message(self, phone: str) -> str:
        left, extra = amount(self.left_units, self.unit), amount(self.extra_units, self.unit)
        if self.unit == ServiceUnit.HOUR:
            said = _(
                "This booking goes past your approved hours for {period}: {left} left, "
                "so {extra} more than approved, costing {cost} more. "
                "You can still book it: the agency decides whether to allow it and tells you "
                "(or call us on {phone})."
            )
        else:
            said = _(
                "This booking goes past your approved visits for {period}: {left} left, "
                "so {extra} more than approved, costing {cost} more. "
                "You can still book it: the agency decides whether to allow it and tells you "
                "(or call us on {phone})."
            )
        return said.format(
            period=self.period, left=left, extra=extra, cost=money.dollars(self.extra_cents), phone=phone
        )

    def summary(self) -> str:
        """What goes beyond, for the staff who decide whether to allow it: kept on the booking, so
        always in English."""
        with use(DEFAULT.code):
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
    if unit == ServiceUnit.HOUR:
        return hours_said(units)
    many = 100 if units % 100 else units // 100  # a fraction takes the plural, as in hours_said
    return ngettext("{amount} visit", "{amount} visits", many).format(amount=formats.decimal(units / 100))


def _day(day: date) -> str:
    """7 December 2026."""
    return formats.day_month_year(day)


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
