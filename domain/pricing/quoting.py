"""The bill rate of a visit, read from the agency's rates: the one place every surface asks.

The pure rules are `bands` (which time band) and `rates` (which rate of the card); this module only
loads the cards and the workers' levels through the action's session and calls them.
"""

from collections.abc import Iterable
from datetime import datetime

from domain.action import Action
from domain.pricing import bands, rates
from domain.pricing.rates import Rate, RateCard
from domain.vocabulary import TimeBand
from storage.queries import rates as queries

Key = tuple[int, int]  # (service id, program id)


def cards(act: Action, pairs: Iterable[Key]) -> dict[Key, RateCard]:
    """The rate card of each (service, program), in one read; a pair without rates gets an empty card."""
    wanted = set(pairs)
    found: dict[Key, list[Rate]] = {pair: [] for pair in wanted}
    for row in queries.rates_of(wanted, session=act.session):
        found[(row.service_id, row.program_id)].append(Rate(row.time_band, row.charge_level, row.rate_cents))
    return {pair: RateCard(tuple(found[pair])) for pair in wanted}


def card(act: Action, service_id: int, program_id: int, fixed_cents: int | None = None) -> RateCard:
    """One service's card under a program; an approved service's own rate overrides the card."""
    if fixed_cents is not None:
        return RateCard((), fixed_cents)
    return cards(act, [(service_id, program_id)])[(service_id, program_id)]


def band(act: Action, starts_at: datetime, ends_at: datetime) -> TimeBand:
    return bands.band_of_visit(starts_at, ends_at, act.zone, act.settings.state)


def visit_rate(
    act: Action, rate_card: RateCard, starts_at: datetime, ends_at: datetime, worker_level: int | None = None
) -> int | None:
    """The bill rate of one visit; None when the agency has no price for the service."""
    return rates.bill_rate(rate_card, band(act, starts_at, ends_at), worker_level)


def worker_levels(act: Action, worker_ids: Iterable[int]) -> dict[int, int | None]:
    return queries.worker_levels(worker_ids, session=act.session)
