"""The first cut of a search, by set arithmetic over the workforce in memory: who meets the
requirements on the day, is not blocked, has a home on the map, and has windows covering the
shift. Per-worker checks (checks.py) then only run for the rest, or for the reasons."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from domain.matching.checks import Rules, age_on
from domain.matching.slot import Slot
from domain.matching.workforce import Workforce

MEMO_SIZE = 5_000


@dataclass(frozen=True)
class Cut:
    meeting: frozenset[int]  # hold every mandatory competency and characteristic on the day
    covered: frozenset[int]  # have windows covering the shift
    passing: frozenset[int]  # both, not blocked, home on the map: only time and place remain
    desirable: tuple[tuple[frozenset[int], int], ...]  # (who meets it, weight) per desirable item


def cut(rules: Rules, slot: Slot) -> Cut:
    force = rules.force
    everyone = set(force.workers)
    meeting = set(everyone)
    for cid in rules.requirements.competencies:
        meeting &= _valid_holders(force, cid, slot)
    for cid in rules.requirements.characteristics:
        meeting = _having(force, cid, slot, meeting)
    covered = set(everyone)
    for segment in slot.segments:
        covered &= _covering(force, *segment)
    passing = (meeting & covered & force.on_map) - rules.blocked
    desirable = tuple(
        (frozenset(_valid_holders(force, cid, slot)), weight)
        for cid, weight in rules.requirements.desirable_competencies
    ) + tuple(
        (frozenset(_having(force, cid, slot, everyone)), weight)
        for cid, weight in rules.requirements.desirable_characteristics
    )
    return Cut(frozenset(meeting), frozenset(covered), frozenset(passing), desirable)


def met(cut: Cut, worker_id: int) -> int:
    total = 0
    for who, weight in cut.desirable:
        if worker_id in who:
            total += weight
    return total


def _remembered(
    force: Workforce, key: tuple[object, ...], work: Callable[[], Iterable[int]]
) -> frozenset[int]:
    found = force.memo.get(key)
    if found is None:
        if len(force.memo) > MEMO_SIZE:
            force.memo.clear()
        found = force.memo[key] = frozenset(work())
    return found


def _covering(force: Workforce, weekday: int, begin: int, finish: int) -> frozenset[int]:
    return _remembered(
        force,
        ("covering", weekday, begin, finish),
        lambda: force.spans_on[weekday].covering(begin, finish),
    )


def _valid_holders(force: Workforce, competency_id: int, slot: Slot) -> frozenset[int]:
    holders = force.holders.get(competency_id)
    if holders is None:
        return frozenset()
    return _remembered(force, ("valid", competency_id, slot.day), lambda: holders.valid_on(slot.day))


def _in_age_band(force: Workforce, characteristic_id: int, slot: Slot) -> frozenset[int]:
    key = ("age", characteristic_id, slot.day)
    if key not in force.memo:
        band = force.characteristics[characteristic_id]
        low, high = band.min_age or 0, band.max_age or 999
        force.memo[key] = frozenset(
            w.id for w in force.workers.values() if low <= age_on(w.born, slot.day) <= high
        )
    return force.memo[key]


def _having(force: Workforce, characteristic_id: int, slot: Slot, among: set[int]) -> set[int]:
    characteristic = force.characteristics[characteristic_id]
    if characteristic.kind == "gender":
        return among & force.by_gender.get(characteristic.code, frozenset())
    if characteristic.kind == "age_band":
        return among & _in_age_band(force, characteristic.id, slot)
    return among & force.having.get(characteristic_id, frozenset())
