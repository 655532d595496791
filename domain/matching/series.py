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
from .checks import Rules
from .cut import cut
from .model import LeftOut, SeriesMatch, SeriesProvider, ShiftToFill
from .search import provider, rank
from .slot import Slot, slot_of
from .workforce import WorkerFacts


def find_providers_for_series(shifts: Sequence[ShiftToFill], *, session: Session) -> SeriesMatch:
    _check_one_booking(shifts)
    rules, home = context.rules_for(shifts[0], session=session)
    slots = [slot_of(shift, context.place_of(shift, home), rules.zone) for shift in shifts]
    listed: list[SeriesProvider] = []
    left_out: list[LeftOut] = []
    qualified: list[WorkerFacts] = []
    for worker in rules.force.workers.values():
        reasons = dict.fromkeys(r for slot in slots for r in checks.requirement_reasons(worker, slot, rules))
        if reasons:
            left_out.append(LeftOut(worker.id, worker.name, tuple(reasons)))
        else:
            qualified.append(worker)
    first_cut = cut(rules, slots[0])
    for worker, cannot, tenths in _occurrences(qualified, slots, rules, session):
        if len(cannot) == len(slots):
            left_out.append(LeftOut(worker.id, worker.name, tuple(wording.on_date(d, r) for d, r in cannot)))
        else:
            listed.append(
                SeriesProvider(
                    provider(worker, slots[0], rules, first_cut, tenths, rules.requirements.desirable_total),
                    cannot,
                )
            )
    listed.sort(key=lambda p: rank(p.provider))
    left_out.sort(key=lambda out: (out.name, out.worker_id))
    return SeriesMatch(tuple(listed), tuple(left_out))


def _occurrences(
    workers: list[WorkerFacts], slots: list[Slot], rules: Rules, session: Session
) -> list[tuple[WorkerFacts, tuple[tuple[date, tuple[str, ...]], ...], int]]:
    """Per worker: the occurrences they cannot do, with reasons, and the first one's distance."""
    ids = [w.id for w in workers]
    ignore = frozenset().union(*(slot.shift.ignore_shift_ids for slot in slots))
    weeks = list(dict.fromkeys(slot.week for slot in slots))
    busy = context.busy_by_worker([slot.nearby() for slot in slots], ids, ignore, session=session)
    leave = context.leave_by_worker([(s.starts_at, s.ends_at) for s in slots], ids, session=session)
    longest = max(slot.minutes for slot in slots)
    rostered = context.rostered_by_worker(weeks, ids, ignore, longest, session=session)
    found = []
    for worker in workers:
        cannot, first = [], None
        for slot in slots:
            away = any(a < slot.ends_at and b > slot.starts_at for a, b in leave.get(worker.id, ()))
            minutes = rostered.get((worker.id, weeks.index(slot.week)), 0)
            reasons, tenths = checks.time_and_place_reasons(
                worker, slot, rules, busy.get(worker.id, ()), away, minutes
            )
            first = tenths if first is None else first
            if reasons:
                cannot.append((slot.day, tuple(reasons)))
        assert first is not None  # qualified workers have a home on the map
        found.append((worker, tuple(cannot), first))
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
