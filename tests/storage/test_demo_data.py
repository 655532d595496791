"""The demo agency never gives a worker two overlapping busy shifts (PostgreSQL's exclusion
constraint would refuse them; on SQLite nothing but the generator keeps it so)."""

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from domain.vocabulary import BUSY_SHIFT_STATUSES
from storage import db
from storage.models import Shift


def test_no_worker_in_the_demo_agency_has_two_overlapping_busy_shifts(demo_db: str) -> None:
    first, second = aliased(Shift), aliased(Shift)
    with db.read() as session:
        busy = session.scalar(select(func.count()).where(Shift.status.in_(BUSY_SHIFT_STATUSES)))
        clashes = session.scalar(
            select(func.count())
            .select_from(first)
            .join(
                second,
                and_(
                    second.worker_id == first.worker_id,
                    second.id > first.id,
                    second.starts_at < first.ends_at,
                    second.ends_at > first.starts_at,
                ),
            )
            .where(first.status.in_(BUSY_SHIFT_STATUSES), second.status.in_(BUSY_SHIFT_STATUSES))
        )
    assert busy  # the check means something only if there are busy shifts
    assert clashes == 0
