"""Delivering the outbox: claim due messages, deliver them, mark each one sent or try it again later.

A claim is a short lease (claimed_by / claimed_until) taken in its own transaction; sending happens
outside any transaction; each message is marked in its own transaction right after it is sent. A
dispatcher that dies between claim and send leaves a claim that runs out, and the message is
claimed again: nothing is lost. One that dies between send and mark re-sends that one message
after the lease, with the same Message-ID (mail programs recognise the repeat): SMTP offers no
way to make sending and marking one step.

App messages never leave the database, so they are delivered into the inbox and marked sent in the
same transaction: exactly once.

The SMTP side is not domain code: `jobs.mailer` implements `Mailer` with yagmail.
"""

import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy.orm import Session

from domain import action, events
from domain.messaging import backoff
from domain.vocabulary import Channel, OutboxStatus
from storage.models import AppMessage, OutboxMessage
from storage.queries import outbox as outbox_queries

log = logging.getLogger(__name__)

CLAIM_LEASE = timedelta(minutes=2)  # far longer than a batch takes to send
BATCH = 50
MAX_BATCHES = 40  # per run: a run ends, and the next scheduled one carries on
# A batch goes out over this many SMTP connections at once: while one waits for the server's
# reply, another is composing or marking (the wait dominates, even more with a remote server).
CONNECTIONS = 3


@dataclass(frozen=True)
class Envelope:
    """An e-mail as the mail server gets it."""

    outbox_id: int
    to: tuple[str, ...]
    subject: str
    text: str
    html: str | None
    message_id: str


class DeliveryError(Exception):
    """This one message could not be sent; `permanent` when the server refused it for good."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class ServerUnavailable(Exception):
    """The mail server cannot be reached: nothing more is tried in this run."""


class MailConnection(Protocol):
    def send(self, envelope: Envelope) -> None: ...


Mailer = Callable[[], AbstractContextManager[MailConnection]]  # opens one connection per batch


@dataclass
class DispatchReport:
    sent: int = 0
    app_delivered: int = 0
    retrying: int = 0
    failed: int = 0
    server_down: bool = False

    def add(self, other: "DispatchReport") -> None:
        self.sent += other.sent
        self.app_delivered += other.app_delivered
        self.retrying += other.retrying
        self.failed += other.failed
        self.server_down = self.server_down or other.server_down


def dispatch(
    mailer: Mailer | None,
    *,
    holder: str,
    batch: int = BATCH,
    lease: timedelta = CLAIM_LEASE,
    after_claim: Callable[[list[Envelope]], None] | None = None,
    connections: int = CONNECTIONS,
) -> DispatchReport:
    """Deliver what is due, batch by batch, until nothing is due or the mail server is down.

    Without a mailer (no SMTP server configured) only app messages are delivered.
    `after_claim` is called between claiming and sending (tests stop a dispatcher there).
    """
    report = DispatchReport()
    for _ in range(MAX_BATCHES):
        delivered = deliver_app_messages(holder=holder, limit=batch, lease=lease)
        report.app_delivered += delivered
        envelopes = claim_emails(holder=holder, limit=batch, lease=lease) if mailer else []
        if envelopes:
            if after_claim is not None:
                after_claim(envelopes)
            send_claimed(mailer, envelopes, holder=holder, report=report, connections=connections)  # type: ignore[arg-type]
        if report.server_down or not (delivered or envelopes):
            break
    return report


def claim_emails(*, holder: str, limit: int, lease: timedelta = CLAIM_LEASE) -> list[Envelope]:
    with action.writing() as act:
        rows = outbox_queries.claim_due(
            Channel.EMAIL, now=act.now, holder=holder, until=act.now + lease, limit=limit, session=act.session
        )
        return [envelope(row) for row in rows]


def envelope(row: OutboxMessage) -> Envelope:
    recipients = tuple(address.strip() for address in (row.to_address or "").split(",") if address.strip())
    return Envelope(row.id, recipients, row.subject, row.body_text, row.body_html, row.message_id)


def send_claimed(
    mailer: Mailer, envelopes: Sequence[Envelope], *, holder: str, report: DispatchReport, connections: int
) -> None:
    """Send a claimed batch over up to `connections` connections in parallel."""
    shares = [list(envelopes[n::connections]) for n in range(connections) if envelopes[n::connections]]
    if len(shares) == 1:
        send_batch(mailer, shares[0], holder=holder, report=report)
        return
    reports = [DispatchReport() for _ in shares]
    with ThreadPoolExecutor(len(shares), thread_name_prefix="smtp") as pool:
        for _ in pool.map(
            lambda n: send_batch(mailer, shares[n], holder=holder, report=reports[n]), range(len(shares))
        ):
            pass
    for part in reports:
        report.add(part)


def send_batch(mailer: Mailer, envelopes: Sequence[Envelope], *, holder: str, report: DispatchReport) -> None:
    """Send over one connection, marking each message as soon as its fate is known."""
    waiting = list(envelopes)
    try:
        with mailer() as connection:
            while waiting:
                try:
                    connection.send(waiting[0])
                except DeliveryError as error:
                    record_failure(waiting.pop(0).outbox_id, holder, str(error), error.permanent, report)
                else:
                    record_sent(waiting.pop(0).outbox_id, holder, report)
    except ServerUnavailable as error:
        report.server_down = True
        log.warning("mail server unavailable: %s", error)
        for unsent in waiting:
            record_failure(unsent.outbox_id, holder, str(error), False, report)


def record_sent(outbox_id: int, holder: str, report: DispatchReport) -> None:
    with action.writing() as act:
        marked = outbox_queries.mark_sent(outbox_id, holder, now=act.now, session=act.session)
    if marked:
        report.sent += 1
    else:  # our lease ran out and another dispatcher took the message: it may go out twice
        log.warning("outbox message %s was sent after its claim ran out", outbox_id)


def record_failure(outbox_id: int, holder: str, error: str, permanent: bool, report: DispatchReport) -> None:
    with action.writing() as act:
        message = outbox_queries.claimed(outbox_id, holder, session=act.session)
        if message is None:
            return
        message.attempts += 1
        message.claimed_until = None
        step = backoff.after_failure(message.attempts, error, act.now, permanent=permanent)
        if isinstance(step, backoff.TryAgain):
            message.next_attempt_at, message.last_error = step.at, error
            report.retrying += 1
        else:
            message.status, message.last_error = OutboxStatus.FAILED, step.reason
            report.failed += 1
            log.error("outbox message %s failed: %s", outbox_id, step.reason)


def deliver_app_messages(*, holder: str, limit: int, lease: timedelta = CLAIM_LEASE) -> int:
    """Move due app messages into their inboxes, then tell open pages. Returns how many were due."""
    with action.writing() as act:
        rows = outbox_queries.claim_due(
            Channel.APP, now=act.now, holder=holder, until=act.now + lease, limit=limit, session=act.session
        )
        accounts = {
            account for row in rows if (account := _into_inbox(row, act.now, act.session)) is not None
        }
        for account_id in sorted(accounts):
            act.announce(events.AppMessageArrived(account_id))
    return len(rows)


def _into_inbox(row: OutboxMessage, now: datetime, session: Session) -> int | None:
    row.attempts += 1
    row.claimed_until = None
    if row.to_account_id is None:
        row.status, row.last_error = OutboxStatus.FAILED, "The account this message was for has been closed."
        return None
    if outbox_queries.app_message_for(row.id, session=session) is None:
        session.add(
            AppMessage(
                account_id=row.to_account_id,
                outbox_id=row.id,
                title=row.subject,
                body=row.body_text,
                offer_id=row.offer_id,
                shift_id=row.shift_id,
                created_at=now,
            )
        )
    row.status, row.sent_at = OutboxStatus.SENT, now
    return row.to_account_id


def pending() -> int:
    """How many messages still wait for delivery (claimed or not, due or not)."""
    with action.reading() as act:
        return outbox_queries.pending_count(session=act.session)
