"""Staff see what the outbox is doing: messages waiting, being retried (with the last error and the
next attempt) and failed; they send a failed one again or cancel one that should not go. Once a
retrying message showed only as "Waiting", with no error."""

from datetime import timedelta

import pytest
from nicegui.testing import User
from sqlalchemy import select, update

from domain import action, clock
from domain.errors import DomainError, InvalidInput, NotAllowed
from domain.messaging import delivery, outbox, outbox_review
from domain.vocabulary import OutboxStatus
from storage import db
from storage.models import OutboxMessage
from tests.support.letters import TestNote
from tests.support.personas import Personas
from tests.support.smtp import SmtpServer
from tests.support.ui import eventually, sign_in


def queue(to: str = "nobody@example.com", n: int = 3) -> int:
    with action.writing() as act:
        [queued] = outbox.email(act, to=[to], letter=TestNote(n, "N"))
        return queued.id


def make_retrying(message_id: int) -> None:
    with db.write() as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id)
            .values(
                attempts=2,
                last_error="SMTPServerDisconnected: Connection unexpectedly closed",
                next_attempt_at=clock.now() + timedelta(minutes=2),
            )
        )


def status_of(message_id: int) -> OutboxStatus:
    with db.read() as session:
        return OutboxStatus(
            session.scalar(select(OutboxMessage.status).where(OutboxMessage.id == message_id))
        )


async def test_staff_see_a_retrying_message_with_its_last_error_and_next_attempt_and_cancel_it(
    user: User,
) -> None:
    await sign_in(user, "rosa@example.com")
    message_id = queue()
    make_retrying(message_id)
    await user.open("/admin/outbox")
    await user.should_see("SMTPServerDisconnected: Connection unexpectedly closed")
    await user.should_see("Next attempt")
    await user.should_see("11:02 am")  # two minutes after 11:00 in Sydney
    user.find(marker=f"cancel-{message_id}").click()
    await eventually(lambda: status_of(message_id) == OutboxStatus.CANCELLED, "the message is cancelled")
    await user.should_see("No message is waiting to be tried again.")


def test_a_cancelled_message_is_never_sent(personas: Personas, smtp: SmtpServer) -> None:
    message_id = queue("margaret@example.com")
    outbox_review.cancel(personas.roster, message_id)
    clock.advance(timedelta(hours=1))
    assert delivery.dispatch(smtp.mailer(), holder="test").sent == 0
    assert smtp.arrived == []
    assert outbox_review.summary(personas.roster).cancelled == 1


def test_the_summary_tells_waiting_retrying_and_failed_apart(personas: Personas) -> None:
    before = outbox_review.summary(personas.admin)
    waiting, retrying = queue(n=1), queue(n=2)
    make_retrying(retrying)
    after = outbox_review.summary(personas.admin)
    assert (after.waiting - before.waiting, after.retrying - before.retrying) == (1, 1)
    [shown] = [m for m in after.retries if m.id == retrying]
    assert shown.attempts == 2
    assert shown.next_attempt_at == clock.now() + timedelta(minutes=2)
    assert waiting not in {m.id for m in after.retries}


def test_a_message_being_sent_or_already_gone_cannot_be_cancelled(personas: Personas) -> None:
    claimed = queue()
    with db.write() as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == claimed)
            .values(claimed_by="dispatcher", claimed_until=clock.now() + timedelta(minutes=1))
        )
    with pytest.raises(DomainError, match="being sent right now"):
        outbox_review.cancel(personas.roster, claimed)
    gone = queue(n=4)
    with db.write() as session:
        session.execute(
            update(OutboxMessage).where(OutboxMessage.id == gone).values(status=OutboxStatus.SENT)
        )
    with pytest.raises(InvalidInput):
        outbox_review.cancel(personas.roster, gone)
    assert (status_of(claimed), status_of(gone)) == (OutboxStatus.PENDING, OutboxStatus.SENT)


@pytest.mark.parametrize("who", ["client", "carer", "worker"])
def test_only_staff_cancel_a_message(personas: Personas, who: str) -> None:
    message_id = queue()
    with pytest.raises(NotAllowed):
        outbox_review.cancel(getattr(personas, who), message_id)
    assert status_of(message_id) == OutboxStatus.PENDING
