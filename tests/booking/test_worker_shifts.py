"""The worker app's own lists (domain.booking.worker_shifts), on SQLite and PostgreSQL: a worker
sees their own offers and shifts only, and only workers use them."""

from datetime import timedelta

import pytest

from domain import clock
from domain.booking import answers, requests, worker_shifts
from domain.errors import DomainError, InvalidInput, NotAllowed
from domain.vocabulary import Recurrence, ShiftStatus
from tests.support.personas import Personas

from .support import bookable_worker, offer_of, shifts_of, wanted, worker_actor


def test_a_worker_sees_their_pending_offer_with_every_held_visit_and_nobody_else_does(
    personas: Personas,
) -> None:
    request = wanted(personas.client.client_id, recurrence=Recurrence.FORTNIGHTLY, notes="Key under the mat")
    worker_id = bookable_worker(personas.client, request)
    booked = requests.nominate(personas.client, request, worker_id)
    [offer] = worker_shifts.pending_offers(worker_actor(worker_id))
    assert offer.id == offer_of(booked.booking_id).id
    assert offer.client_first_name == "Margaret"
    assert (offer.notes, offer.recurrence) == ("Key under the mat", Recurrence.FORTNIGHTLY)
    assert [v.starts_at for v in offer.occurrences] == [s.starts_at for s in shifts_of(booked.booking_id)]
    other = next(p for p in (personas.worker, personas.other_worker) if p.worker_id != worker_id)
    assert all(o.id != offer.id for o in worker_shifts.pending_offers(other))
    clock.freeze(offer.expires_at)
    assert worker_shifts.pending_offers(worker_actor(worker_id)) == ()


def test_an_accepted_offer_shows_among_the_workers_upcoming_shifts(personas: Personas) -> None:
    request = wanted(personas.client.client_id)
    worker_id = bookable_worker(personas.client, request)
    booked = requests.nominate(personas.client, request, worker_id)
    worker = worker_actor(worker_id)
    answers.accept(worker, offer_of(booked.booking_id).id)
    [shift] = shifts_of(booked.booking_id)
    shown = {s.id: s for s in worker_shifts.upcoming(worker, days=14)}
    assert shown[shift.id].status == ShiftStatus.ALLOCATED
    assert shown[shift.id].booking_number == booked.number
    assert not shown[shift.id].can_complete
    assert shift.id not in {s.id for s in worker_shifts.upcoming(worker, days=1)}


def test_only_support_workers_use_the_worker_lists(personas: Personas) -> None:
    for outsider in (personas.client, personas.roster, personas.admin):
        with pytest.raises(NotAllowed):
            worker_shifts.pending_offers(outsider)
        with pytest.raises(NotAllowed):
            worker_shifts.upcoming(outsider)
    with pytest.raises(InvalidInput):
        worker_shifts.upcoming(personas.worker, days=91)


def test_a_completed_shift_cannot_be_completed_twice(personas: Personas) -> None:
    upcoming = worker_shifts.upcoming(personas.worker)
    coming = next(s for s in upcoming if s.status == ShiftStatus.ALLOCATED)
    clock.freeze(coming.starts_at + timedelta(minutes=1))
    worker_shifts.mark_completed(personas.worker, coming.id)
    with pytest.raises(DomainError, match="already marked completed"):
        worker_shifts.mark_completed(personas.worker, coming.id)
