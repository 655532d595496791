"""The worker's messages page (with live push), the office's outbox and caught-mail pages, and the
API's place in /docs — through NiceGUI's simulated User against main.py."""

import asyncio
from collections.abc import Iterator

import pytest
from nicegui import app
from nicegui.testing import User
from sqlalchemy import select, update

from domain import action
from domain.messaging import delivery, outbox
from domain.vocabulary import OutboxStatus
from jobs import catcher, mailer
from storage import caught_mail, db
from storage.models import AppMessage, OutboxMessage
from tests.support.letters import TestNote
from tests.support.personas import Personas
from tests.support.ui import eventually, sign_in


def deliver_note(account_id: int, n: int = 1) -> None:
    with action.writing() as act:
        outbox.app_message(
            act,
            account_id=account_id,
            letter=TestNote(n, "Aisha"),
        )
    delivery.dispatch(None, holder="test")


async def test_a_new_message_appears_on_the_workers_open_page(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "aisha@example.com")
    await user.open("/worker/messages")
    await user.should_see("You have no messages yet.")
    await asyncio.to_thread(
        deliver_note, portal_personas.worker.account_id, 4
    )  # the dispatcher runs off the event loop
    await user.should_see("Test note 4")
    await user.should_see("New message: Test note 4")
    await user.should_see("1 unread")


async def test_a_worker_marks_a_message_read(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "aisha@example.com")
    deliver_note(portal_personas.worker.account_id)
    await user.open("/worker/messages")
    await user.should_see("1 unread")
    with db.read() as session:
        outbox_id = session.scalar(select(OutboxMessage.id))
    with db.read() as session:
        message_id = session.scalar(select(AppMessage.id).where(AppMessage.outbox_id == outbox_id))
    user.find(marker=f"read-{message_id}").click()
    await user.should_see("No unread messages.")


async def test_another_workers_message_never_shows(user: User, portal_personas: Personas) -> None:
    deliver_note(portal_personas.other_worker.account_id, 9)
    await sign_in(user, "aisha@example.com")
    await user.open("/worker/messages")
    await user.should_see("You have no messages yet.")
    await user.should_not_see("Test note 9")


async def test_staff_see_a_failed_message_with_its_error_and_send_it_again(user: User) -> None:
    await sign_in(user, "rosa@example.com")
    with action.writing() as act:
        [failed] = outbox.email(act, to=["nobody@example.com"], letter=TestNote(3, "N"))
        act.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == failed.id)
            .values(
                status=OutboxStatus.FAILED,
                attempts=1,
                last_error="Refused by the mail server: 550 No such mailbox",
            )
        )
    await user.open("/admin/outbox")
    await user.should_see("Refused by the mail server: 550 No such mailbox")
    await user.should_see("nobody@example.com")
    user.find(marker=f"send-again-{failed.id}").click()

    def queued_again() -> bool:
        with db.read() as session:
            return (
                session.scalar(select(OutboxMessage.status).where(OutboxMessage.id == failed.id)) == "pending"
            )

    await eventually(queued_again, "the failed message is queued again")
    await user.should_see("No message has failed.")


@pytest.fixture
def catching() -> Iterator[mailer.MailServer]:
    controller, server = catcher.start(catcher.free_port(), "Demo agency")
    yield server
    catcher.stop(controller)
    caught_mail.forget()


async def test_an_administrator_reads_the_mail_the_catcher_caught(
    user: User, catching: mailer.MailServer
) -> None:
    await sign_in(user, "admin@example.com")
    with action.writing() as act:
        outbox.email(
            act,
            to=["margaret@example.com"],
            letter=TestNote(8, "Margaret"),
        )
    assert (await asyncio.to_thread(delivery.dispatch, mailer.mailer(catching), holder="test")).sent == 1
    await user.open("/admin/mail")
    await user.should_see("Development mode")
    await user.should_see("Test note 8")
    await user.should_see("margaret@example.com")
    await user.should_see(catcher.CATCHER_SENDER)
    await user.should_see("This is note number 8.")  # the plain-text body
    [mail] = caught_mail.newest_first()
    assert mail.html is not None
    assert "This is note number 8." in mail.html


@pytest.mark.parametrize("email", ["margaret@example.com", "aisha@example.com"])
async def test_only_staff_open_the_outbox_and_the_caught_mail(user: User, email: str) -> None:
    await sign_in(user, email)
    for path in ("/admin/outbox", "/admin/mail"):
        await user.open(path)
        await user.should_see("You do not have access")
        await user.should_not_see("Messages that failed")


async def test_office_staff_have_no_worker_inbox(user: User) -> None:
    await sign_in(user, "rosa@example.com")
    await user.open("/worker/messages")
    await user.should_see("You do not have access")


async def test_the_worker_api_is_documented_at_docs(user: User) -> None:
    await user.open("/login")
    assert app.docs_url == "/docs"
    paths = app.openapi()["paths"]
    assert {"/api/v1/tokens", "/api/v1/messages", "/api/v1/messages/{message_id}/read"} <= set(paths)
    assert "security" in paths["/api/v1/messages"]["get"]
