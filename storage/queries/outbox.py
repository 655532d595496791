"""Claiming, marking and reviewing outbox messages.

Claims are taken with `SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL, so dispatchers running at
once each take different messages; SQLite renders no FOR UPDATE, and its writers are serialised by
BEGIN IMMEDIATE (storage.db.write) instead.
"""

from datetime import datetime
from typing import cast

from sqlalchemy import ColumnElement, Table, func, or_, select, update
from sqlalchemy.orm import Session

from domain.vocabulary import Channel, OutboxStatus
from storage.models import AppMessage, OutboxMessage


def claim_due(
    channel: Channel, *, now: datetime, holder: str, until: datetime, limit: int, session: Session
) -> list[OutboxMessage]:
    """Up to `limit` due messages of the channel, now claimed by `holder` until `until`.

    Due: pending, next attempt reached, and no live claim (a claim that ran out belonged to a
    dispatcher that died, so the message is taken again: nothing is lost).
    """
    rows = list(
        session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.status == OutboxStatus.PENDING,
                OutboxMessage.channel == channel,
                OutboxMessage.next_attempt_at <= now,
                or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now),
            )
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    )
    for row in rows:
        row.claimed_by, row.claimed_until = holder, until
    session.flush()
    return rows


def claimed(message_id: int, holder: str, *, session: Session) -> OutboxMessage | None:
    """The message, locked, if it is still pending and claimed by `holder`; None if the claim was lost."""
    return session.scalar(
        select(OutboxMessage)
        .where(
            OutboxMessage.id == message_id,
            OutboxMessage.claimed_by == holder,
            OutboxMessage.status == OutboxStatus.PENDING,
        )
        .with_for_update()
    )


def mark_sent(message_id: int, holder: str, *, now: datetime, session: Session) -> bool:
    """Mark a claimed message sent; False if it was no longer ours to mark.

    A plain Core UPDATE on the table (not the ORM's bulk path): it runs once per message sent.
    """
    table = cast(Table, OutboxMessage.__table__)  # typed as any FromClause; a mapped class has a Table
    result = session.connection().execute(
        update(table)
        .where(table.c.id == message_id, table.c.claimed_by == holder, table.c.status == OutboxStatus.PENDING)
        .values(
            status=OutboxStatus.SENT,
            sent_at=now,
            attempts=table.c.attempts + 1,
            claimed_until=None,
            last_error=None,
        )
    )
    return result.rowcount == 1


def release(message_ids: list[int], holder: str, *, session: Session) -> None:
    """Give up claims without counting an attempt (the dispatcher stopped before trying them)."""
    if message_ids:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(message_ids), OutboxMessage.claimed_by == holder)
            .values(claimed_until=None)
        )


def app_message_for(outbox_id: int, *, session: Session) -> AppMessage | None:
    return session.scalar(select(AppMessage).where(AppMessage.outbox_id == outbox_id))


def pending_count(*, session: Session) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.status == OutboxStatus.PENDING)
        )
        or 0
    )


def counts_by_status(*, session: Session) -> dict[OutboxStatus, int]:
    rows = session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status))
    return {OutboxStatus(status): count for status, count in rows}


def failed(*, limit: int, session: Session) -> list[OutboxMessage]:
    return list(
        session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.status == OutboxStatus.FAILED)
            .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
            .limit(limit)
        )
    )


def by_id(message_id: int, *, session: Session, for_update: bool = False) -> OutboxMessage | None:
    query = select(OutboxMessage).where(OutboxMessage.id == message_id)
    if for_update:
        query = query.with_for_update()
    return session.scalar(query)


def renew_claims(message_ids: list[int], holder: str, *, until: datetime, session: Session) -> set[int]:
    """Extend `holder`'s claim on those of the messages it still holds; returns their ids."""
    kept = set(
        session.scalars(
            update(OutboxMessage)
            .where(
                OutboxMessage.id.in_(message_ids),
                OutboxMessage.claimed_by == holder,
                OutboxMessage.status == OutboxStatus.PENDING,
            )
            .values(claimed_until=until)
            .returning(OutboxMessage.id)
        )
    )
    return kept


def _retrying() -> ColumnElement[bool]:
    return (OutboxMessage.status == OutboxStatus.PENDING) & (OutboxMessage.attempts > 0)


def retrying_count(*, session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxMessage).where(_retrying())) or 0


def retrying(*, limit: int, session: Session) -> list[OutboxMessage]:
    """Messages tried at least once and waiting to be tried again, the soonest next attempt first."""
    return list(
        session.scalars(
            select(OutboxMessage)
            .where(_retrying())
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(limit)
        )
    )
