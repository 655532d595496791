"""Find provider for one shift: the ranked list a client sees, and the reasons staff see.

A search runs seven statements whatever the number of workers (the workforce itself comes from
memory, see workforce.py): settings and the workforce stamp, the client, requirements, the
client's preferred and blocked workers, then the busy shifts near the slot, leave, and hours
that week. The set arithmetic of cut.py leaves only time and place to check worker by worker;
the reasons are worded (checks.py) only for workers who are left out.
"""

from collections.abc import Collection

from sqlalchemy.orm import Session

from . import checks, context
from .checks import Busy, Explainer, Rules
from .cut import Cut, cut, met
from .distance import beyond, tenths_km
from .model import LeftOut, Match, Provider, ShiftToFill
from .slot import Slot, slot_of
from .workforce import WorkerFacts

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
    rostered = context.rostered_by_worker([slot.week], named, ignore, slot.minutes, session=session)
    providers = _ranked(rules, slot, first, _may_do(rules, slot, passing, busy, leave, rostered))
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


def _ranked(rules: Rules, slot: Slot, first: Cut, found: list[tuple[WorkerFacts, int]]) -> list[Provider]:
    """The providers in rank order: the sort key is made once per worker, from plain values."""
    total, preferred = rules.requirements.desirable_total, rules.preferred
    keyed = []
    for worker, tenths in found:
        met_weight = met(first, worker.id) if total else 0
        key = (-met_weight, worker.id not in preferred, tenths, -worker.rating, worker.name, worker.id)
        keyed.append((key, worker, tenths, met_weight))
    keyed.sort(key=_first)
    return [
        provider(worker, slot, rules, tenths, met_weight, total) for _, worker, tenths, met_weight in keyed
    ]


def _first(item: tuple) -> tuple:
    return item[0]


def _may_do(
    rules: Rules,
    slot: Slot,
    passing: frozenset[int],
    busy: dict[int, list[Busy]],
    leave: dict[int, list],
    rostered: dict[tuple[int, int], int],
) -> list[tuple[WorkerFacts, int]]:
    """Of the workers past the first cut: free, with hours left and near enough; with the distance."""
    workers, found = rules.force.workers, []
    radius, place, minutes = rules.radius_km + 0.06, slot.place, slot.minutes
    for worker_id in passing:
        worker = workers[worker_id]
        if worker_id in leave or rostered.get((worker_id, 0), 0) + minutes > worker.max_minutes:
            continue
        shifts = busy.get(worker_id)
        if shifts:
            tenths = _fits_between_shifts(worker, slot, rules, shifts)
        elif beyond(worker.home, place, radius):  # the cut keeps only workers with a home on the map
            continue
        else:
            tenths = tenths_km(worker.home, place)
        if tenths is not None and tenths <= rules.radius_km * 10:
            found.append((worker, tenths))
    return found


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
    if checks.travel_reasons(previous, following, slot, rules):
        return None
    start = checks.origin(worker, previous, slot)
    assert start is not None  # the cut keeps only workers with a home on the map
    if beyond(start, slot.place, rules.radius_km + 0.06):
        return None  # certainly beyond the radius, whatever the rounding
    tenths = tenths_km(start, slot.place)
    return tenths if tenths <= rules.radius_km * 10 else None


def provider(worker: WorkerFacts, slot: Slot, rules: Rules, tenths: int, weight: int, total: int) -> Provider:
    # Positional, in the contract's field order: thousands are made per search.
    return Provider(
        worker.id,
        worker.name,
        worker.photo_media_id,
        worker.charge_rate_cents,
        worker.gender,
        checks.age_on(worker.born, slot.day),
        worker.held,
        worker.rating,
        worker.medal,
        worker.medal_colour,
        worker.review_count,
        tenths / 10,
        weight,
        total,
        worker.id in rules.preferred,
    )


def rank(p: Provider) -> tuple:
    """Weighted desirables met, the client's preferred first, nearer, better rated; then by name.
    NOTE: _ranked sorts by the same key, made from the worker's facts."""
    return (-p.desirables_met, not p.preferred, p.distance_km, -p.rating, p.name, p.worker_id)
