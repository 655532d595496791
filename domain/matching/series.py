"""Find provider for a permanent booking: every occurrence in the horizon is checked.

A worker is listed when they meet the requirements on every occurrence's date (a competency
that expires half-way through the series leaves them out) and can do at least one occurrence;
`cannot_do` names the occurrences they cannot do and why. The statements are the single
search's, each once for the whole series.

Whether a worker can do an occurrence is first answered cheaply (set arithmetic, then time and
place as the single search does); the reasons are worded only for the occurrences a worker
cannot do, and only when someone reads them: a caller that does not show left-out workers
(`reasons=False`, a client) skips them, and `only=` checks just the given workers (a re-check
inside a write transaction). Either way each answer equals the full one, filtered.
"""

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime

import numpy as np
from sqlalchemy.orm import Session

from domain.errors import DomainError
from domain.language import _
from domain.matching import checks, context, occurrences, wording
from domain.matching.checks import Busy, Explainer, Rules
from domain.matching.cut import Cut, cut
from domain.matching.distance import tenths_km, tenths_within
from domain.matching.facts import WorkerFacts
from domain.matching.model import LeftOut, SeriesMatch, SeriesProvider, ShiftToFill
from domain.matching.search import FEW, ranked
from domain.matching.slot import LONGEST_SHIFT, LOOKAROUND_SECONDS, Slot, slot_of

Cannot = tuple[tuple[date, tuple[str, ...]], ...]
LONGEST_SECONDS = int(LONGEST_SHIFT.total_seconds())


def find_providers_for_series(
    shifts: Sequence[ShiftToFill],
    *,
    session: Session,
    reasons: bool = True,
    only: Collection[int] | None = None,
) -> SeriesMatch:
    """reasons=False: `left_out` is empty (for callers who do not show it); only=ids: just those
    workers, exactly as the full answer lists or leaves them out."""
    _check_one_booking(shifts)
    rules, home = context.rules_for(shifts[0], session=session)
    slots = [slot_of(shift, context.place_of(shift, home), rules.zone) for shift in shifts]
    left_out: list[LeftOut] = []
    cuts = [cut(rules, slot) for slot in slots]
    workers = rules.force.workers
    able = (frozenset.intersection(*(c.meeting for c in cuts)) & rules.force.on_map) - rules.blocked
    if only is not None:
        able &= frozenset(only)
    if reasons:
        asked = workers if only is None else dict.fromkeys(i for i in only if i in workers)
        left_out += _unqualified([workers[i] for i in asked if i not in able], slots, rules)
    else:  # whoever no window covers on any occurrence can do none: left out, unread
        able &= frozenset().union(*(c.covered for c in cuts))
    cannot_of: dict[int, Cannot] = {}
    distances: list[int] = []
    for worker, cannot, tenths in _occurrences(able, slots, cuts, rules, session, reasons):
        if len(cannot) == len(slots):
            if reasons:
                dated = tuple(wording.on_date(d, r) for d, r in cannot)
                left_out.append(LeftOut(worker.id, worker.name, dated))
            continue
        cannot_of[worker.id] = cannot
        distances.append(tenths)
    columns = rules.force.columns
    providers = ranked(rules, slots[0], cuts[0], columns.rows(cannot_of), np.array(distances, dtype=np.int64))
    left_out.sort(key=lambda out: (out.name, out.worker_id))
    return SeriesMatch(tuple(SeriesProvider(p, cannot_of[p.worker_id]) for p in providers), tuple(left_out))


def _unqualified(workers: list[WorkerFacts], slots: list[Slot], rules: Rules) -> list[LeftOut]:
    """Workers who miss a requirement on some occurrence (or are blocked, or not on the map): each
    reason once for the whole series."""
    left_out = []
    for worker in workers:
        why = dict.fromkeys(r for slot in slots for r in checks.requirement_reasons(worker, slot, rules))
        left_out.append(LeftOut(worker.id, worker.name, tuple(why)))
    return left_out


def _occurrences(
    able: frozenset[int],
    slots: list[Slot],
    cuts: list[Cut],
    rules: Rules,
    session: Session,
    reasons: bool,
) -> list[tuple[WorkerFacts, Cannot, int]]:
    """Per worker who meets the requirements: the occurrences they cannot do, with reasons, and
    the first occurrence's distance. Without `reasons`, a worker who can do no occurrence is
    dropped unworded (the caller leaves them out and shows nobody why)."""
    named = sorted(able) if len(able) <= FEW else None
    around = context.commitments(slots, named, keep=able, force=rules.force, session=session)
    leave, rostered = around.leave, around.rostered
    week_of = [around.weeks.index(slot.week) for slot in slots]
    explainers = [Explainer(slot, rules, c.meeting, c.covered) for slot, c in zip(slots, cuts, strict=True)]
    nearby = _by_occurrence(around.busy, slots)
    workers = rules.force.workers
    found = []

    def worded(
        worker: WorkerFacts, failing: Iterable[int], away: Sequence[tuple[datetime, datetime]]
    ) -> Cannot:
        cannot = []
        for n in failing:
            slot = slots[n]
            on_leave = any(a < slot.ends_at and b > slot.starts_at for a, b in away)
            minutes = rostered.get((worker.id, week_of[n]), 0)
            cannot.append(
                (slot.day, explainers[n].reasons(worker, nearby[n].get(worker.id, ()), on_leave, minutes))
            )
        return tuple(cannot)

    ids = sorted(able)
    can_do = occurrences.can_do(ids, slots, cuts, rules, nearby, leave, rostered, week_of)
    every = np.asarray(can_do.all(axis=1))
    for i, (wid, tenths) in enumerate(
        zip(ids, _first_distances(ids, nearby[0], slots[0], rules), strict=True)
    ):
        failing = [] if every[i] else np.flatnonzero(~can_do[i]).tolist()
        if not reasons and len(failing) == len(slots):
            continue
        worker = workers[wid]
        found.append((worker, worded(worker, failing, leave.get(wid, ())) if failing else (), tenths))
    return found


def _first_distances(ids: list[int], nearby: dict[int, list[Busy]], slot: Slot, rules: Rules) -> list[int]:
    """Per worker, the distance in tenths of a km to the first occurrence from where they set out
    (checks.origin): from home for most, worked out at once; from the last shift's place that day
    for the few with one."""
    columns, workers = rules.force.columns, rules.force.workers
    distances = np.full(len(ids), -1, dtype=np.int64)
    near, within = tenths_within(columns.homes[columns.rows(ids)], slot.place, rules.radius_km)
    distances[near] = within
    found: list[int] = distances.tolist()
    for i in np.flatnonzero(distances < 0).tolist():  # beyond the radius: worked out alone
        home = workers[ids[i]].home
        assert home is not None  # qualified workers have a home on the map
        found[i] = tenths_km(home, slot.place)
    at = {worker_id: i for i, worker_id in enumerate(ids)}
    for worker_id, shifts in nearby.items():
        if (row := at.get(worker_id)) is not None:
            worker = workers[worker_id]
            start = checks.origin(worker, checks.neighbours(shifts, slot)[0], slot)
            if start != worker.home:  # the place of a shift that day
                assert start is not None
                found[row] = tenths_km(start, slot.place)
    return found


def _by_occurrence(busy: dict[int, list[Busy]], slots: list[Slot]) -> list[dict[int, list[Busy]]]:
    """Per occurrence, each worker's busy shifts that can matter to it (a clash, or travel from or
    to one within LOOKAROUND), in the order read: a check of one occurrence gives the same answer
    from these as from all the worker's shifts, and most occurrences then have none."""
    order = sorted(range(len(slots)), key=lambda n: slots[n].starts)
    starts = [slots[n].starts for n in order]
    found: list[dict[int, list[Busy]]] = [defaultdict(list) for _ in slots]
    for worker_id, shifts in busy.items():
        for shift in shifts:
            i = bisect_left(starts, shift.starts - LOOKAROUND_SECONDS - LONGEST_SECONDS)
            while i < len(starts) and starts[i] < shift.ends + LOOKAROUND_SECONDS:
                n = order[i]
                if slots[n].ends + LOOKAROUND_SECONDS > shift.starts:
                    found[n][worker_id].append(shift)
                i += 1
    return [dict(by_worker) for by_worker in found]


def _check_one_booking(shifts: Sequence[ShiftToFill]) -> None:
    if not shifts:
        raise DomainError(_("A series needs at least one visit."))
    first = shifts[0]
    if any(
        (s.client_id, s.service_id, s.program_id, s.wishes, s.booking_id)
        != (first.client_id, first.service_id, first.program_id, first.wishes, first.booking_id)
        for s in shifts
    ):
        raise DomainError(
            _("Every visit of a series is for the same client, service, program and preferences.")
        )
