"""E-mail through a real SMTP server (aiosmtpd, started here), on SQLite and PostgreSQL: what arrives,
and what happens when the server is down or refuses a message."""

from collections import Counter
from datetime import timedelta

import pytest

from domain import action, clock
from domain.messaging import backoff, delivery, outbox
from domain.vocabulary import OutboxStatus
from tests.support.letters import TestNote
from tests.support.outbox import SmallAgency, outbox_rows, queue_emails
from tests.support.smtp import SENDER, SmtpServer


def test_a_queued_email_arrives_with_subject_recipients_both_bodies_and_its_message_id(
    small_agency: SmallAgency, smtp: SmtpServer
) -> None:
    with action.writing() as act:
        [queued] = outbox.email(
            act,
            to=["margaret@example.com", "roster@harbour.example"],
            letter=TestNote(7, "Margaret <Peggy> Wilson"),
        )
    report = delivery.dispatch(smtp.mailer(), holder="test")
    assert report.sent == 1
    [mail] = smtp.arrived
    assert mail.subject == "Test note 7"
    assert mail.sender == SENDER
    assert sorted(mail.recipients) == ["margaret@example.com", "roster@harbour.example"]
    assert mail.message_id == queued.message_id
    assert "Harbour & Hills <Care>" in str(mail.message["From"])
    assert "Dear Margaret <Peggy> Wilson," in mail.body("plain")
    assert "Dear Margaret &lt;Peggy&gt; Wilson," in mail.body("html")
    assert "Harbour &amp; Hills &lt;Care&gt;" in mail.body("html")
    [row] = outbox_rows()
    assert (row.status, row.attempts, row.sent_at) == (OutboxStatus.SENT, 1, clock.now())


def test_a_message_is_queued_only_if_its_transaction_commits(small_agency: SmallAgency) -> None:
    def failing_booking() -> None:
        with action.writing() as act:
            outbox.email(act, to=["a@example.com"], letter=TestNote(1, "A"))
            raise RuntimeError("the booking failed")

    with pytest.raises(RuntimeError):
        failing_booking()
    assert outbox_rows() == []


def test_dispatching_again_sends_nothing_twice(small_agency: SmallAgency, smtp: SmtpServer) -> None:
    queue_emails(3)
    delivery.dispatch(smtp.mailer(), holder="test")
    clock.advance(timedelta(hours=3))
    again = delivery.dispatch(smtp.mailer(), holder="test")
    assert again.sent == 0
    assert len(smtp.arrived) == 3


def test_a_hundred_emails_queued_while_the_server_is_down_all_arrive_exactly_once_after_it_starts(
    small_agency: SmallAgency, smtp_down: SmtpServer
) -> None:
    queued = queue_emails(100)
    down = delivery.dispatch(smtp_down.mailer(), holder="test", batch=30)
    assert (down.server_down, down.sent, down.retrying) == (True, 0, 30)  # the run stops at the first failure
    assert Counter(row.attempts for row in outbox_rows()) == {1: 30, 0: 70}
    assert all(row.status == OutboxStatus.PENDING and row.claimed_until is None for row in outbox_rows())
    smtp_down.start()
    assert delivery.dispatch(smtp_down.mailer(), holder="test", batch=30).sent == 70  # the 30 wait
    clock.advance(backoff.delay_after(1))
    assert delivery.dispatch(smtp_down.mailer(), holder="test", batch=30).sent == 30
    by_id = {row.message_id: row.id for row in outbox_rows()}
    arrivals = Counter(by_id[mail.message_id] for mail in smtp_down.arrived)
    assert sorted(arrivals) == sorted(queued)
    assert set(arrivals.values()) == {1}
    assert {row.status for row in outbox_rows()} == {OutboxStatus.SENT}


def test_failed_attempts_back_off_and_after_the_last_the_message_is_failed_with_the_error(
    small_agency: SmallAgency, smtp: SmtpServer
) -> None:
    smtp.recorder.refuse["busy@example.com"] = "451 4.3.0 Mailbox busy, try later"
    queue_emails(1, to="busy@example.com")
    waits = []
    for attempt in range(1, backoff.MAX_ATTEMPTS + 1):
        delivery.dispatch(smtp.mailer(), holder="test")
        [row] = outbox_rows()
        assert row.attempts == attempt
        if attempt < backoff.MAX_ATTEMPTS:
            assert row.status == OutboxStatus.PENDING
            waits.append(row.next_attempt_at - clock.now())
            clock.freeze(row.next_attempt_at)
    assert waits == [backoff.delay_after(n) for n in range(1, backoff.MAX_ATTEMPTS)]
    [row] = outbox_rows()
    assert row.status == OutboxStatus.FAILED
    assert "451" in (row.last_error or "")
    assert "Mailbox busy" in (row.last_error or "")
    assert smtp.arrived == []


def test_a_refused_address_fails_at_once_and_the_other_messages_still_go(
    small_agency: SmallAgency, smtp: SmtpServer
) -> None:
    smtp.recorder.refuse["nobody@example.com"] = "550 5.1.1 No such mailbox"
    queue_emails(2)
    queue_emails(1, to="nobody@example.com")
    queue_emails(2)
    report = delivery.dispatch(smtp.mailer(), holder="test")
    assert (report.sent, report.failed) == (4, 1)
    failed = [row for row in outbox_rows() if row.status == OutboxStatus.FAILED]
    assert [row.to_address for row in failed] == ["nobody@example.com"]
    assert "550" in (failed[0].last_error or "")
    assert len(smtp.arrived) == 4


def test_a_claim_held_by_a_live_dispatcher_is_left_alone_and_one_that_ran_out_is_taken_again(
    small_agency: SmallAgency, smtp: SmtpServer
) -> None:
    queue_emails(2)
    claimed = delivery.claim_emails(holder="gone", limit=10, lease=timedelta(minutes=2))
    assert len(claimed) == 2
    assert delivery.dispatch(smtp.mailer(), holder="test").sent == 0
    clock.advance(timedelta(minutes=2, seconds=1))
    assert delivery.dispatch(smtp.mailer(), holder="test").sent == 2
    assert sorted(mail.message_id for mail in smtp.arrived) == sorted(e.message_id for e in claimed)
