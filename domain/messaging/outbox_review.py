"""The administrator's view of the outbox: how many messages wait, and the ones that failed, with
the error, so someone can fix an address or the mail settings and send them again."""

from dataclasses import dataclass
from datetime import datetime

from domain import action
from domain.accounts.access import Actor
from domain.errors import InvalidInput, NotAllowed, NotFound
from domain.vocabulary import Channel, OutboxStatus
from storage.queries import outbox as outbox_queries

SHOWN = 200


@dataclass(frozen=True)
class FailedMessage:
    id: int
    channel: Channel
    to: str
    subject: str
    attempts: int
    error: str
    created_at: datetime  # UTC


@dataclass(frozen=True)
class OutboxSummary:
    pending: int
    sent: int
    failed: int
    failures: tuple[FailedMessage, ...]


def summary(actor: Actor) -> OutboxSummary:
    if not actor.is_staff:
        raise NotAllowed()
    with action.reading(actor) as act:
        counts = outbox_queries.counts_by_status(session=act.session)
        rows = outbox_queries.failed(limit=SHOWN, session=act.session)
        failures = tuple(
            FailedMessage(
                row.id,
                row.channel,
                row.to_address or f"account {row.to_account_id}",
                row.subject,
                row.attempts,
                row.last_error or "",
                row.created_at,
            )
            for row in rows
        )
    return OutboxSummary(
        counts.get(OutboxStatus.PENDING, 0),
        counts.get(OutboxStatus.SENT, 0),
        counts.get(OutboxStatus.FAILED, 0),
        failures,
    )


def send_again(actor: Actor, message_id: int) -> int:
    """Put a failed message back in the queue, with a fresh set of attempts; returns its id."""
    if not actor.is_staff:
        raise NotAllowed()
    with action.writing(actor) as act:
        message = outbox_queries.by_id(message_id, session=act.session, for_update=True)
        if message is None:
            raise NotFound("That message no longer exists.")
        if message.status != OutboxStatus.FAILED:
            raise InvalidInput({"message": "Only a message that failed can be sent again."})
        message.status, message.attempts = OutboxStatus.PENDING, 0
        message.next_attempt_at, message.claimed_until = act.now, None
        act.audit("send_again", "outbox_message", message.id, message.last_error or "")
        return message.id
