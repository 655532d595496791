"""What went wrong with the outbox once, each proved gone: an address the mail server cannot take,
an error nobody foresaw, a slow mail server, and a database too busy to record a send (the first
start on SQLite once e-mailed the same message twice). On a real SMTP server, both databases."""

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from domain import action, clock
from domain.messaging import delivery, outbox
from domain.messaging.delivery import Envelope
from domain.vocabulary import OutboxStatus
from storage import db
from tests.support.letters import TestNote
from tests.support.outbox import SmallAgency, outbox_rows, queue_emails
from tests.support.smtp import SmtpServer

PATIENCE = 60.0  # seconds: waits are for conditions; this only bounds a test that would hang


def queue_to(*addresses: str) -> list[int]:
    with action.writing() as act:
        return [
            outbox.email(act, to=[address], letter=TestNote(n, "Margaret"))[0].id
            for n, address in enumerate(addresses)
        ]


class Recording:
    """A mail connection that keeps what it is given, and can be told to do something first."""

    def __init__(self, before: Callable[[Envelope], None] = lambda _e: None) -> None:
        self.sent: list[Envelope] = []
        self.before = before

    def send(self, envelope: Envelope) -> None:
        self.before(envelope)
        self.sent.append(envelope)

    def mailer(self) -> delivery.Mailer:
        @contextmanager
        def connect() -> Iterator["Recording"]:
            yield self

        return connect


def test_an_address_the_mail_server_cannot_take_fails_alone_and_says_why(
    small_agency: SmallAgency, smtp: SmtpServer
) -> None:
    queue_to("first@example.com", "margarét@example.com", "third@example.com")
    report = delivery.dispatch(smtp.mailer(), holder="test")
    assert (report.sent, report.failed, report.retrying) == (2, 1, 0)
    assert sorted(mail.recipients[0] for mail in smtp.arrived) == ["first@example.com", "third@example.com"]
    [refused] = [row for row in outbox_rows() if row.status == OutboxStatus.FAILED]
    assert refused.to_address == "margarét@example.com"
    assert "SMTPUTF8" in (refused.last_error or "")
    assert "margarét@example.com" in (refused.last_error or "")
    assert refused.claimed_until is None


def test_an_international_address_arrives_where_the_server_offers_smtputf8(
    small_agency: SmallAgency, smtp_utf8: SmtpServer
) -> None:
    queue_to("margarét@example.com")
    assert delivery.dispatch(smtp_utf8.mailer(), holder="test").sent == 1
    [mail] = smtp_utf8.arrived
    assert mail.recipients == ["margarét@example.com"]
    assert str(mail.message["To"]) == "margarét@example.com"
    assert mail.subject == "Test note 0"
    assert "This is note number 0." in mail.body("plain")


def test_an_international_domain_is_sent_as_dns_spells_it_without_smtputf8(
    small_agency: SmallAgency, smtp: SmtpServer
) -> None:
    queue_to("margaret@bücher.example")
    assert delivery.dispatch(smtp.mailer(), holder="test").sent == 1
    [mail] = smtp.arrived
    assert mail.recipients == ["margaret@xn--bcher-kva.example"]


def test_an_error_nobody_foresaw_is_that_messages_alone(small_agency: SmallAgency) -> None:
    ids = queue_emails(3)

    def trouble(envelope: Envelope) -> None:
        if envelope.outbox_id == ids[1]:
            raise RuntimeError("the library tripped over this one")

    connection = Recording(trouble)
    report = delivery.dispatch(connection.mailer(), holder="test", connections=1)
    assert (report.sent, report.retrying, report.failed) == (2, 1, 0)
    assert [envelope.outbox_id for envelope in connection.sent] == [ids[0], ids[2]]
    retrying = {row.id: row for row in outbox_rows()}[ids[1]]
    assert (retrying.status, retrying.attempts) == (OutboxStatus.PENDING, 1)
    assert retrying.last_error == "RuntimeError: the library tripped over this one"
    assert retrying.next_attempt_at == clock.now() + timedelta(minutes=1)
    assert retrying.claimed_until is None


def wait_for(condition: Callable[[], bool], what: str) -> None:
    """Poll a condition (never a fixed sleep), failing only if it has not held after PATIENCE."""
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        threading.Event().wait(0.02)


def test_a_slow_mail_server_never_lets_another_dispatcher_send_the_same_message(
    small_agency: SmallAgency, smtp: SmtpServer
) -> None:
    [queued] = queue_emails(1)
    lease = timedelta(seconds=0.3)
    sending, finish = threading.Event(), threading.Event()

    def slow(_envelope: Envelope) -> None:
        sending.set()
        assert finish.wait(PATIENCE)

    connection = Recording(slow)
    first = threading.Thread(
        target=lambda: delivery.dispatch(connection.mailer(), holder="slow", lease=lease, connections=1)
    )
    first.start()
    assert sending.wait(PATIENCE)
    clock.advance(timedelta(minutes=5))  # far past the claim the slow dispatcher took
    wait_for(lambda: claim_of(queued) > clock.now(), "the slow dispatcher renewing its claim")
    assert delivery.dispatch(smtp.mailer(), holder="other", lease=lease).sent == 0
    finish.set()
    first.join(PATIENCE)
    assert [envelope.outbox_id for envelope in connection.sent] == [queued]
    assert smtp.arrived == []
    [row] = outbox_rows()
    assert (row.status, row.attempts, row.claimed_by) == (OutboxStatus.SENT, 1, "slow")


def claim_of(outbox_id: int) -> datetime:
    """Until when the message is claimed; the distant past when it is not."""
    [row] = [row for row in outbox_rows() if row.id == outbox_id]
    return row.claimed_until or clock.now() - timedelta(days=1)


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_send_is_recorded_even_when_the_database_is_busy_so_it_never_goes_twice(
    small_agency: SmallAgency, smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first start's doubled e-mail: another writer held the database while the dispatcher
    marked a message it had just sent; the mark failed, the claim ran out, and the message went
    again. Now the mark waits its turn."""
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 50)  # give up waiting quickly, many times
    engine = db.configure(small_agency.url)
    busy = threading.Event()
    event.listen(engine, "handle_error", lambda context: busy.set())
    locked, released = threading.Event(), threading.Event()

    def another_writer() -> None:
        other = sqlite3.connect(Path(engine.url.database or ""), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        locked.set()
        assert busy.wait(PATIENCE)  # the dispatcher has found the database busy at least once
        other.execute("COMMIT")
        other.close()
        released.set()

    def take_the_database(_envelope: Envelope) -> None:
        threading.Thread(target=another_writer).start()
        assert locked.wait(PATIENCE)

    [queued] = queue_emails(1)
    connection = Recording(take_the_database)
    report = delivery.dispatch(connection.mailer(), holder="first")
    assert released.is_set()
    assert report.sent == 1
    [row] = outbox_rows()
    assert (row.id, row.status, row.attempts) == (queued, OutboxStatus.SENT, 1)
    clock.advance(timedelta(hours=3))  # long past any claim
    assert delivery.dispatch(smtp.mailer(), holder="second").sent == 0
    assert len(connection.sent) == 1
    assert smtp.arrived == []
