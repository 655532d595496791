"""Allocated shifts coming up that nobody has been reminded of yet."""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.vocabulary import ShiftStatus
from storage.models import Shift


def due(*, now: datetime, until: datetime, limit: int, session: Session) -> list[Shift]:
    """Allocated shifts starting after now and by `until`, not yet reminded, locked (others skip them)."""
    return list(
        session.scalars(
            select(Shift)
            .where(
                Shift.status == ShiftStatus.ALLOCATED,
                Shift.worker_id.is_not(None),
                Shift.reminded_at.is_(None),
                Shift.starts_at > now,
                Shift.starts_at <= until,
            )
            .order_by(Shift.starts_at, Shift.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    )
