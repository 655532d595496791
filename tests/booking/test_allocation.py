"""The roster department allocates unallocated visits, on SQLite and PostgreSQL, and a worker is
never given two overlapping shifts however requests race: on PostgreSQL the exclusion constraint
refuses the losers, on SQLite the check and the write share one BEGIN IMMEDIATE transaction."""

import threading
from collections.abc import Callable
from datetime import time

import pytest
from sqlalchemy import func, select

from domain.booking import allocation, requests
from domain.booking.allocation import SlotTaken
from domain.errors import DomainError, NotAllowed
from domain.vocabulary import BUSY_SHIFT_STATUSES, BookingStatus, ShiftStatus
from storage import db
from storage.models import Booking, Shift
from tests.support.personas import Personas

from .support import booking, counts, outbox, shifts_of, wanted, worker_actor

RACERS = 20


def unallocated_visit(personas: Personas, start: time = time(10, 0), client_id: int | None = None) -> int:
    booked = requests.let_agency_choose(
        personas.roster, wanted(client_id or personas.client.client_id, start=start)
    )
    [shift] = shifts_of(booked.booking_id)
    return shift.id


def first_candidate(personas: Personas, shift_id: int) -> int:
    found = allocation.candidates(personas.roster, shift_id)
    with_account = [p.worker_id for p in found.providers if _has_account(p.worker_id)]
    assert with_account
    return with_account[0]


def _has_account(worker_id: int) -> bool:
    try:
        worker_actor(worker_id)
    except AssertionError:
        return False
    return True


def test_staff_see_the_ranked_candidates_with_the_reasons_for_the_others(personas: Personas) -> None:
    found = allocation.candidates(personas.roster, unallocated_visit(personas))
    assert found.providers
    assert found.left_out
    assert all(out.reasons for out in found.left_out)


def test_only_roster_staff_and_administrators_allocate(personas: Personas) -> None:
    shift_id = unallocated_visit(personas)
    worker_id = first_candidate(personas, shift_id)
    before = counts()
    for outsider in (personas.client, personas.carer, personas.worker, personas.case_manager):
        with pytest.raises(NotAllowed):
            allocation.candidates(outsider, shift_id)
        with pytest.raises(NotAllowed):
            allocation.allocate(outsider, shift_id, worker_id)
    assert counts() == before


def test_allocating_gives_the_visit_to_the_worker_and_tells_client_and_worker(personas: Personas) -> None:
    shift_id = unallocated_visit(personas)
    worker_id = first_candidate(personas, shift_id)
    allocation.allocate(personas.roster, shift_id, worker_id)
    [shift] = [s for s in shifts_of(_booking_of(shift_id)) if s.id == shift_id]
    assert (shift.status, shift.worker_id) == (ShiftStatus.ALLOCATED, worker_id)
    assert booking(_booking_of(shift_id)).status == BookingStatus.ALLOCATED
    [email] = outbox("shift_allocated_client")
    assert email.to_address == "margaret@example.com"
    [app] = outbox("shift_allocated_worker")
    assert app.to_account_id == worker_actor(worker_id).account_id


def test_a_visit_that_has_a_worker_cannot_be_allocated_again(personas: Personas) -> None:
    shift_id = unallocated_visit(personas)
    worker_id = first_candidate(personas, shift_id)
    allocation.allocate(personas.roster, shift_id, worker_id)
    before = counts()
    with pytest.raises(DomainError, match="no longer waiting"):
        allocation.allocate(personas.roster, shift_id, worker_id)
    assert counts() == before


def test_a_worker_holding_an_offer_cannot_be_allocated_an_overlapping_visit(personas: Personas) -> None:
    shift_id = unallocated_visit(personas, time(10, 0))
    worker_id = first_candidate(personas, shift_id)
    requests.nominate(personas.roster, wanted(personas.client.client_id, start=time(10, 0)), worker_id)
    before = counts()
    with pytest.raises(SlotTaken):
        allocation.allocate(personas.roster, shift_id, worker_id)
    assert counts() == before


def test_twenty_racing_allocations_of_overlapping_visits_give_the_worker_exactly_one(
    personas: Personas,
) -> None:
    visits = [unallocated_visit(personas, time(9, 0 + minute)) for minute in range(0, RACERS * 2, 2)]
    worker_id = first_candidate(personas, visits[0])
    start = threading.Barrier(RACERS)
    outcomes: list[str] = []

    def race(shift_id: int) -> None:
        start.wait()
        try:
            allocation.allocate(personas.roster, shift_id, worker_id)
            outcomes.append("won")
        except SlotTaken as refused:
            outcomes.append(refused.message)

    threads = [threading.Thread(target=race, args=(shift_id,)) for shift_id in visits]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("won") == 1
    assert outcomes.count(SlotTaken().message) == RACERS - 1
    with db.read() as session:
        held = session.scalars(
            select(Shift).where(
                Shift.worker_id == worker_id, Shift.status.in_(BUSY_SHIFT_STATUSES), Shift.id.in_(visits)
            )
        ).all()
        unallocated = session.scalar(
            select(func.count()).where(Shift.id.in_(visits), Shift.status == ShiftStatus.UNALLOCATED)
        )
    assert len(held) == 1
    assert unallocated == RACERS - 1
    assert len(outbox("shift_allocated_client")) == 1  # the losers wrote nothing, messages included


def _booking_of(shift_id: int) -> int:
    with db.read() as session:
        found = session.scalar(select(Shift.booking_id).where(Shift.id == shift_id))
    assert found is not None
    return found


def test_racing_nominations_and_allocations_for_the_same_worker_leave_exactly_one_busy_shift(
    personas: Personas,
) -> None:
    """Half the racers nominate the worker for a new overlapping booking (which holds the slot),
    half allocate an overlapping unallocated visit to them: one wins, whichever it is."""
    visits = [unallocated_visit(personas, time(11, minute)) for minute in range(0, RACERS, 2)]
    worker_id = first_candidate(personas, visits[0])
    requests_ = [wanted(personas.client.client_id, start=time(11, minute)) for minute in range(1, RACERS, 2)]
    bookings_before = _bookings()
    start = threading.Barrier(RACERS)
    outcomes: list[str] = []

    def attempt(action: Callable[[], object]) -> None:
        start.wait()
        try:
            action()
            outcomes.append("won")
        except SlotTaken:
            outcomes.append("taken")

    actions = [lambda s=s: allocation.allocate(personas.roster, s, worker_id) for s in visits] + [
        lambda r=r: requests.nominate(personas.roster, r, worker_id) for r in requests_
    ]
    threads = [threading.Thread(target=attempt, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["taken"] * (RACERS - 1) + ["won"]
    with db.read() as session:
        busy = session.scalar(
            select(func.count()).where(
                Shift.worker_id == worker_id,
                Shift.status.in_(BUSY_SHIFT_STATUSES),
                Shift.client_id == personas.client.client_id,
                Shift.id.not_in(_earlier_shift_ids(visits)),
            )
        )
    assert busy == 1
    assert _bookings() - bookings_before <= 1  # a losing nomination wrote no booking


def _bookings() -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Booking)) or 0


def _earlier_shift_ids(visits: list[int]) -> list[int]:
    """Shifts that existed before the race, other than the racing visits themselves."""
    with db.read() as session:
        return list(session.scalars(select(Shift.id).where(Shift.id < min(visits))))
