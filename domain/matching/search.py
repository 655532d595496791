"""Find provider for one shift: the ranked list a client sees, and the reasons staff see.

A search runs seven statements whatever the number of workers (the workforce itself comes from
memory, see workforce.py): settings and the workforce stamp, the client, requirements, the
client's preferred and blocked workers, then for the workers still in the running their busy
shifts near the slot, their leave, and their hours that week.
"""

from collections.abc import Collection

from sqlalchemy.orm import Session

from . import checks, context
from .checks import Busy, Rules
from .model import LeftOut, Match, Provider, ShiftToFill
from .slot import Slot, slot_of
from .workforce import WorkerFacts


def find_providers(shift: ShiftToFill, *, session: Session) -> tuple[Provider, ...]:
    """Every worker who may do the shift, best first (what a client sees)."""
    rules, home = context.rules_for(shift, session=session)
    slot = slot_of(shift, context.place_of(shift, home), rules.zone)
    workers = [
        rules.force.workers[i]
        for i in sorted(_holding_all(rules))
        if _may_work(rules.force.workers[i], slot, rules)
    ]
    ids = [w.id for w in workers]
    busy = context.busy_by_worker([slot.nearby()], ids, shift.ignore_shift_ids, session=session)
    near: list[tuple[WorkerFacts, int]] = []
    for worker in workers:
        tenths = _fits_between_shifts(worker, slot, rules, busy.get(worker.id, ()))
        if tenths is not None:
            near.append((worker, tenths))
    ids = [w.id for w, _ in near]
    leave = context.leave_by_worker([(slot.starts_at, slot.ends_at)], ids, session=session)
    rostered = context.rostered_by_worker([slot.week], ids, shift.ignore_shift_ids, session=session)
    providers = [
        provider(worker, slot, rules, tenths)
        for worker, tenths in near
        if worker.id not in leave
        and checks.hours_reason(worker, rostered.get((worker.id, 0), 0), slot) is None
    ]
    return tuple(sorted(providers, key=rank))


def find_providers_with_reasons(shift: ShiftToFill, *, session: Session) -> Match:
    """The ranked list, and every other worker with every reason they are left out (what staff see)."""
    rules, home = context.rules_for(shift, session=session)
    slot = slot_of(shift, context.place_of(shift, home), rules.zone)
    span = [slot.nearby()]
    busy = context.busy_by_worker(span, None, shift.ignore_shift_ids, session=session)
    leave = context.leave_by_worker([(slot.starts_at, slot.ends_at)], None, session=session)
    rostered = context.rostered_by_worker([slot.week], None, shift.ignore_shift_ids, session=session)
    providers, left_out = [], []
    for worker in rules.force.workers.values():
        reasons = checks.requirement_reasons(worker, slot, rules)
        more, tenths = checks.time_and_place_reasons(
            worker, slot, rules, busy.get(worker.id, ()), worker.id in leave, rostered.get((worker.id, 0), 0)
        )
        reasons += more
        if reasons:
            left_out.append(LeftOut(worker.id, worker.name, tuple(reasons)))
        else:
            assert tenths is not None  # a worker with no reasons has a home on the map
            providers.append(provider(worker, slot, rules, tenths))
    providers.sort(key=rank)
    left_out.sort(key=lambda out: (out.name, out.worker_id))
    return Match(tuple(providers), tuple(left_out))


def _holding_all(rules: Rules) -> set[int]:
    """A first cut by set arithmetic: who holds every mandatory item at all (valid or not)."""
    force, found = rules.force, set(rules.force.workers)
    for cid in rules.requirements.competencies:
        found &= force.holders.get(cid, frozenset())
    for cid in rules.requirements.characteristics:
        characteristic = force.characteristics[cid]
        if characteristic.kind == "gender":
            found &= force.by_gender.get(characteristic.code, frozenset())
        elif characteristic.kind != "age_band":
            found &= force.having.get(cid, frozenset())
    return found - rules.blocked


def _may_work(worker: WorkerFacts, slot: Slot, rules: Rules) -> bool:
    """The checks that need no database: requirements, blocked, home on the map, windows."""
    if worker.id in rules.blocked or worker.home is None or not checks.covered(worker, slot):
        return False
    names, characteristics = rules.force.competency_names, rules.force.characteristics
    for cid in rules.requirements.competencies:
        if checks.competency_gap(worker, cid, names[cid], slot.day) is not None:
            return False
    return all(
        checks.characteristic_gap(worker, characteristics[cid], slot.day) is None
        for cid in rules.requirements.characteristics
    )


def _fits_between_shifts(worker: WorkerFacts, slot: Slot, rules: Rules, busy: Collection[Busy]) -> int | None:
    """The distance in tenths of a km when no shift clashes, travel fits and it is within the radius."""
    ordered = list(busy)
    if checks.clashes(ordered, slot):
        return None
    previous, following = checks.neighbours(ordered, slot)
    start = checks.origin(worker, previous, slot)
    assert start is not None  # _may_work left out workers with no home on the map
    if checks.distance.flat_km(start, slot.place) > rules.radius_km + 1:
        return None  # far beyond the radius whatever the rounding: skip the exact distance
    tenths = checks.distance.tenths_km(start, slot.place)
    if tenths > rules.radius_km * 10 or checks.travel_reasons(previous, following, slot, rules):
        return None
    return tenths


def provider(worker: WorkerFacts, slot: Slot, rules: Rules, tenths: int) -> Provider:
    return Provider(
        worker_id=worker.id,
        name=worker.name,
        photo_media_id=worker.photo_media_id,
        charge_rate_cents=worker.charge_rate_cents,
        gender=worker.gender,
        age=checks.age_on(worker.born, slot.day),
        competencies=worker.held,
        rating=worker.rating,
        medal=worker.medal,
        medal_colour=worker.medal_colour,
        review_count=worker.review_count,
        distance_km=tenths / 10,
        desirables_met=checks.desirables_met(worker, slot, rules),
        desirables_total=rules.requirements.desirable_total,
        preferred=worker.id in rules.preferred,
    )


def rank(p: Provider) -> tuple:
    """Weighted desirables met, the client's preferred first, nearer, better rated; then by name."""
    return (-p.desirables_met, not p.preferred, p.distance_km, -p.rating, p.name, p.worker_id)
