"""Which occurrences of a series each worker who meets its requirements can do, all at once.

Each rule is one array operation over all the (worker, occurrence) pairs, with the same
arithmetic as checks.py and search.fits (the tests hold the two to the same answers): windows,
hours and leave; then for the pairs with busy shifts nearby (about 3,000 in an eight-week series
at 5,000 workers, a third of the search when each went through the per-worker checks) a clash,
the travel from the shift before and to the shift after, and the distance from where the worker
will be; for the rest, the distance from home.
"""

from collections.abc import Mapping, Sequence
from datetime import datetime

import numpy as np

from domain.matching.checks import Busy, Rules
from domain.matching.cut import Cut
from domain.matching.distance import Spot, spot, tenths_between, tenths_within
from domain.matching.slot import LOOKAROUND_SECONDS, Slot

NOWHERE = (np.nan,) * 5


def can_do(
    worker_ids: Sequence[int],
    slots: Sequence[Slot],
    cuts: Sequence[Cut],
    rules: Rules,
    nearby: Sequence[Mapping[int, list[Busy]]],
    leave: Mapping[int, list[tuple[datetime, datetime]]],
    rostered: Mapping[tuple[int, int], int],
    week_of: Sequence[int],
) -> np.ndarray:
    """(workers, occurrences): True where the worker can do the occurrence, for workers who meet
    the requirements on every date. `nearby[n]`: each worker's busy shifts that matter to
    occurrence n (series._by_occurrence); `rostered`: (worker, week) -> minutes, for those near
    their maximum; `week_of[n]`: occurrence n's week."""
    columns = rules.force.columns
    rows = columns.rows(worker_ids)
    at = {worker_id: i for i, worker_id in enumerate(worker_ids)}
    can = np.empty((len(worker_ids), len(slots)), dtype=bool)
    masks: dict[int, np.ndarray] = {}
    most = columns.max_minutes[rows]
    for n, (slot, c) in enumerate(zip(slots, cuts, strict=True)):
        covered = masks.get(id(c.covered))
        if covered is None:
            covered = masks[id(c.covered)] = columns.mask(c.covered)[rows]
        can[:, n] = covered & (most >= slot.minutes)
    for (worker_id, week), minutes in rostered.items():
        if (i := at.get(worker_id)) is not None:
            for n, slot in enumerate(slots):
                if week_of[n] == week and minutes + slot.minutes > most[i]:
                    can[i, n] = False
    for worker_id, away in leave.items():
        if (i := at.get(worker_id)) is not None:
            for n, slot in enumerate(slots):
                if any(a < slot.ends_at and b > slot.starts_at for a, b in away):
                    can[i, n] = False
    busy = np.zeros_like(can)
    pairs: list[tuple[int, int]] = []
    shifts: list[list[Busy]] = []
    for n, by_worker in enumerate(nearby):
        for worker_id, found in by_worker.items():
            if (i := at.get(worker_id)) is not None and can[i, n]:
                busy[i, n] = True
                pairs.append((i, n))
                shifts.append(found)
    if pairs:
        at_pairs = np.array(pairs, dtype=np.int64)
        can[at_pairs[:, 0], at_pairs[:, 1]] = _between_shifts(at_pairs, shifts, rows, slots, rules)
    homes = columns.homes[rows]
    places = list(dict.fromkeys(slot.place for slot in slots))
    for place in places:
        near, _tenths = tenths_within(homes, place, rules.radius_km)
        within = np.zeros(len(rows), dtype=bool)
        within[near] = True
        for n, slot in enumerate(slots):
            if slot.place == place:
                can[:, n] &= busy[:, n] | within
    return can


def _between_shifts(
    pairs: np.ndarray, shifts: list[list[Busy]], rows: np.ndarray, slots: Sequence[Slot], rules: Rules
) -> np.ndarray:
    """search._fits_between_shifts for each (worker, occurrence) pair, given its busy shifts:
    no clash, time to travel from the shift before and to the shift after, and within the radius
    of where the worker will be at the start."""
    slot_n = pairs[:, 1]
    starts = np.array([slot.starts for slot in slots], dtype=np.int64)[slot_n]
    ends = np.array([slot.ends for slot in slots], dtype=np.int64)[slot_n]
    day_starts = np.array([slot.day_starts for slot in slots], dtype=np.int64)[slot_n]
    place = np.array([slot.place for slot in slots], dtype=np.float64)[slot_n]
    # every busy shift of every pair, flat: whose pair, its times, id and place
    owner = np.repeat(np.arange(len(pairs)), [len(found) for found in shifts])
    flat = [busy for found in shifts for busy in found]
    b_starts = np.fromiter((b.starts for b in flat), np.int64, len(flat))
    b_ends = np.fromiter((b.ends for b in flat), np.int64, len(flat))
    b_ids = np.fromiter((b.id for b in flat), np.int64, len(flat))
    b_place = np.array([_spot(b) for b in flat], dtype=np.float64).reshape(len(flat), 5)
    s, e = starts[owner], ends[owner]
    clash = np.zeros(len(pairs), dtype=bool)
    clash[owner[(b_starts < e) & (b_ends > s)]] = True
    before = np.flatnonzero((s - LOOKAROUND_SECONDS < b_ends) & (b_ends <= s))
    after = np.flatnonzero((e <= b_starts) & (b_starts < e + LOOKAROUND_SECONDS))
    # checks.neighbours: the latest to end before (by end, start, id), the first to start after
    previous = _pick(before, owner, (b_ids, b_starts, b_ends), last=True, pairs=len(pairs))
    following = _pick(after, owner, (b_ids, b_ends, b_starts), last=False, pairs=len(pairs))
    ok = ~clash
    has = previous >= 0
    p = previous[has]
    ok[has] &= starts[has] - b_ends[p] >= _travel_minutes(b_place[p], place[has], rules) * 60
    has = following >= 0
    f = following[has]
    ok[has] &= b_starts[f] - ends[has] >= _travel_minutes(place[has], b_place[f], rules) * 60
    # checks.origin: the last shift's place that day, else home
    origin = rules.force.columns.homes[rows[pairs[:, 0]]]
    there = previous >= 0
    there[there] = (b_ends[previous[there]] >= day_starts[there]) & ~np.isnan(b_place[previous[there], 0])
    origin[there] = b_place[previous[there]]
    ok &= tenths_between(origin, place) <= rules.radius_km * 10
    return ok


def _pick(
    candidates: np.ndarray, owner: np.ndarray, keys: tuple[np.ndarray, ...], *, last: bool, pairs: int
) -> np.ndarray:
    """Per pair, the candidate shift that sorts last (or first) by `keys` (least significant
    first, as np.lexsort reads them); -1 where the pair has none."""
    chosen = np.full(pairs, -1, dtype=np.int64)
    if len(candidates):
        order = candidates[np.lexsort((*(key[candidates] for key in keys), owner[candidates]))]
        if last:
            order = order[::-1]
        mine = owner[order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = mine[1:] != mine[:-1]
        chosen[mine[first]] = order[first]
    return chosen


def _travel_minutes(a: np.ndarray, b: np.ndarray, rules: Rules) -> np.ndarray:
    """checks._travel for many: the buffer alone where either place is not on the map."""
    minutes = np.full(len(a), rules.buffer_minutes, dtype=np.int64)
    known = ~(np.isnan(a[:, 0]) | np.isnan(b[:, 0]))
    if known.any():
        tenths = tenths_between(a[known], b[known])
        minutes[known] += -((-tenths * 60) // (rules.speed_kmh * 10))
    return minutes


def _spot(busy: Busy) -> Spot | tuple[float, ...]:
    return spot(busy.lat, busy.lon) if busy.lat is not None and busy.lon is not None else NOWHERE
