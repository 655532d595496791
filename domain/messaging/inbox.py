"""The worker app's inbox: a support worker reads only their own app messages (offers, reminders,
changes). The worker page and the worker JSON API both call these."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.errors import NotAllowed, NotFound
from domain.vocabulary import Role
from storage.models import AppMessage
from storage.queries import inbox as inbox_queries

SHOWN = 100  # the newest; older messages stay in the database


@dataclass(frozen=True)
class InboxMessage:
    id: int
    title: str
    body: str
    created_at: datetime  # UTC
    read_at: datetime | None
    offer_id: int | None
    shift_id: int | None

    @property
    def unread(self) -> bool:
        return self.read_at is None


def _plain(row: AppMessage) -> InboxMessage:
    return InboxMessage(row.id, row.title, row.body, row.created_at, row.read_at, row.offer_id, row.shift_id)


def messages(actor: Actor, limit: int = SHOWN) -> list[InboxMessage]:
    """Newest first."""
    access.require_role(actor, Role.WORKER)
    with action.reading(actor) as act:
        rows = inbox_queries.for_account(actor.account_id, limit=limit, session=act.session)
        return [_plain(row) for row in rows]


def message(actor: Actor, message_id: int) -> InboxMessage:
    with action.reading(actor) as act:
        return _plain(_own(actor, message_id, act.session))


def unread(actor: Actor) -> int:
    access.require_role(actor, Role.WORKER)
    with action.reading(actor) as act:
        return inbox_queries.unread_count(actor.account_id, session=act.session)


def mark_read(actor: Actor, message_id: int) -> InboxMessage:
    """Marking again keeps the first time it was read."""
    with action.writing(actor) as act:
        row = _own(actor, message_id, act.session)
        if row.read_at is None:
            row.read_at = act.now
        return _plain(row)


def _own(actor: Actor, message_id: int, session: Session) -> AppMessage:
    access.require_role(actor, Role.WORKER)
    row = inbox_queries.by_id(message_id, session=session)
    if row is None:
        raise NotFound("That message does not exist.")
    if row.account_id != actor.account_id:
        raise NotAllowed()
    return row
