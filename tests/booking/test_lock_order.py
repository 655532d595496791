"""A worker accepting an offer while the client cancels one of its visits, at the same moment: both
lock the booking first, so one waits for the other and both finish — no deadlock, no server
error. Once PostgreSQL killed one side of this race (accept locked the offer then the shift,
cancel the shift then the offer). Made deterministic: the accept stops right after its first lock,
the cancel runs until it waits (or finishes), then the accept goes on."""

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import create_engine, event, text

from domain.booking import answers, requests
from domain.cancellation import cancel
from domain.cancellation.cancel import Scope
from domain.vocabulary import BookingStatus, CancelReason, OfferStatus, ShiftStatus
from storage import db
from tests.support.personas import Personas

from .support import bookable_worker, booking, offer_of, shifts_of, wanted, worker_actor

PATIENCE = 60.0


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        threading.Event().wait(0.02)


@contextmanager
def pause_after_first_lock(thread_name: str) -> Iterator[tuple[threading.Event, threading.Event]]:
    """The named thread stops right after its first SELECT ... FOR UPDATE until `go` is set."""
    locked, go = threading.Event(), threading.Event()

    def after(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        mine = threading.current_thread().name == thread_name
        if mine and "FOR UPDATE" in statement and not locked.is_set():
            locked.set()
            assert go.wait(PATIENCE)

    event.listen(db.engine(), "after_cursor_execute", after)
    try:
        yield locked, go
    finally:
        event.remove(db.engine(), "after_cursor_execute", after)


def waiting_on_a_lock(url: str) -> Callable[[], bool]:
    watcher = create_engine(url)

    def check() -> bool:
        with watcher.connect() as connection:
            return bool(
                connection.scalar(
                    text(
                        "SELECT count(*) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                    )
                )
            )

    return check


@pytest.mark.parametrize("backend", ["postgresql"])
def test_an_offer_accepted_while_its_visit_is_cancelled_ends_without_a_deadlock(
    personas: Personas, demo_db: str
) -> None:
    request = wanted(personas.client.client_id)
    worker_id = bookable_worker(personas.client, request)
    booked = requests.nominate(personas.client, request, worker_id)
    [visit] = shifts_of(booked.booking_id)
    offer_id = offer_of(booked.booking_id).id
    fee = cancel.preview(personas.client, visit.id).fee_cents
    failures: list[BaseException] = []

    def run(use_case: Callable[[], object]) -> Callable[[], None]:
        def attempt() -> None:
            try:
                use_case()
            except BaseException as error:  # the test reports whatever went wrong
                failures.append(error)

        return attempt

    accepting = threading.Thread(
        target=run(lambda: answers.accept(worker_actor(worker_id), offer_id)), name="accepting"
    )
    cancelling = threading.Thread(
        target=run(
            lambda: cancel.cancel(personas.client, visit.id, Scope.ONLY_THIS, CancelReason.HEALTH, fee)
        ),
        name="cancelling",
    )
    with pause_after_first_lock("accepting") as (locked, go):
        accepting.start()
        assert locked.wait(PATIENCE)
        cancelling.start()
        blocked = waiting_on_a_lock(demo_db)
        wait_for(lambda: blocked() or not cancelling.is_alive(), "the cancellation waiting or done")
        go.set()
        accepting.join(PATIENCE)
        cancelling.join(PATIENCE)
    assert failures == []
    [after] = shifts_of(booked.booking_id)
    assert after.status == ShiftStatus.CANCELLED
    assert offer_of(booked.booking_id).status == OfferStatus.ACCEPTED
    assert booking(booked.booking_id).status == BookingStatus.CANCELLED
