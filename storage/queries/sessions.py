"""Browser sessions, recovery codes and rate-limit counters, found by hashes and keys."""

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.models import ApiToken, RateCount, RecoveryCode, WebSession


def by_ticket(ticket_hash: str, *, session: Session) -> WebSession | None:
    return session.scalar(select(WebSession).where(WebSession.ticket_hash == ticket_hash).with_for_update())


def by_token(token_hash: str, *, session: Session) -> WebSession | None:
    return session.scalar(select(WebSession).where(WebSession.token_hash == token_hash))


def touch(session_id: int, *, now: datetime, session: Session) -> None:
    session.execute(update(WebSession).where(WebSession.id == session_id).values(last_seen_at=now))


def end(token_hash: str, *, now: datetime, session: Session) -> None:
    session.execute(
        update(WebSession)
        .where(WebSession.token_hash == token_hash, WebSession.ended_at.is_(None))
        .values(ended_at=now)
    )


def end_all(account_id: int, *, now: datetime, session: Session, keep_id: int | None = None) -> int:
    """End every open session of the account (but `keep_id`); how many were open."""
    query = update(WebSession).where(WebSession.account_id == account_id, WebSession.ended_at.is_(None))
    if keep_id is not None:
        query = query.where(WebSession.id != keep_id)
    return int(session.execute(query.values(ended_at=now, ticket_hash=None)).rowcount)  # type: ignore[attr-defined]


def revoke_tokens(account_id: int, *, now: datetime, session: Session) -> int:
    """Every API token of the account stops working; how many were live."""
    result = session.execute(
        update(ApiToken)
        .where(ApiToken.account_id == account_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def recovery_codes(account_id: int, *, session: Session) -> list[RecoveryCode]:
    return list(session.scalars(select(RecoveryCode).where(RecoveryCode.account_id == account_id)))


def replace_recovery_codes(account_id: int, code_hashes: list[str], *, session: Session) -> None:
    session.execute(delete(RecoveryCode).where(RecoveryCode.account_id == account_id))
    session.add_all(RecoveryCode(account_id=account_id, code_hash=h) for h in code_hashes)


def use_recovery_code(account_id: int, code_hash: str, *, now: datetime, session: Session) -> bool:
    result = session.execute(
        update(RecoveryCode)
        .where(
            RecoveryCode.account_id == account_id,
            RecoveryCode.code_hash == code_hash,
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=now)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def count_attempt(key: str, window_start: datetime, *, session: Session) -> int:
    """Add one attempt to the key's window and give the window's count, in one statement that two
    processes may run at once (an upsert on both databases)."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = (
        insert(RateCount)
        .values(key=key, window_start=window_start, count=1)
        .on_conflict_do_update(
            index_elements=[RateCount.key, RateCount.window_start], set_={"count": RateCount.count + 1}
        )
        .returning(RateCount.count)
    )
    return int(session.execute(statement).scalar_one())


def forget_windows_before(moment: datetime, *, session: Session) -> None:
    session.execute(delete(RateCount).where(RateCount.window_start < moment))
