"""Find provider for a permanent booking: every occurrence in the horizon is checked.

A worker is listed when they meet the requirements on every occurrence's date (a competency
that expires half-way through the series leaves them out) and can do at least one occurrence;
`cannot_do` names the occurrences they cannot do and why. The statements are the single
search's, each once for the whole series.
"""

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from ..errors import DomainError
from . import checks, context, wording
from .checks import Explainer, Rules
from .cut import Cut, cut, met
from .distance import tenths_km
from .model import LeftOut, SeriesMatch, SeriesProvider, ShiftToFill
from .search import FEW, provider, rank
from .slot import Slot, slot_of
from .workforce import WorkerFacts


def find_providers_for_series(shifts: Sequence[ShiftToFill], *, session: Session) -> SeriesMatch:
    _check_one_booking(shifts)
    rules, home = context.rules_for(shifts[0], session=session)
    slots = [slot_of(shift, context.place_of(shift, home), rules.zone) for shift in shifts]
    listed: list[SeriesProvider] = []
    left_out: list[LeftOut] = []
    qualified: list[WorkerFacts] = []
    cuts = [cut(rules, slot) for slot in slots]
    meeting = frozenset.intersection(*(c.meeting for c in cuts)) - rules.blocked
    for worker in rules.force.workers.values():
        if worker.id in meeting and worker.home is not None:
            qualified.append(worker)
            continue
        reasons = dict.fromkeys(r for slot in slots for r in checks.requirement_reasons(worker, slot, rules))
        left_out.append(LeftOut(worker.id, worker.name, tuple(reasons)))
    first_cut = cuts[0]
    for worker, cannot, tenths in _occurrences(qualified, slots, cuts, rules, session):
        if len(cannot) == len(slots):
            left_out.append(LeftOut(worker.id, worker.name, tuple(wording.on_date(d, r) for d, r in cannot)))
        else:
            listed.append(
                SeriesProvider(
                    provider(
                        worker,
                        slots[0],
                        rules,
                        tenths,
                        met(first_cut, worker.id),
                        rules.requirements.desirable_total,
                    ),
                    cannot,
                )
            )
    listed.sort(key=lambda p: rank(p.provider))
    left_out.sort(key=lambda out: (out.name, out.worker_id))
    return SeriesMatch(tuple(listed), tuple(left_out))


def _occurrences(
    workers: list[WorkerFacts], slots: list[Slot], cuts: list[Cut], rules: Rules, session: Session
) -> list[tuple[WorkerFacts, tuple[tuple[date, tuple[str, ...]], ...], int]]:
    """Per worker who meets the requirements: the occurrences they cannot do, with reasons, and
    the first occurrence's distance."""
    ids = {w.id for w in workers}
    named = sorted(ids) if len(ids) <= FEW else None
    ignore = frozenset().union(*(slot.shift.ignore_shift_ids for slot in slots))
    weeks = list(dict.fromkeys(slot.week for slot in slots))
    busy = context.busy_by_worker([slot.nearby() for slot in slots], named, ignore, keep=ids, session=session)
    leave = context.leave_by_worker([(s.starts_at, s.ends_at) for s in slots], named, session=session)
    longest = max(slot.minutes for slot in slots)
    rostered = context.rostered_by_worker(weeks, named, ignore, longest, session=session)
    explainers = [Explainer(slot, rules, c.meeting, c.covered) for slot, c in zip(slots, cuts, strict=True)]
    found = []
    for worker in workers:
        shifts, cannot = busy.get(worker.id, []), []
        for slot, explainer in zip(slots, explainers, strict=True):
            away = any(a < slot.ends_at and b > slot.starts_at for a, b in leave.get(worker.id, ()))
            minutes = rostered.get((worker.id, weeks.index(slot.week)), 0)
            reasons = explainer.reasons(worker, shifts, away, minutes)
            if reasons:
                cannot.append((slot.day, reasons))
        start = checks.origin(worker, checks.neighbours(shifts, slots[0])[0], slots[0])
        assert start is not None  # qualified workers have a home on the map
        found.append((worker, tuple(cannot), tenths_km(start, slots[0].place)))
    return found


def _check_one_booking(shifts: Sequence[ShiftToFill]) -> None:
    if not shifts:
        raise DomainError("A series needs at least one visit.")
    first = shifts[0]
    if any(
        (s.client_id, s.service_id, s.program_id, s.wishes, s.booking_id)
        != (first.client_id, first.service_id, first.program_id, first.wishes, first.booking_id)
        for s in shifts
    ):
        raise DomainError("Every visit of a series is for the same client, service, program and preferences.")
