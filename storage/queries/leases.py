"""The job lease rows: which process runs the scheduled jobs, until when."""

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from storage.models import JobLease

NEVER_HELD = datetime(2000, 1, 1, tzinfo=UTC)


def locked(name: str, *, session: Session) -> JobLease:
    """The lease row, locked for this transaction; created (expired, held by no one) on first use.

    INSERT ... ON CONFLICT DO NOTHING: two processes starting together both succeed, and then
    queue on the row lock.
    """
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(
        dialect.insert(JobLease)
        .values(name=name, holder="", expires_at=NEVER_HELD)
        .on_conflict_do_nothing(index_elements=[JobLease.name])
    )
    lease = session.scalar(select(JobLease).where(JobLease.name == name).with_for_update())
    assert lease is not None
    return lease


def get(name: str, *, session: Session) -> JobLease | None:
    return session.scalar(select(JobLease).where(JobLease.name == name))
