""" "Allocate" for a repeating booking gives the worker every waiting visit of the series in one
step, through allocation's own checks; the visits the worker cannot do are listed, with the reason,
and stay unallocated (SQLite and PostgreSQL)."""

from datetime import date, time

import pytest

from domain.booking import allocation, requests
from domain.errors import NotAllowed
from domain.vocabulary import Recurrence, ShiftStatus
from tests.support.personas import Personas

from .support import outbox, shifts_of, wanted
from .test_allocation import first_candidate, unallocated_visit

WEDNESDAYS = [date(2026, 12, 2), date(2026, 12, 9), date(2026, 12, 16), date(2026, 12, 23)]


def weekly_series(personas: Personas) -> int:
    booked = requests.let_agency_choose(
        personas.roster,
        wanted(personas.client.client_id, recurrence=Recurrence.WEEKLY, ends_on=WEDNESDAYS[-1]),
    )
    return booked.booking_id


def test_the_whole_series_is_allocated_but_the_visit_the_worker_cannot_do(personas: Personas) -> None:
    booking_id = weekly_series(personas)
    visits = sorted(shifts_of(booking_id), key=lambda s: s.starts_at)
    assert len(visits) == len(WEDNESDAYS)
    worker_id = first_candidate(personas, visits[0].id)
    # The worker is busy at the third visit's time with another client.
    other = requests.let_agency_choose(
        personas.roster,
        wanted(personas.other_client.client_id, first_date=WEDNESDAYS[2], start=time(10, 0)),
    )
    [busy] = shifts_of(other.booking_id)
    allocation.allocate(personas.roster, busy.id, worker_id)
    assert allocation.series_waiting(personas.roster, visits[0].id) == 4

    done = allocation.allocate_series(personas.roster, visits[0].id, worker_id)

    assert [d.date() for d in done.allocated] == [WEDNESDAYS[0], WEDNESDAYS[1], WEDNESDAYS[3]]
    [(when, why)] = done.left
    assert when.date() == WEDNESDAYS[2]
    assert why == "they have another visit at that time"
    after = {s.starts_at.date(): (s.status, s.worker_id) for s in shifts_of(booking_id)}
    assert [after[s.starts_at.date()] for s in visits] == [
        (ShiftStatus.ALLOCATED, worker_id),
        (ShiftStatus.ALLOCATED, worker_id),
        (ShiftStatus.UNALLOCATED, None),
        (ShiftStatus.ALLOCATED, worker_id),
    ]
    # One letter about the series to Margaret (and one for the other client's visit allocated above).
    to_margaret = [m for m in outbox("shift_allocated_client") if m.to_address == "margaret@example.com"]
    assert len(to_margaret) == 1
    assert allocation.series_waiting(personas.roster, visits[2].id) == 1


def test_a_one_off_visit_is_a_series_of_one(personas: Personas) -> None:
    shift_id = unallocated_visit(personas)
    assert allocation.series_waiting(personas.roster, shift_id) == 1
    worker_id = first_candidate(personas, shift_id)
    done = allocation.allocate_series(personas.roster, shift_id, worker_id)
    assert (len(done.allocated), done.left) == (1, ())


def test_only_roster_staff_allocate_a_series(personas: Personas) -> None:
    booking_id = weekly_series(personas)
    first = min(shifts_of(booking_id), key=lambda s: s.starts_at)
    for outsider in (personas.client, personas.worker, personas.case_manager):
        with pytest.raises(NotAllowed):
            allocation.allocate_series(outsider, first.id, personas.worker.worker_id or 0)
    assert all(s.status == ShiftStatus.UNALLOCATED for s in shifts_of(booking_id))
