"""Delivering the outbox: claim due messages, deliver them, mark each one sent or try it again later.

What it guarantees, and how:
- A claim is a lease (claimed_by / claimed_until) taken in its own transaction. While a dispatcher
  works through its claim, a keeper renews the lease of every message it has not yet marked, a
  third of the lease at a time: a slow mail server or a busy database never lets a live
  dispatcher's claim run out, so no other dispatcher takes (and sends again) what it is sending.
- Sending happens outside any transaction. Each message is marked in its own short transaction
  right after it is sent, tried again while the database is busy: a send that happened is not
  forgotten because a write had to wait (that was how the first start once sent an e-mail twice).
- Each message's fate is its own: whatever goes wrong sending one (a refusal, an address the server
  cannot take, an error nobody foresaw) is recorded on that message, which is retried later or
  given up, and the rest of the batch goes on.
- A dispatcher that dies between claim and send leaves a claim that runs out, and the message is
  claimed again: nothing is lost. One that dies between send and mark re-sends that one message
  after the lease, with the same Message-ID (mail programs recognise the repeat): SMTP offers no
  way to make sending and marking one step.

App messages never leave the database, so they are delivered into the inbox and marked sent in the
same transaction: exactly once.

The SMTP side is not domain code: `jobs.mailer` implements `Mailer` with yagmail.
"""

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Protocol

from sqlalchemy.orm import Session

from domain import action, events
from domain.messaging import backoff
from domain.vocabulary import Channel, OutboxStatus
from storage import db
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
        if mailer is not None and envelopes:  # envelopes are claimed only with a mailer
            if after_claim is not None:
                after_claim(envelopes)
            send_claimed(
                mailer, envelopes, holder=holder, report=report, connections=connections, lease=lease
            )
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
    mailer: Mailer,
    envelopes: Sequence[Envelope],
    *,
    holder: str,
    report: DispatchReport,
    connections: int,
    lease: timedelta = CLAIM_LEASE,
) -> None:
    """Send a claimed batch over up to `connections` connections in parallel, its claim kept alive."""
    shares = [list(envelopes[n::connections]) for n in range(connections) if envelopes[n::connections]]
    with ClaimKeeper(holder, [e.outbox_id for e in envelopes], lease) as keeper:
        if len(shares) == 1:
            send_batch(mailer, shares[0], holder=holder, report=report, keeper=keeper)
            return
        reports = [DispatchReport() for _ in shares]
        with ThreadPoolExecutor(len(shares), thread_name_prefix="smtp") as pool:
            for _ in pool.map(
                lambda n: send_batch(mailer, shares[n], holder=holder, report=reports[n], keeper=keeper),
                range(len(shares)),
            ):
                pass
    for part in reports:
        report.add(part)


class ClaimKeeper:
    """Renews this dispatcher's claim on the messages it has not marked yet, every third of the
    lease, until the batch is done; `lost` names those another dispatcher has taken meanwhile."""

    def __init__(self, holder: str, outbox_ids: Iterable[int], lease: timedelta) -> None:
        self.holder, self.lease = holder, lease
        self.waiting = set(outbox_ids)
        self.lost: set[int] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._keep, name="outbox-claim", daemon=True)

    def __enter__(self) -> "ClaimKeeper":
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def done(self, outbox_id: int) -> None:
        with self._lock:
            self.waiting.discard(outbox_id)

    def still_ours(self, outbox_id: int) -> bool:
        with self._lock:
            return outbox_id not in self.lost

    def _keep(self) -> None:
        while not self._stop.wait(self.lease.total_seconds() / 3):
            with self._lock:
                waiting = sorted(self.waiting)
            if waiting:
                kept = db.retrying(partial(renew_claims, waiting, self.holder, self.lease))
                with self._lock:
                    self.lost.update(set(waiting) - kept)


def renew_claims(outbox_ids: list[int], holder: str, lease: timedelta) -> set[int]:
    with action.writing() as act:
        return outbox_queries.renew_claims(outbox_ids, holder, until=act.now + lease, session=act.session)


def send_batch(
    mailer: Mailer,
    envelopes: Sequence[Envelope],
    *,
    holder: str,
    report: DispatchReport,
    keeper: ClaimKeeper | None = None,
) -> None:
    """Send over one connection, marking each message as soon as its fate is known."""
    waiting = list(envelopes)
    try:
        with mailer() as connection:
            while waiting:
                envelope = waiting.pop(0)
                if keeper is None or keeper.still_ours(envelope.outbox_id):
                    _send_one(connection, envelope, holder, report)
                if keeper is not None:
                    keeper.done(envelope.outbox_id)
    except ServerUnavailable as error:
        report.server_down = True
        log.warning("mail server unavailable: %s", error)
        for unsent in waiting:
            record_failure(unsent.outbox_id, holder, str(error), False, report)


def _send_one(connection: MailConnection, envelope: Envelope, holder: str, report: DispatchReport) -> None:
    try:
        connection.send(envelope)
    except (DeliveryError, ServerUnavailable) as error:
        if isinstance(error, ServerUnavailable):
            raise
        record_failure(envelope.outbox_id, holder, str(error), error.permanent, report)
    except Exception as error:  # nothing foreseen this: it is this message's failure, not the batch's
        log.warning("outbox message %s could not be sent: %r", envelope.outbox_id, error)
        record_failure(envelope.outbox_id, holder, _describe(error), False, report)
    else:
        record_sent(envelope.outbox_id, holder, report)


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def record_sent(outbox_id: int, holder: str, report: DispatchReport) -> None:
    marked = db.retrying(lambda: _mark_sent(outbox_id, holder))
    if marked:
        report.sent += 1
    else:  # our lease ran out and another dispatcher took the message: it may go out twice
        log.warning("outbox message %s was sent after its claim ran out", outbox_id)


def _mark_sent(outbox_id: int, holder: str) -> bool:
    with action.writing() as act:
        return outbox_queries.mark_sent(outbox_id, holder, now=act.now, session=act.session)


def record_failure(outbox_id: int, holder: str, error: str, permanent: bool, report: DispatchReport) -> None:
    step = db.retrying(lambda: _record_failure(outbox_id, holder, error, permanent))
    if isinstance(step, backoff.TryAgain):
        report.retrying += 1
    elif isinstance(step, backoff.GiveUp):
        report.failed += 1
        log.error("outbox message %s failed: %s", outbox_id, step.reason)


def _record_failure(
    outbox_id: int, holder: str, error: str, permanent: bool
) -> backoff.TryAgain | backoff.GiveUp | None:
    """Count the attempt and schedule the next, or give up; None when the claim was no longer ours."""
    with action.writing() as act:
        message = outbox_queries.claimed(outbox_id, holder, session=act.session)
        if message is None:
            return None
        message.attempts += 1
        message.claimed_until = None
        step = backoff.after_failure(message.attempts, error, act.now, permanent=permanent)
        if isinstance(step, backoff.TryAgain):
            message.next_attempt_at, message.last_error = step.at, error
        else:
            message.status, message.last_error = OutboxStatus.FAILED, step.reason
        return step


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
