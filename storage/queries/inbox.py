"""A person's app messages."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import AppMessage


def for_account(account_id: int, *, limit: int, session: Session) -> list[AppMessage]:
    return list(
        session.scalars(
            select(AppMessage)
            .where(AppMessage.account_id == account_id)
            .order_by(AppMessage.created_at.desc(), AppMessage.id.desc())
            .limit(limit)
        )
    )


def by_id(message_id: int, *, session: Session) -> AppMessage | None:
    return session.scalar(select(AppMessage).where(AppMessage.id == message_id))


def unread_count(account_id: int, *, session: Session) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(AppMessage)
            .where(AppMessage.account_id == account_id, AppMessage.read_at.is_(None))
        )
        or 0
    )
