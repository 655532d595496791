"""Reminders before shifts, on SQLite and PostgreSQL: once per allocated shift, the agency's lead
before it starts, to the client by e-mail and the worker in the app."""

from datetime import timedelta

from sqlalchemy import func, select, update

from domain import clock
from domain.messaging import reminders
from domain.vocabulary import Channel, ShiftStatus
from storage import db
from storage.models import Agency, OutboxMessage, Shift, Worker
from tests.support.personas import Personas


def allocated_starting_within(lead: timedelta) -> set[int]:
    now = clock.now()
    with db.read() as session:
        return set(
            session.scalars(
                select(Shift.id).where(
                    Shift.status == ShiftStatus.ALLOCATED,
                    Shift.starts_at > now,
                    Shift.starts_at <= now + lead,
                )
            )
        )


def reminded() -> dict[tuple[int | None, Channel], int]:
    with db.read() as session:
        rows = session.execute(
            select(OutboxMessage.shift_id, OutboxMessage.channel, func.count())
            .where(OutboxMessage.template.like("shift_reminder_%"))
            .group_by(OutboxMessage.shift_id, OutboxMessage.channel)
        )
        return {(shift_id, channel): count for shift_id, channel, count in rows}


def test_each_allocated_shift_within_a_day_gets_one_reminder_for_worker_and_client(
    personas: Personas,
) -> None:
    due = allocated_starting_within(timedelta(hours=24))
    assert due, "the demo agency has shifts tomorrow"
    assert reminders.send_due() == len(due)
    sent = reminded()
    assert {shift_id for shift_id, channel in sent if channel == Channel.APP} == due
    assert set(sent.values()) == {1}
    with db.read() as session:
        stamped = set(session.scalars(select(Shift.id).where(Shift.reminded_at.is_not(None))))
    assert stamped == due


def test_margaret_gets_her_reminder_by_email_naming_her_worker_and_the_worker_gets_the_address(
    personas: Personas,
) -> None:
    now = clock.now()
    with db.write() as session:  # Margaret's next allocated visit, moved to this afternoon
        shift = session.scalars(
            select(Shift)
            .where(Shift.client_id == personas.client.client_id, Shift.status == ShiftStatus.ALLOCATED)
            .where(Shift.starts_at > now)
            .order_by(Shift.starts_at)
        ).first()
        assert shift is not None
        shift.starts_at, shift.ends_at = now + timedelta(hours=3), now + timedelta(hours=4)
        shift_id, worker = shift.id, session.get(Worker, shift.worker_id)
        assert worker is not None
        worker_name = worker.full_name
    reminders.send_due()
    with db.read() as session:
        sent = {
            m.channel: m
            for m in session.scalars(select(OutboxMessage).where(OutboxMessage.shift_id == shift_id))
        }
    assert sent[Channel.EMAIL].to_address == "margaret@example.com"
    assert sent[Channel.EMAIL].subject == "Reminder: " + sent[Channel.EMAIL].subject.removeprefix(
        "Reminder: "
    )
    assert "Friday 27 November 2026 at 2:00 pm" in sent[Channel.EMAIL].subject
    assert f"{worker_name} is coming to see you." in sent[Channel.EMAIL].body_text
    assert "Margaret Wilson" in sent[Channel.APP].subject
    assert sent[Channel.APP].body_text.startswith("Address: ")


def test_running_twice_reminds_once(personas: Personas) -> None:
    first = reminders.send_due()
    clock.advance(timedelta(minutes=5))
    later = allocated_starting_within(timedelta(hours=24)) - set(
        shift_id for shift_id, _ in reminded()
    )  # shifts that came into the window in those five minutes
    assert reminders.send_due() == len(later)
    assert first > 0
    assert set(reminded().values()) == {1}


def test_the_agency_sets_how_long_before_the_shift_the_reminder_goes(personas: Personas) -> None:
    with db.write() as session:
        session.execute(update(Agency).values(reminder_lead_minutes=2 * 60))
    assert reminders.send_due() == len(allocated_starting_within(timedelta(hours=2)))
    assert len(allocated_starting_within(timedelta(hours=2))) < len(
        allocated_starting_within(timedelta(hours=24))
    )


def test_cancelled_and_unallocated_shifts_are_not_reminded(personas: Personas) -> None:
    due = sorted(allocated_starting_within(timedelta(hours=24)))
    with db.write() as session:
        session.execute(update(Shift).where(Shift.id == due[0]).values(status=ShiftStatus.CANCELLED))
        session.execute(
            update(Shift).where(Shift.id == due[1]).values(status=ShiftStatus.UNALLOCATED, worker_id=None)
        )
    reminders.send_due()
    assert {shift_id for shift_id, _ in reminded()} == set(due[2:])
