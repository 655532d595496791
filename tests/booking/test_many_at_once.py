"""Twenty workers accepting their offers at the same moment, through a pool of two connections: each
answer holds one connection at a time, so they take turns and every one succeeds. Once the agency's
settings were read on a second connection inside the answer's transaction: with the pool full of
answers each waiting for a second connection, requests hung 30 s and ended in errors."""

import threading
from datetime import date, timedelta

import pytest

from domain.booking import answers, requests
from storage import db
from tests.support.personas import Personas

from .support import bookable_worker, offer_of, wanted, worker_actor

RACERS = 20
PATIENCE = 120.0


@pytest.mark.parametrize("backend", ["postgresql"])
def test_twenty_workers_accept_at_once_through_two_connections(personas: Personas, demo_db: str) -> None:
    offers = []
    for n in range(RACERS):
        request = wanted(personas.client.client_id, first_date=date(2026, 12, 2) + timedelta(days=n))
        worker_id = bookable_worker(personas.client, request, skip=n)
        booked = requests.nominate(personas.client, request, worker_id)
        offers.append((worker_actor(worker_id), offer_of(booked.booking_id).id))
    db.configure(demo_db, db.Pool(size=2, overflow=0, timeout_seconds=PATIENCE))
    start, failures = threading.Barrier(RACERS), []

    def answer(worker: object, offer_id: int) -> None:
        start.wait()
        try:
            answers.accept(worker, offer_id)  # type: ignore[arg-type]
        except Exception as error:  # the test reports whatever went wrong
            failures.append(error)

    racers = [threading.Thread(target=answer, args=offer) for offer in offers]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(PATIENCE)
    assert not any(racer.is_alive() for racer in racers)
    assert failures == []
