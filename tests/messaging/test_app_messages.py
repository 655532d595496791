"""App messages: delivered into the inbox exactly once, announced to open pages, read only by their
owner; on SQLite and PostgreSQL."""

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, update

from domain import action, events
from domain.errors import NotAllowed, NotFound
from domain.messaging import delivery, inbox, outbox
from domain.vocabulary import OutboxStatus
from storage import db
from storage.models import AppMessage, OutboxMessage
from tests.support.letters import TestNote
from tests.support.personas import Personas


@pytest.fixture
def announced() -> Iterator[list[events.AppMessageArrived]]:
    heard: list[events.AppMessageArrived] = []
    stop = events.listen(events.AppMessageArrived, heard.append)
    yield heard
    stop()


def queue_note(account_id: int, n: int = 1) -> int:
    with action.writing() as act:
        return outbox.app_message(act, account_id=account_id, letter=TestNote(n, "Aisha")).id


def test_an_app_message_lands_in_the_workers_inbox_and_open_pages_are_told(
    personas: Personas, announced: list[events.AppMessageArrived]
) -> None:
    queue_note(personas.worker.account_id, 5)
    report = delivery.dispatch(None, holder="test")
    assert report.app_delivered == 1
    [message] = inbox.messages(personas.worker)
    assert message.title == "Test note 5"
    assert "This is note number 5." in message.body
    assert message.unread
    assert announced == [events.AppMessageArrived(personas.worker.account_id)]
    assert inbox.messages(personas.other_worker) == []


def test_delivering_a_message_again_never_makes_a_second_copy(personas: Personas) -> None:
    outbox_id = queue_note(personas.worker.account_id)
    delivery.dispatch(None, holder="test")
    with db.write() as session:  # as if the first delivery's mark had been lost
        session.execute(
            update(OutboxMessage).where(OutboxMessage.id == outbox_id).values(status=OutboxStatus.PENDING)
        )
    delivery.dispatch(None, holder="test")
    with db.read() as session:
        copies = session.scalar(
            select(func.count()).select_from(AppMessage).where(AppMessage.outbox_id == outbox_id)
        )
    assert copies == 1


def test_email_waits_while_no_mail_server_is_configured_but_app_messages_go(personas: Personas) -> None:
    queue_note(personas.worker.account_id)
    with action.writing() as act:
        outbox.email(act, to=["a@example.com"], letter=TestNote(1, "A"))
    report = delivery.dispatch(None, holder="test")
    assert (report.app_delivered, report.sent) == (1, 0)
    assert delivery.pending() == 1


def test_marking_read_keeps_the_first_time_and_only_the_owner_may(personas: Personas) -> None:
    queue_note(personas.worker.account_id)
    delivery.dispatch(None, holder="test")
    [message] = inbox.messages(personas.worker)
    with pytest.raises(NotAllowed):
        inbox.mark_read(personas.other_worker, message.id)
    with pytest.raises(NotAllowed):
        inbox.message(personas.client, message.id)
    first = inbox.mark_read(personas.worker, message.id)
    assert first.read_at is not None
    assert inbox.mark_read(personas.worker, message.id).read_at == first.read_at
    assert inbox.unread(personas.worker) == 0


def test_an_unknown_message_is_not_found(personas: Personas) -> None:
    with pytest.raises(NotFound):
        inbox.mark_read(personas.worker, 999_999)
