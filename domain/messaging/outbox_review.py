"""The staff's view of the outbox: how many messages wait, which are being retried (with the last
error and when the next attempt is due) and which failed, so someone can fix an address or the
mail settings and send them again — or cancel a message that should not go at all."""

from dataclasses import dataclass
from datetime import datetime

from domain import action
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import DomainError, InvalidInput, NotAllowed, NotFound
from domain.vocabulary import Channel, OutboxStatus
from storage.models import OutboxMessage
from storage.queries import outbox as outbox_queries

SHOWN = 200


@dataclass(frozen=True)
class TroubledMessage:
    """A message that could not be delivered yet, or at all."""

    id: int
    channel: Channel
    to: str
    subject: str
    attempts: int
    error: str
    created_at: datetime  # UTC
    next_attempt_at: datetime | None  # UTC; None once it has failed for good


@dataclass(frozen=True)
class OutboxSummary:
    waiting: int  # not tried yet
    retrying: int
    sent: int
    failed: int
    cancelled: int
    retries: tuple[TroubledMessage, ...]
    failures: tuple[TroubledMessage, ...]

    @property
    def pending(self) -> int:
        """Everything still to be delivered: waiting and retrying."""
        return self.waiting + self.retrying


def summary(actor: Actor) -> OutboxSummary:
    _require_staff(actor)
    with action.reading(actor) as act:
        counts = outbox_queries.counts_by_status(session=act.session)
        retrying_count = outbox_queries.retrying_count(session=act.session)
        retrying = outbox_queries.retrying(limit=SHOWN, session=act.session)
        failed = outbox_queries.failed(limit=SHOWN, session=act.session)
        return OutboxSummary(
            waiting=counts.get(OutboxStatus.PENDING, 0) - retrying_count,
            retrying=retrying_count,
            sent=counts.get(OutboxStatus.SENT, 0),
            failed=counts.get(OutboxStatus.FAILED, 0),
            cancelled=counts.get(OutboxStatus.CANCELLED, 0),
            retries=tuple(_troubled(row) for row in retrying),
            failures=tuple(_troubled(row) for row in failed),
        )


def send_again(actor: Actor, message_id: int) -> int:
    """Put a failed message back in the queue, with a fresh set of attempts; returns its id."""
    _require_staff(actor)
    with action.writing(actor) as act:
        message = _message(act, message_id)
        if message.status != OutboxStatus.FAILED:
            raise InvalidInput({"message": "Only a message that failed can be sent again."})
        message.status, message.attempts = OutboxStatus.PENDING, 0
        message.next_attempt_at, message.claimed_until = act.now, None
        act.audit("send_again", "outbox_message", message.id, message.last_error or "")
        return message.id


def cancel(actor: Actor, message_id: int) -> int:
    """Stop a message that has not gone (waiting, retrying or failed): it is never sent."""
    _require_staff(actor)
    with action.writing(actor) as act:
        message = _message(act, message_id)
        if message.status not in (OutboxStatus.PENDING, OutboxStatus.FAILED):
            raise InvalidInput({"message": "Only a message that has not gone can be cancelled."})
        if message.claimed_until is not None and message.claimed_until > act.now:
            raise DomainError("This message is being sent right now, so it can no longer be cancelled.")
        message.status, message.claimed_until = OutboxStatus.CANCELLED, None
        act.audit("cancel", "outbox_message", message.id, message.subject)
        return message.id


def _require_staff(actor: Actor) -> None:
    if not actor.is_staff:
        raise NotAllowed()


def _message(act: Action, message_id: int) -> OutboxMessage:
    message = outbox_queries.by_id(message_id, session=act.session, for_update=True)
    if message is None:
        raise NotFound("That message no longer exists.")
    return message


def _troubled(row: OutboxMessage) -> TroubledMessage:
    return TroubledMessage(
        row.id,
        row.channel,
        row.to_address or f"account {row.to_account_id}",
        row.subject,
        row.attempts,
        row.last_error or "",
        row.created_at,
        row.next_attempt_at if row.status == OutboxStatus.PENDING else None,
    )
