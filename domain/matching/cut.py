"""The first cut of a search, by set arithmetic over the workforce in memory: who meets the
requirements on the day, is not blocked, has a home on the map, and has windows covering the
shift. Per-worker checks (checks.py) then only run for the rest, or for the reasons."""

from dataclasses import dataclass

from .checks import Rules, age_on
from .slot import Slot
from .workforce import Workforce


@dataclass(frozen=True)
class Cut:
    passing: frozenset[int]  # meet every requirement and window: only time and place remain
    desirable: tuple[tuple[frozenset[int], int], ...]  # (who meets it, weight) per desirable item


def cut(rules: Rules, slot: Slot) -> Cut:
    force = rules.force
    found = set(force.on_map) - rules.blocked
    for cid in rules.requirements.competencies:
        found &= _valid_holders(force, cid, slot)
    for cid in rules.requirements.characteristics:
        found = _having(force, cid, slot, found)
    for weekday, begin, finish in slot.segments:
        found &= {w for w, start, end in force.spans_on[weekday] if start <= begin and finish <= end}
    everyone = set(force.workers)
    desirable = tuple(
        (frozenset(_valid_holders(force, cid, slot)), weight)
        for cid, weight in rules.requirements.desirable_competencies
    ) + tuple(
        (frozenset(_having(force, cid, slot, everyone)), weight)
        for cid, weight in rules.requirements.desirable_characteristics
    )
    return Cut(frozenset(found), desirable)


def met(cut: Cut, worker_id: int) -> int:
    return sum(weight for who, weight in cut.desirable if worker_id in who)


def _valid_holders(force: Workforce, competency_id: int, slot: Slot) -> set[int]:
    day = slot.day
    return {
        w
        for w, (obtained, expires) in force.held_by.get(competency_id, {}).items()
        if (expires is None or expires >= day) and (obtained is None or obtained <= day)
    }


def _having(force: Workforce, characteristic_id: int, slot: Slot, among: set[int]) -> set[int]:
    characteristic = force.characteristics[characteristic_id]
    if characteristic.kind == "gender":
        return among & force.by_gender.get(characteristic.code, frozenset())
    if characteristic.kind == "age_band":
        low, high = characteristic.min_age or 0, characteristic.max_age or 999
        return {w for w in among if low <= age_on(force.workers[w].born, slot.day) <= high}
    return among & force.having.get(characteristic_id, frozenset())
