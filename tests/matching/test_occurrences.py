"""A series' workers checked all at once, with their commitments nearby (domain.matching.occurrences),
get the answer the per-worker checks give: a worker can do an occurrence exactly when the
Explainer finds no reason against it."""

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from domain.matching import occurrences
from domain.matching.checks import Busy, Explainer
from domain.matching.cut import cut
from domain.matching.series import _by_occurrence
from domain.matching.slot import Slot
from tests.matching.builders import at
from tests.matching.in_memory import CLIENT_HOME, busy_for, km_north, rules, shift_for, worker

MONDAY = date(2027, 3, 29)  # the week before Sydney's clocks go back: the series crosses the change
places = st.one_of(st.just(CLIENT_HOME), st.just(None), st.integers(0, 60).map(lambda km: km_north(km / 2)))
a_busy = st.tuples(
    st.integers(0, 3),  # near which occurrence
    # ending just before the occurrence starts, or by the midnight before it; starting just after
    # it ends; or anywhere around it (minutes from its start)
    st.sampled_from(("before", "midnight", "after", "around")),
    st.integers(0, 36 * 60).map(lambda m: m - m % 5),
    st.integers(5, 14 * 60),  # its length in minutes
    places,
)
a_worker = st.fixed_dictionaries(
    {
        "home_km": st.integers(0, 60).map(lambda km: km / 2),
        "windows": st.sampled_from(
            (
                tuple((day, 0, 1440) for day in range(7)),
                ((0, 480, 1020), (2, 480, 1020)),  # Monday and Wednesday, 8 to 5
                ((0, 0, 600),),
            )
        ),
        "max_hours": st.sampled_from((2, 6, 38)),
        "busy": st.lists(a_busy, max_size=6),
        "leave": st.one_of(st.none(), st.integers(0, 3)),
        "rostered": st.one_of(st.none(), st.tuples(st.integers(0, 3), st.integers(0, 38 * 60))),
    }
)


def series(starts: str, minutes: int, weeks: int, elsewhere: bool) -> list[Slot]:
    slots = []
    for n in range(weeks):
        begin = at(MONDAY + timedelta(weeks=n), starts)
        slot = shift_for(begin, begin + timedelta(minutes=minutes))
        slots.append(slot if not (elsewhere and n % 2) else _moved(slot))
    return slots


def _moved(slot: Slot) -> Slot:
    return replace(slot, place=km_north(8))


def placed(slot: Slot, anchor: str, offset: int, length: int) -> datetime:
    """When a busy shift of `length` minutes starts, placed by `anchor` around the slot."""
    gap, span = timedelta(minutes=offset % 180), timedelta(minutes=length)
    if anchor == "before":
        return slot.starts_at - gap - span
    if anchor == "midnight":
        return slot.day_start - timedelta(minutes=offset % 2 * 5) - span  # at midnight, or just before
    if anchor == "after":
        return slot.ends_at + gap
    return slot.starts_at + timedelta(minutes=offset - 18 * 60)


@settings(max_examples=300, deadline=None)
@given(
    workers=st.lists(a_worker, min_size=1, max_size=6),
    starts=st.sampled_from(("00:00", "07:30", "09:00", "16:45", "22:00")),
    minutes=st.sampled_from((30, 120, 300)),
    weeks=st.integers(1, 4),
    elsewhere=st.booleans(),
)
def test_every_occurrence_is_answered_as_the_per_worker_checks_answer_it(
    workers: list[dict[str, Any]], starts: str, minutes: int, weeks: int, elsewhere: bool
) -> None:
    slots = series(starts, minutes, weeks, elsewhere)
    facts = [
        worker(n + 1, home=km_north(w["home_km"]), windows=w["windows"], max_hours=w["max_hours"])
        for n, w in enumerate(workers)
    ]
    the_rules = rules(*facts)
    cuts = [cut(the_rules, slot) for slot in slots]
    busy: dict[int, list[Busy]] = {}
    leave: dict[int, list[tuple[datetime, datetime]]] = {}
    rostered: dict[tuple[int, int], int] = {}
    for n, w in enumerate(workers):
        worker_id = n + 1
        shifts = []
        for k, (near, anchor, offset, length, place) in enumerate(w["busy"]):
            begin = placed(slots[near % weeks], anchor, offset, length)
            shifts.append(
                busy_for(begin, begin + timedelta(minutes=length), place=place, shift_id=100 * worker_id + k)
            )
        if shifts:
            busy[worker_id] = sorted(shifts, key=lambda b: (b.starts, b.id))
        if w["leave"] is not None:
            slot = slots[w["leave"] % weeks]
            leave[worker_id] = [(slot.starts_at - timedelta(hours=1), slot.starts_at + timedelta(minutes=1))]
        if w["rostered"] is not None:
            week, done = w["rostered"]
            rostered[(worker_id, week % weeks)] = done
    nearby = _by_occurrence(busy, slots)
    week_of = list(range(weeks))
    ids = [f.id for f in facts]
    answer = occurrences.can_do(ids, slots, cuts, the_rules, nearby, leave, rostered, week_of)
    for i, fact in enumerate(facts):
        for n, slot in enumerate(slots):
            on_leave = any(a < slot.ends_at and b > slot.starts_at for a, b in leave.get(fact.id, ()))
            reasons = Explainer(slot, the_rules, cuts[n].meeting, cuts[n].covered).reasons(
                fact, nearby[n].get(fact.id, ()), on_leave, rostered.get((fact.id, week_of[n]), 0)
            )
            assert bool(answer[i, n]) == (reasons == ()), (fact.id, n, reasons)


def test_a_shift_that_ends_at_the_midnight_before_is_where_the_worker_sets_out_from() -> None:
    """checks.origin: the last shift's place counts from the day's first moment: a shift ending at
    midnight at the client's home brings a worker who lives 28 km away within the radius."""
    far = worker(1, home=km_north(28))
    near_home = worker(2, home=km_north(28))
    (slot,) = series("07:30", 120, 1, elsewhere=False)
    the_rules = rules(far, near_home)
    busy = {
        1: [busy_for(slot.day_start - timedelta(hours=2), slot.day_start, place=CLIENT_HOME)],
        2: [busy_for(slot.day_start - timedelta(hours=2, minutes=1), slot.day_start - timedelta(minutes=1))],
    }
    answer = occurrences.can_do(
        [1, 2], [slot], [cut(the_rules, slot)], the_rules, _by_occurrence(busy, [slot]), {}, {}, [0]
    )
    assert answer.tolist() == [[True], [False]]  # the second set out from home, a minute earlier
