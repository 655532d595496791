"""Calendar feeds on both databases: what a feed lists (the client's calendar, the carer's linked
client, the worker's shifts with the address), how a change reaches a phone (same UID, higher
SEQUENCE, STATUS:CANCELLED), daylight saving in Sydney, and turning an address on, anew and off."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, time, timedelta

import pytest
from alembic import command
from sqlalchemy import inspect, select, text, update

from domain import clock
from domain.accounts import rate_limits
from domain.booking import requests
from domain.cancellation import cancel
from domain.errors import NotAllowed, NotFound, TooManyAttempts
from domain.feeds import addresses
from domain.visits import views
from domain.vocabulary import CancelReason, Recurrence, ShiftStatus
from storage import db, migrate
from storage.models import Account, AuditEvent, CarerLink, Shift
from tests.booking.support import wanted
from tests.feeds.support import PUBLIC_URL, both, feed_rows
from tests.support.personas import Personas

WEEKS = 8


def _margaret(personas: Personas) -> int:
    assert personas.client.client_id is not None
    return personas.client.client_id


def _lines_for_weeks(personas: Personas, client_id: int) -> dict[int, tuple[datetime, datetime]]:
    """What the calendar page shows, week by week for eight weeks from this week's Monday."""
    today = clock.now().date()
    monday = today - timedelta(days=today.weekday())
    shown = {}
    for week in range(WEEKS):
        page = views.calendar(
            personas.client, client_id, views.CalendarView.WEEK, monday + timedelta(weeks=week)
        )
        assert not page.more
        shown.update({line.shift_id: (line.starts, line.ends) for line in page.lines})
    return shown


def _next_shift(client_id: int, status: ShiftStatus = ShiftStatus.ALLOCATED) -> Shift:
    """The client's first visit in this status starting at least three days from now."""
    with db.read() as session:
        found = session.scalar(
            select(Shift)
            .where(
                Shift.client_id == client_id,
                Shift.status == status,
                Shift.starts_at > clock.now() + timedelta(days=3),
            )
            .order_by(Shift.starts_at)
        )
    assert found is not None
    return found


def test_a_clients_feed_matches_their_calendar_for_eight_weeks(personas: Personas) -> None:
    margaret = _margaret(personas)
    token = addresses.turn_on(personas.client, margaret)
    events = both(token)
    shown = _lines_for_weeks(personas, margaret)
    assert len(shown) >= WEEKS  # Margaret has weekly visits: the comparison compares something

    monday = clock.now().date() - timedelta(days=clock.now().date().weekday())
    last = monday + timedelta(weeks=WEEKS)
    zone = next(iter(shown.values()))[0].tzinfo
    in_weeks = {
        event.shift_id: (event.start, event.end)
        for event in events.values()
        if monday <= event.start.astimezone(zone).date() < last
    }
    assert in_weeks == shown  # same visits, same instants (aware datetimes compare as instants)
    assert all(uid.endswith("@portal.example.org") for uid in events)


def test_a_cancelled_visit_is_marked_cancelled_with_a_higher_sequence(personas: Personas) -> None:
    margaret = _margaret(personas)
    token = addresses.turn_on(personas.client, margaret)
    shift = _next_shift(margaret)
    before = {e.shift_id: e for e in both(token).values()}[shift.id]
    assert before.status == "CONFIRMED"

    plan = cancel.preview(personas.client, shift.id)
    cancel.cancel(personas.client, shift.id, cancel.Scope.ONLY_THIS, CancelReason.OTHER, plan.fee_cents)

    after = {e.shift_id: e for e in both(token).values()}[shift.id]
    assert after.status == "CANCELLED"
    assert after.uid == before.uid
    assert after.sequence > before.sequence


def test_a_moved_or_reallocated_visit_keeps_its_uid_with_a_higher_sequence(personas: Personas) -> None:
    margaret = _margaret(personas)
    other_worker = personas.other_worker.worker_id
    token = addresses.turn_on(personas.client, margaret)
    shift = _next_shift(margaret)
    before = {e.shift_id: e for e in both(token).values()}[shift.id]

    # The office moves the visit an hour later (any path counts: the database keeps the version).
    with db.write() as session:
        session.execute(
            update(Shift)
            .where(Shift.id == shift.id)
            .values(
                starts_at=shift.starts_at + timedelta(hours=1), ends_at=shift.ends_at + timedelta(hours=1)
            )
        )
    moved = {e.shift_id: e for e in both(token).values()}[shift.id]
    assert moved.uid == before.uid
    assert moved.start == before.start + timedelta(hours=1)
    assert moved.sequence > before.sequence

    with db.write() as session:
        session.execute(update(Shift).where(Shift.id == shift.id).values(worker_id=other_worker))
    reallocated = {e.shift_id: e for e in both(token).values()}[shift.id]
    assert reallocated.sequence > moved.sequence
    assert reallocated.summary.endswith("with Ben")

    # A reminder being sent changes nothing a calendar shows: no new sequence.
    with db.write() as session:
        session.execute(update(Shift).where(Shift.id == shift.id).values(reminded_at=clock.now()))
    assert {e.shift_id: e for e in both(token).values()}[shift.id].sequence == reallocated.sequence


def test_a_new_address_replaces_the_old_and_turning_off_ends_it(personas: Personas) -> None:
    margaret = _margaret(personas)
    first = addresses.turn_on(personas.client, margaret)
    assert both(first)
    second = addresses.make_new(personas.client, margaret)
    assert second != first
    assert both(second)
    with pytest.raises(NotFound):
        addresses.read(first, PUBLIC_URL)
    addresses.turn_off(personas.client, margaret)
    with pytest.raises(NotFound):
        addresses.read(second, PUBLIC_URL)
    assert feed_rows() == []
    assert not addresses.state(personas.client, margaret).on
    with db.read() as session:
        audited = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity == "calendar_feed").order_by(AuditEvent.id)
        ).all()
    assert list(audited) == ["create", "regenerate", "revoke"]


def test_only_the_hash_of_the_address_is_stored(personas: Personas) -> None:
    margaret = _margaret(personas)
    token = addresses.turn_on(personas.client, margaret)
    [row] = feed_rows()
    assert token not in row.token_hash
    assert len(row.token_hash) == 64


def test_an_unknown_address_is_not_found(personas: Personas) -> None:
    with pytest.raises(NotFound):
        addresses.read("no-such-feed", PUBLIC_URL)


def test_a_carers_feed_shows_only_the_linked_clients_visits(personas: Personas) -> None:
    thanh = personas.cared_for("Thanh")
    token = addresses.turn_on(personas.carer, thanh)
    events = both(token)
    with db.read() as session:
        thanhs = set(session.scalars(select(Shift.id).where(Shift.client_id == thanh)))
    assert events
    assert {e.shift_id for e in events.values()} <= thanhs


def test_a_carer_cannot_turn_on_a_feed_for_a_client_they_are_not_linked_to(personas: Personas) -> None:
    margaret = _margaret(personas)
    with pytest.raises(NotAllowed, match="only for yourself or for someone you care for"):
        addresses.turn_on(personas.carer, margaret)
    assert feed_rows() == []


@pytest.mark.parametrize("who", ["roster", "worker"])
def test_staff_and_workers_have_no_feed_of_a_clients_visits(personas: Personas, who: str) -> None:
    margaret = _margaret(personas)
    with pytest.raises(NotAllowed):
        addresses.turn_on(getattr(personas, who), margaret)
    with pytest.raises(NotAllowed):
        addresses.turn_on(personas.client)  # a client has no worker's feed either
    assert feed_rows() == []


def test_a_carer_no_longer_linked_gets_not_found(personas: Personas) -> None:
    thanh = personas.cared_for("Thanh")
    token = addresses.turn_on(personas.carer, thanh)
    with db.write() as session:
        session.execute(
            CarerLink.__table__.delete().where(
                CarerLink.account_id == personas.carer.account_id, CarerLink.client_id == thanh
            )
        )
    with pytest.raises(NotFound):
        addresses.read(token, PUBLIC_URL)


def test_a_workers_feed_has_the_address_and_a_clients_does_not(personas: Personas) -> None:
    margaret = _margaret(personas)
    worker = addresses.turn_on(personas.worker)
    client = addresses.turn_on(personas.client, margaret)
    worker_events = both(worker).values()
    client_events = both(client).values()
    assert worker_events
    assert all(e.location and e.location.split(", ")[0] for e in worker_events)
    with db.read() as session:
        mine = set(session.scalars(select(Shift.id).where(Shift.worker_id == personas.worker.worker_id)))
    assert {e.shift_id for e in worker_events} <= mine
    assert all(e.location is None for e in client_events)
    assert b"LOCATION" not in addresses.read(client, PUBLIC_URL)
    assert any(e.summary.endswith("for Margaret") for e in worker_events)
    assert not any("Wilson" in e.summary or "Rahman" in e.summary for e in [*worker_events, *client_events])


@pytest.mark.parametrize(
    ("frozen", "sunday", "expected"),
    [
        # Daylight saving ends at 3 am on Sunday 4 April 2027: 9 am is then UTC+10, the week before +11.
        (datetime(2027, 3, 1, tzinfo=UTC), date(2027, 4, 4), (22, 23, 23)),
        # It starts at 2 am on Sunday 3 October 2027: 9 am the week before is UTC+10, then +11.
        (datetime(2027, 9, 1, tzinfo=UTC), date(2027, 10, 3), (23, 22, 22)),
    ],
)
def test_daylight_saving_boundary_visits_have_the_right_utc_instant(
    personas: Personas, frozen: datetime, sunday: date, expected: tuple[int, int, int]
) -> None:
    """A weekly 9 am visit booked through the booking use case, either side of the change: each
    event is 9 am in Sydney, so its UTC hour moves by one (the day before, in UTC)."""
    margaret = _margaret(personas)
    clock.freeze(frozen)
    booked = requests.let_agency_choose(
        personas.client,
        wanted(
            margaret,
            first_date=sunday - timedelta(weeks=1),
            start=time(9, 0),
            recurrence=Recurrence.WEEKLY,
            ends_on=sunday + timedelta(weeks=1),
        ),
    )
    token = addresses.turn_on(personas.client, margaret)
    events = both(token).values()
    with db.read() as session:
        ids = set(session.scalars(select(Shift.id).where(Shift.booking_id == booked.booking_id)))
    starts = sorted(e.start for e in events if e.shift_id in ids)
    days = [sunday - timedelta(weeks=1), sunday, sunday + timedelta(weeks=1)]
    assert starts == [
        datetime.combine(day - timedelta(days=1), time(hour), tzinfo=UTC)
        for day, hour in zip(days, expected, strict=True)
    ]


def test_fetching_feeds_is_limited_per_address(personas: Personas) -> None:
    """A guesser from one address is stopped, whatever they try; another address is not."""
    margaret = _margaret(personas)
    token = addresses.turn_on(personas.client, margaret)
    for attempt in range(rate_limits.FEED_PER_ADDRESS.attempts):
        with pytest.raises(NotFound):
            addresses.read(f"guess-{attempt}", PUBLIC_URL, address="203.0.113.9")
    with pytest.raises(TooManyAttempts):
        addresses.read(token, PUBLIC_URL, address="203.0.113.9")
    assert addresses.read(token, PUBLIC_URL, address="198.51.100.4")


def test_a_new_address_for_a_feed_that_is_off_is_refused(personas: Personas) -> None:
    margaret = _margaret(personas)
    with pytest.raises(NotFound, match="Turn it on first"):
        addresses.make_new(personas.client, margaret)
    assert feed_rows() == []


def test_taps_at_once_make_one_feed(personas: Personas) -> None:
    """A double tap (or two tablets) turning the same feed on: one row, and the last address works."""
    margaret = _margaret(personas)
    with ThreadPoolExecutor(4) as pool:  # an error in any tap is raised here
        tokens = list(pool.map(lambda _: addresses.turn_on(personas.client, margaret), range(4)))
    assert len(feed_rows()) == 1
    working = [token for token in tokens if _works(token)]
    assert len(working) == 1


def _works(token: str) -> bool:
    try:
        addresses.read(token, PUBLIC_URL)
    except NotFound:
        return False
    return True


def test_a_switched_off_account_has_no_feed(personas: Personas) -> None:
    margaret = _margaret(personas)
    token = addresses.turn_on(personas.client, margaret)
    with db.write() as session:
        session.execute(update(Account).where(Account.id == personas.client.account_id).values(active=False))
    with pytest.raises(NotFound):
        addresses.read(token, PUBLIC_URL)


def test_migration_0017_goes_down_and_up_again_with_its_trigger(empty_db: str) -> None:
    """Downgraded to 0016 (the table and the column gone), then upgraded: the trigger is back."""
    with db.engine().begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0016")
    with db.engine().connect() as connection:
        names = inspect(connection).get_table_names()
        columns = {column["name"] for column in inspect(connection).get_columns("shift")}
    assert "calendar_feed" not in names
    assert "version" not in columns
    migrate.upgrade(db.engine())
    with db.engine().connect() as connection:
        assert "calendar_feed" in inspect(connection).get_table_names()
        trigger = (
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'trg_shift_version'"
            if connection.dialect.name == "sqlite"
            else "SELECT count(*) FROM pg_trigger WHERE tgname = 'trg_shift_version'"
        )
        assert connection.execute(text(trigger)).scalar_one() == 1
