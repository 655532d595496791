"""Choosing a bill rate from the agency's rates: plain values in, cents out, no database.

A service's rates under one program form a `RateCard`: one rate per time band, for any worker
(level 0), and, where the agency prices by level, rates for workers of a given charge level.

- A band without a rate of its own is charged at the weekday daytime rate (an agency that sets
  only one rate charges it at every hour).
- Where the card has a rate for the worker's level in that band, it applies; otherwise the rate for
  any worker does, and where there is none, the lowest level's. With no worker chosen yet (the
  agency will choose), the same: the client never pays more than she was shown when she booked.
- An approved service with a rate of its own (a negotiated rate) is charged that rate at every hour.
"""

from dataclasses import dataclass

from domain.vocabulary import TimeBand

ANY_LEVEL = 0


@dataclass(frozen=True)
class Rate:
    band: TimeBand
    level: int  # ANY_LEVEL, or a charge level from 1
    cents: int


@dataclass(frozen=True)
class RateCard:
    """The rates of one service under one program; `fixed_cents` is an approved service's own rate."""

    rates: tuple[Rate, ...]
    fixed_cents: int | None = None

    @property
    def priced(self) -> bool:
        return self.fixed_cents is not None or bool(self.rates)

    @property
    def prices_by_level(self) -> bool:
        return self.fixed_cents is None and any(r.level != ANY_LEVEL for r in self.rates)


def bill_rate(card: RateCard, band: TimeBand, worker_level: int | None = None) -> int | None:
    """The rate per unit of a visit in `band` with a worker of `worker_level`; None: no price set."""
    if card.fixed_cents is not None:
        return card.fixed_cents
    for wanted in (band, TimeBand.WEEKDAY):
        found = _in_band(card, wanted, worker_level)
        if found is not None:
            return found
    return None


def _in_band(card: RateCard, band: TimeBand, worker_level: int | None) -> int | None:
    in_band = {r.level: r.cents for r in card.rates if r.band == band}
    if worker_level is not None and worker_level in in_band:
        return in_band[worker_level]
    if ANY_LEVEL in in_band:
        return in_band[ANY_LEVEL]
    levels = sorted(level for level in in_band if level != ANY_LEVEL)
    return in_band[levels[0]] if levels else None


@dataclass(frozen=True)
class PriceRange:
    """What a service can cost an hour (or each): the tile's "$X" or "from $X"."""

    lowest: int
    highest: int

    @property
    def varies(self) -> bool:
        return self.lowest != self.highest


def price_range(card: RateCard) -> PriceRange | None:
    """The lowest and highest rate any visit of the service can be charged; None: no price set."""
    if card.fixed_cents is not None:
        return PriceRange(card.fixed_cents, card.fixed_cents)
    possible = [c for band in TimeBand for c in _all_in_band(card, band)]
    return PriceRange(min(possible), max(possible)) if possible else None


def _all_in_band(card: RateCard, band: TimeBand) -> list[int]:
    levels = {r.level for r in card.rates} or {ANY_LEVEL}
    found = (bill_rate(card, band, level if level != ANY_LEVEL else None) for level in levels)
    return [c for c in found if c is not None]
