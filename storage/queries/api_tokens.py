"""Bearer tokens of the worker JSON API, found by their hash (the token itself is never stored)."""

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import ApiToken


def by_hash(token_hash: str, *, session: Session) -> ApiToken | None:
    return session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash))


def touch(token_id: int, *, now: datetime, session: Session) -> None:
    session.execute(update(ApiToken).where(ApiToken.id == token_id).values(last_used_at=now))


def revoke(token_hash: str, *, now: datetime, session: Session) -> bool:
    result = session.execute(
        update(ApiToken)
        .where(ApiToken.token_hash == token_hash, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]
