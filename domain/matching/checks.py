"""The rules of DESIGN §3.1 point 2, one worker at a time, over facts already in memory.

Each check returns the reasons it finds (empty: passed). The engine calls them for every worker
when staff want the reasons, and stops at the first failure when a client wants only the list.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from domain.language import _
from domain.matching import distance, wording
from domain.matching.distance import Spot
from domain.matching.facts import Characteristic, WorkerFacts
from domain.matching.requirements import Requirements
from domain.matching.slot import LOOKAROUND_SECONDS, Slot
from domain.matching.workforce import Workforce


class Busy(NamedTuple):
    """A busy shift of a worker: its times in epoch seconds, and where it happens (None: not on the map)."""

    id: int
    starts: int
    ends: int
    lat: float | None
    lon: float | None

    @property
    def place(self) -> Spot | None:
        return distance.spot(self.lat, self.lon) if self.lat is not None and self.lon is not None else None

    def local(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        return datetime.fromtimestamp(self.starts, zone), datetime.fromtimestamp(self.ends, zone)


@dataclass(frozen=True)
class Rules:
    """What every check of one search shares."""

    force: Workforce
    requirements: Requirements
    blocked: frozenset[int]
    preferred: frozenset[int]
    zone: ZoneInfo
    radius_km: int
    speed_kmh: int
    buffer_minutes: int


def requirement_reasons(worker: WorkerFacts, slot: Slot, rules: Rules) -> list[str]:
    reasons = [_(wording.BLOCKED)] if worker.id in rules.blocked else []
    names = rules.force.competency_names
    reasons += sorted(
        reason
        for cid in rules.requirements.competencies
        if (reason := competency_gap(worker, cid, names[cid], slot.day)) is not None
    )
    characteristics = rules.force.characteristics
    reasons += sorted(
        reason
        for cid in rules.requirements.characteristics
        if (reason := characteristic_gap(worker, characteristics[cid], slot.day)) is not None
    )
    if worker.home is None:
        reasons.append(_(wording.NO_HOME_POSITION))
    return reasons


def competency_gap(worker: WorkerFacts, competency_id: int, name: str, day: date) -> str | None:
    held = worker.competencies.get(competency_id)
    if held is None:
        return wording.missing_competency(name)
    obtained, expires = held
    if expires is not None and expires < day:
        return wording.missing_competency(name, expired_on=expires)
    if obtained is not None and obtained > day:
        return wording.missing_competency(name, valid_from=obtained)
    return None


def characteristic_gap(worker: WorkerFacts, characteristic: Characteristic, day: date) -> str | None:
    if characteristic.kind == "gender":
        ok = worker.gender == characteristic.code
    elif characteristic.kind == "age_band":
        age = age_on(worker.born, day)
        if not (characteristic.min_age or 0) <= age <= (characteristic.max_age or 999):
            return wording.wrong_age(characteristic.name, age)
        ok = True
    else:
        ok = characteristic.id in worker.characteristics
    return None if ok else wording.missing_characteristic(characteristic.name)


def desirables_met(worker: WorkerFacts, slot: Slot, rules: Rules) -> int:
    names, characteristics = rules.force.competency_names, rules.force.characteristics
    met = sum(
        weight
        for cid, weight in rules.requirements.desirable_competencies
        if competency_gap(worker, cid, names[cid], slot.day) is None
    )
    return met + sum(
        weight
        for cid, weight in rules.requirements.desirable_characteristics
        if characteristic_gap(worker, characteristics[cid], slot.day) is None
    )


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def covered(worker: WorkerFacts, slot: Slot) -> bool:
    """A window (joined where windows touch) covers each local day's part of the shift."""
    for weekday, begin, finish in slot.segments:
        if not any(start <= begin and finish <= end for start, end in worker.spans[weekday]):
            return False
    return True


def clashes(busy: Sequence[Busy], slot: Slot) -> list[Busy]:
    return [b for b in busy if b.starts < slot.ends and b.ends > slot.starts]


def neighbours(busy: Sequence[Busy], slot: Slot) -> tuple[Busy | None, Busy | None]:
    """The busy shift just before (ending by the start) and just after (starting from the end)."""
    start, end, around = slot.starts, slot.ends, LOOKAROUND_SECONDS
    before = [b for b in busy if start - around < b.ends <= start]
    after = [b for b in busy if end <= b.starts < end + around]
    previous = max(before, key=lambda b: (b.ends, b.starts, b.id), default=None)
    following = min(after, key=lambda b: (b.starts, b.ends, b.id), default=None)
    return previous, following


def travel_reasons(previous: Busy | None, following: Busy | None, slot: Slot, rules: Rules) -> list[str]:
    reasons = []
    zone = rules.zone
    if previous is not None and (needs := _short_after(previous, slot, rules)) is not None:
        reasons.append(
            wording.travel_after(*previous.local(zone), needs, (slot.starts - previous.ends) // 60)
        )
    if following is not None and (needs := _short_before(slot, following, rules)) is not None:
        reasons.append(
            wording.travel_before(*following.local(zone), needs, (following.starts - slot.ends) // 60)
        )
    return reasons


def travel_fits(previous: Busy | None, following: Busy | None, slot: Slot, rules: Rules) -> bool:
    """travel_reasons finds none (without wording what it would find: a client's list reads no reasons)."""
    return (previous is None or _short_after(previous, slot, rules) is None) and (
        following is None or _short_before(slot, following, rules) is None
    )


def _short_after(previous: Busy, slot: Slot, rules: Rules) -> int | None:
    """The minutes needed to get here from the previous shift, when it ends too late for that."""
    needs = _travel(previous.place, slot.place, rules)
    return needs if slot.starts - previous.ends < needs * 60 else None


def _short_before(slot: Slot, following: Busy, rules: Rules) -> int | None:
    """The minutes needed to get to the following shift, when it starts too early for that."""
    needs = _travel(slot.place, following.place, rules)
    return needs if following.starts - slot.ends < needs * 60 else None


def _travel(a: Spot | None, b: Spot | None, rules: Rules) -> int:
    if a is None or b is None:
        return rules.buffer_minutes
    return distance.travel_minutes(distance.tenths_km(a, b), rules.speed_kmh) + rules.buffer_minutes


def origin(worker: WorkerFacts, previous: Busy | None, slot: Slot) -> Spot | None:
    """Where the worker will be at the start: the last shift's place that day, else home."""
    if previous is not None and previous.ends >= slot.day_starts and previous.place is not None:
        return previous.place
    return worker.home


def hours_reason(worker: WorkerFacts, rostered: int, slot: Slot) -> str | None:
    if rostered + slot.minutes > worker.max_minutes:
        return wording.hours(rostered, worker.max_minutes // 60, slot.minutes)
    return None


def time_and_place_reasons(
    worker: WorkerFacts, slot: Slot, rules: Rules, busy: Sequence[Busy], on_leave: bool, rostered: int
) -> tuple[list[str], int | None]:
    """Every reason of availability, hours and distance, and the distance in tenths of a km."""
    zone = rules.zone
    reasons = [] if covered(worker, slot) else [wording.not_available(slot.local_start, slot.local_end)]
    if on_leave:
        reasons.append(_(wording.ON_LEAVE))
    reasons += [wording.clash(*b.local(zone)) for b in clashes(busy, slot)]
    previous, following = neighbours(busy, slot)
    reasons += travel_reasons(previous, following, slot, rules)
    if (reason := hours_reason(worker, rostered, slot)) is not None:
        reasons.append(reason)
    start = origin(worker, previous, slot)
    if start is None:
        return reasons, None
    tenths = distance.tenths_km(start, slot.place)
    if tenths > rules.radius_km * 10:
        reasons.append(wording.too_far(tenths, rules.radius_km))
    return reasons, tenths


class Explainer:
    """Every reason a worker is left out of one search, in the order time_and_place_reasons and
    requirement_reasons give them, using what the search already worked out (the first cut's
    sets, the wording that is the same for everyone) so thousands of workers cost little."""

    def __init__(self, slot: Slot, rules: Rules, meeting: frozenset[int], covered: frozenset[int]) -> None:
        self.slot, self.rules, self.meeting, self.covered = slot, rules, meeting, covered
        self.not_available = wording.not_available(slot.local_start, slot.local_end)
        self.blocked, self.on_leave = _(wording.BLOCKED), _(wording.ON_LEAVE)
        self.no_home_position = _(wording.NO_HOME_POSITION)
        self.radius_tenths = rules.radius_km * 10

    def reasons(
        self, worker: WorkerFacts, busy: Sequence[Busy], on_leave: bool, rostered: int
    ) -> tuple[str, ...]:
        slot, rules = self.slot, self.rules
        if worker.id in self.meeting:
            found = [self.blocked] if worker.id in rules.blocked else []
            if worker.home is None:
                found.append(self.no_home_position)
        else:
            found = requirement_reasons(worker, slot, rules)
        if worker.id not in self.covered:
            found.append(self.not_available)
        if on_leave:
            found.append(self.on_leave)
        previous = None
        if busy:
            found += [wording.clash(*b.local(rules.zone)) for b in clashes(busy, slot)]
            previous, following = neighbours(busy, slot)
            found += travel_reasons(previous, following, slot, rules)
        if rostered + slot.minutes > worker.max_minutes:
            found.append(wording.hours(rostered, worker.max_minutes // 60, slot.minutes))
        start = origin(worker, previous, slot)
        if start is not None:
            tenths = distance.tenths_km(start, slot.place)
            if tenths > self.radius_tenths:
                found.append(wording.too_far(tenths, rules.radius_km))
        return tuple(found)
