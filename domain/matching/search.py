"""Find provider for one shift: the ranked list a client sees, and the reasons staff see.

A search runs five statements whatever the number of workers (the workforce itself comes from
memory, see workforce.py): the workforce stamp with the settings, the client and its preferred
and blocked workers; the requirements; then the busy shifts near the slot, leave, and hours
that week. The set arithmetic of cut.py leaves only time and place to check: for the many
workers with nothing near the slot, the distance from home, all at once over the workforce's
columns (columns.py); one by one for the rest. The reasons are worded (checks.py) only for
workers who are left out.
"""

from collections.abc import Collection
from functools import partial
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from domain.matching import checks, context
from domain.matching.checks import Busy, Explainer, Rules
from domain.matching.cut import Cut, cut
from domain.matching.distance import tenths_if_within, tenths_within
from domain.matching.facts import WorkerFacts
from domain.matching.model import LeftOut, Match, Provider, ShiftToFill
from domain.matching.slot import Slot, slot_of

FEW = 600  # up to this many candidates, the per-worker statements name them; beyond, they read all


def find_providers(shift: ShiftToFill, *, session: Session) -> tuple[Provider, ...]:
    """Every worker who may do the shift, best first (what a client sees)."""
    return _search(shift, session, reasons=False).providers


def find_providers_with_reasons(
    shift: ShiftToFill, *, session: Session, only: Collection[int] | None = None
) -> Match:
    """The ranked list, and every other worker with every reason they are left out (what staff see).
    only=ids: just those workers, as the full answer lists or leaves them out (a re-check)."""
    return _search(shift, session, reasons=True, only=None if only is None else frozenset(only))


def _search(
    shift: ShiftToFill, session: Session, *, reasons: bool, only: frozenset[int] | None = None
) -> Match:
    rules, home = context.rules_for(shift, session=session)
    slot = slot_of(shift, context.place_of(shift, home), rules.zone)
    first = cut(rules, slot)
    passing = first.passing if only is None else first.passing & only
    around = context.commitments(
        [slot],
        _named(passing, reasons, only),
        keep=None if reasons else passing,
        force=rules.force,
        session=session,
    )
    providers = ranked(rules, slot, first, *_may_do(rules, slot, passing, around))
    if not reasons:
        return Match(tuple(providers), ())
    return Match(tuple(providers), _left_out(rules, slot, first, around, providers, only))


def _named(passing: frozenset[int], reasons: bool, only: frozenset[int] | None) -> list[int] | None:
    """The workers the statements about commitments read (None: all of them): naming a few
    thousand costs more than reading everyone's."""
    if only is not None and len(only) <= FEW:
        return sorted(only)
    return None if reasons or len(passing) > FEW else sorted(passing)


def _left_out(
    rules: Rules,
    slot: Slot,
    first: Cut,
    around: context.Commitments,
    providers: list[Provider],
    only: frozenset[int] | None,
) -> tuple[LeftOut, ...]:
    """Every worker not listed (of `only`, if given), with every reason, in the order staff read."""
    listed = {p.worker_id for p in providers}
    explain = Explainer(slot, rules, first.meeting, first.covered).reasons
    busy, leave, rostered, workers = around.busy, around.leave, around.rostered, rules.force.workers
    left_out = []
    for worker_id in rules.force.by_name:
        if worker_id not in listed and (only is None or worker_id in only):
            worker = workers[worker_id]
            because = explain(
                worker, busy.get(worker_id, ()), worker_id in leave, rostered.get((worker_id, 0), 0)
            )
            left_out.append(LeftOut(worker_id, worker.name, because))
    return tuple(left_out)


def ranked(rules: Rules, slot: Slot, first: Cut, rows: np.ndarray, tenths: np.ndarray) -> list[Provider]:
    """The providers in rank order: weighted desirables met, the client's preferred first, nearer,
    better rated; then by name (and id), so that the order is stable. Sorted as columns, and the
    cards made from columns too: the worker's own facts, then what this search found."""
    columns, total = rules.force.columns, rules.requirements.desirable_total
    weights = np.zeros(len(rows), dtype=np.int64)
    if total:
        for who, weight in first.desirable:
            weights += columns.mask(who)[rows] * weight
    preferred = columns.mask(rules.preferred)[rows]
    order = np.lexsort((columns.name_order[rows], -columns.rating[rows], tenths, ~preferred, -weights))
    chosen = rows[order]
    cards = columns.cards(chosen)  # name, photo, rate, competencies held, rating, reviews...
    cards |= {
        "age": columns.ages_on(chosen, slot.day).tolist(),
        "distance_km": (tenths[order] / 10).tolist(),
        "desirables_met": weights[order].tolist(),
        "desirables_total": [total] * len(chosen),
        "preferred": preferred[order].tolist(),
    }
    return providers_of(cards)


def providers_of(cards: dict[str, list[Any]]) -> list[Provider]:
    """The cards given as columns, one per Provider field by name: a provider per row. Made a
    field at a time, a search's thousands of cards cost what making each positionally did, a
    third of making each by keywords (measured at 5,000 workers)."""
    assert cards.keys() == set(Provider._fields), "every field of the card, and nothing else"
    return list(map(_card, zip(*(cards[field] for field in Provider._fields), strict=True)))


# Provider._make without its width check: a row of providers_of has a value for every field.
_card = partial(tuple.__new__, Provider)


def _may_do(
    rules: Rules, slot: Slot, passing: frozenset[int], around: context.Commitments
) -> tuple[np.ndarray, np.ndarray]:
    """Of the workers past the first cut: free, with hours left and near enough; as rows of the
    workforce's columns, with the distance in tenths of a km. Most have nothing near the slot:
    only the distance from home counts, worked out for all of them at once."""
    workers, columns, minutes = rules.force.workers, rules.force.columns, slot.minutes
    busy, leave, rostered = around.busy, around.leave, around.rostered
    full = {w for (w, _week), done in rostered.items() if done + minutes > workers[w].max_minutes}
    apart = passing.intersection(busy).union(passing.intersection(leave), passing.intersection(full))
    free = columns.rows(passing - apart)
    free = free[columns.max_minutes[free] >= minutes]  # nothing rostered that week, but too long
    near, tenths = tenths_within(columns.homes[free], slot.place, rules.radius_km)
    found_rows, found_tenths = [], []
    for worker_id in apart:
        if worker_id in leave or worker_id in full:
            continue
        distance = _fits_between_shifts(workers[worker_id], slot, rules, busy[worker_id])
        if distance is not None:
            found_rows.append(worker_id)
            found_tenths.append(distance)
    if not found_rows:
        return free[near], tenths
    return (
        np.concatenate((free[near], columns.rows(found_rows))),
        np.concatenate((tenths, np.array(found_tenths, dtype=np.int64))),
    )


def fits(worker: WorkerFacts, slot: Slot, rules: Rules, busy: list[Busy]) -> int | None:
    """For a worker past the first cut, not on leave and with hours left: the distance in tenths of
    a km when time and place allow the shift (what the Explainer would then find no reason
    against), else None."""
    if busy:
        return _fits_between_shifts(worker, slot, rules, busy)
    assert worker.home is not None  # the cut keeps only workers with a home on the map
    return tenths_if_within(worker.home, slot.place, rules.radius_km)


def _fits_between_shifts(worker: WorkerFacts, slot: Slot, rules: Rules, busy: list[Busy]) -> int | None:
    """For a worker with shifts nearby: the distance in tenths of a km from where they will be,
    when nothing clashes, travel fits and they are within the radius."""
    if checks.clashes(busy, slot):
        return None
    previous, following = checks.neighbours(busy, slot)
    if not checks.travel_fits(previous, following, slot, rules):
        return None
    start = checks.origin(worker, previous, slot)
    assert start is not None  # the cut keeps only workers with a home on the map
    return tenths_if_within(start, slot.place, rules.radius_km)
