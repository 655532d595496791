"""The rolling horizon (the series_shifts job), on SQLite and PostgreSQL: permanent bookings get
their next visits at the same local time; an allocated series keeps its worker when they are free,
else the visit waits for the roster department, who are told."""

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import update

from domain import clock
from domain.agency import settings as agency
from domain.booking import answers, requests, series
from domain.vocabulary import BookingStatus, Recurrence, ShiftStatus
from jobs import registry
from storage import db
from storage.models import Booking, Leave
from tests.support.personas import Personas

from .support import bookable_worker, offer_of, outbox, shifts_of, wanted, worker_actor


def only_live(booking_id: int) -> None:
    """End the demo agency's own series: extending them too would only slow the test down."""
    with db.write() as session:
        session.execute(update(Booking).where(Booking.id != booking_id).values(status=BookingStatus.ENDED))


def test_the_job_is_registered(personas: Personas) -> None:
    from jobs import builtin

    builtin.install(holder="test", dispatch_every=timedelta(seconds=30))
    assert "series_shifts" in {job.name for job in registry.registered()}


def test_a_series_gets_its_next_visits_as_the_horizon_moves_and_running_again_adds_none(
    personas: Personas,
) -> None:
    booked = requests.let_agency_choose(
        personas.client, wanted(personas.client.client_id, recurrence=Recurrence.WEEKLY, start=time(14, 0))
    )
    series.extend_series(clock.now())
    assert len(shifts_of(booked.booking_id)) == booked.shift_count
    clock.advance(timedelta(weeks=3))
    assert series.extend_series(clock.now()) >= 3
    assert series.extend_series(clock.now()) == 0
    made = shifts_of(booked.booking_id)
    assert len(made) == booked.shift_count + 3
    assert {s.starts_at.astimezone(agency.current().zone).time() for s in made} == {time(14, 0)}
    assert len({s.occurrence_date for s in made}) == len(made)
    assert {s.status for s in made[-3:]} == {ShiftStatus.UNALLOCATED}


def test_a_series_with_an_end_date_stops_there(personas: Personas) -> None:
    first = wanted(personas.client.client_id, recurrence=Recurrence.FORTNIGHTLY)
    ends = first.first_date + timedelta(weeks=10)
    booked = requests.let_agency_choose(
        personas.client,
        wanted(personas.client.client_id, recurrence=Recurrence.FORTNIGHTLY, ends_on=ends),
    )
    only_live(booked.booking_id)
    clock.advance(timedelta(weeks=3))  # the horizon now reaches past the end date
    series.extend_series(clock.now())
    assert shifts_of(booked.booking_id)[-1].occurrence_date == ends


def test_an_allocated_series_keeps_its_worker_when_free_and_tells_the_roster_when_not(
    personas: Personas,
) -> None:
    request = wanted(personas.client.client_id, recurrence=Recurrence.WEEKLY)
    worker_id = bookable_worker(personas.client, request)
    booked = requests.nominate(personas.client, request, worker_id)
    answers.accept(worker_actor(worker_id), offer_of(booked.booking_id).id)
    last = shifts_of(booked.booking_id)[-1]
    on_leave_from = last.starts_at + timedelta(days=13)  # the second new visit falls in it
    with db.write() as session:
        session.add(
            Leave(worker_id=worker_id, starts_at=on_leave_from, ends_at=on_leave_from + timedelta(days=2))
        )
    only_live(booked.booking_id)
    clock.advance(timedelta(weeks=3))
    assert series.extend_series(clock.now()) == 3
    assert len(shifts_of(booked.booking_id)) == booked.shift_count + 3
    new = shifts_of(booked.booking_id)[-3:]
    assert [(s.status, s.worker_id) for s in new] == [
        (ShiftStatus.ALLOCATED, worker_id),
        (ShiftStatus.UNALLOCATED, None),
        (ShiftStatus.ALLOCATED, worker_id),
    ]
    assert any(booked.number in email.subject for email in outbox("series_unallocated_roster"))


def test_the_job_leaves_once_only_bookings_alone(personas: Personas) -> None:
    once = requests.let_agency_choose(personas.client, wanted(personas.client.client_id))
    only_live(once.booking_id)
    clock.advance(timedelta(weeks=4))
    assert series.extend_series(clock.now()) == 0
    assert len(shifts_of(once.booking_id)) == 1


def test_visits_the_job_adds_after_the_april_change_keep_the_local_start(personas: Personas) -> None:
    clock.freeze(datetime(2027, 2, 1, tzinfo=UTC))  # the horizon reaches 29 March
    booked = requests.let_agency_choose(
        personas.client,
        wanted(
            personas.client.client_id,
            first_date=date(2027, 3, 3),
            start=time(9, 0),
            recurrence=Recurrence.WEEKLY,
        ),
    )
    assert shifts_of(booked.booking_id)[-1].occurrence_date < date(2027, 4, 4)
    only_live(booked.booking_id)
    clock.freeze(datetime(2027, 3, 15, tzinfo=UTC))
    series.extend_series(clock.now())
    made = shifts_of(booked.booking_id)
    assert made[-1].occurrence_date > date(2027, 4, 4)
    assert {s.starts_at.astimezone(agency.current().zone).time() for s in made} == {time(9, 0)}
    assert {s.starts_at.hour for s in made} == {22, 23}  # UTC moved by the hour, the client's clock did not
