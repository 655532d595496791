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

import numpy as np
from sqlalchemy.orm import Session

from domain.matching import checks, context
from domain.matching.checks import Busy, Explainer, Rules
from domain.matching.cut import Cut, cut
from domain.matching.distance import beyond, tenths_km, tenths_within
from domain.matching.model import LeftOut, Match, Provider, ShiftToFill
from domain.matching.slot import Slot, slot_of
from domain.matching.workforce import WorkerFacts

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
    named = None if reasons or len(passing) > FEW else sorted(passing)
    if only is not None and len(only) <= FEW:
        named = sorted(only)
    ignore = shift.ignore_shift_ids
    keep = None if reasons else passing
    busy = context.busy_by_worker([slot.nearby()], named, ignore, keep=keep, session=session)
    leave = context.leave_by_worker([(slot.starts_at, slot.ends_at)], named, session=session)
    rostered = context.rostered_by_worker(
        [slot.week], named, ignore, slot.minutes, force=rules.force, session=session
    )
    rows, tenths = _may_do(rules, slot, passing, busy, leave, rostered)
    providers = ranked(rules, slot, first, rows, tenths)
    left_out = []
    if reasons:
        listed = {p.worker_id for p in providers}
        explain = Explainer(slot, rules, first.meeting, first.covered).reasons
        workers = rules.force.workers
        for worker_id in rules.force.by_name:  # already in the order staff read them
            if worker_id not in listed and (only is None or worker_id in only):
                worker = workers[worker_id]
                because = explain(
                    worker, busy.get(worker_id, ()), worker_id in leave, rostered.get((worker_id, 0), 0)
                )
                left_out.append(LeftOut(worker_id, worker.name, because))
    return Match(tuple(providers), tuple(left_out))


def ranked(rules: Rules, slot: Slot, first: Cut, rows: np.ndarray, tenths: np.ndarray) -> list[Provider]:
    """The providers in rank order: weighted desirables met, the client's preferred first, nearer,
    better rated; then by name (and id), so that the order is stable. Sorted as columns, each
    card made once."""
    columns, total = rules.force.columns, rules.requirements.desirable_total
    weights = np.zeros(len(rows), dtype=np.int64)
    if total:
        for who, weight in first.desirable:
            weights += columns.mask(who)[rows] * weight
    preferred = columns.mask(rules.preferred)[rows]
    order = np.lexsort((columns.name_order[rows], -columns.rating[rows], tenths, ~preferred, -weights))
    facts, new = columns.facts, tuple.__new__
    return [
        new(
            Provider,
            (
                (w := facts[row]).id,
                w.name,
                w.photo_media_id,
                w.charge_rate_cents,
                w.gender,
                age,
                w.held,
                w.rating,
                w.medal,
                w.medal_colour,
                w.review_count,
                km_tenths / 10,
                weight,
                total,
                liked,
            ),
        )
        for row, km_tenths, weight, liked, age in zip(
            rows[order].tolist(),
            tenths[order].tolist(),
            weights[order].tolist(),
            preferred[order].tolist(),
            columns.ages_on(rows[order], slot.day).tolist(),
            strict=True,
        )
    ]


def _may_do(
    rules: Rules,
    slot: Slot,
    passing: frozenset[int],
    busy: dict[int, list[Busy]],
    leave: dict[int, list],
    rostered: dict[tuple[int, int], int],
) -> tuple[np.ndarray, np.ndarray]:
    """Of the workers past the first cut: free, with hours left and near enough; as rows of the
    workforce's columns, with the distance in tenths of a km. Most have nothing near the slot:
    only the distance from home counts, worked out for all of them at once."""
    workers, columns, minutes = rules.force.workers, rules.force.columns, slot.minutes
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
    if beyond(worker.home, slot.place, rules.radius_km + 0.06):  # the cut keeps only workers with a home
        return None
    tenths = tenths_km(worker.home, slot.place)
    return tenths if tenths <= rules.radius_km * 10 else None


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
    if beyond(start, slot.place, rules.radius_km + 0.06):
        return None  # certainly beyond the radius, whatever the rounding
    tenths = tenths_km(start, slot.place)
    return tenths if tenths <= rules.radius_km * 10 else None
