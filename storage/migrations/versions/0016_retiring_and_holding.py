"""retiring competencies and characteristics; declining a booking past the approved hours

A retired competency or characteristic (`active` false) stays on workers' records, on existing
requirements and on past visits, but is no longer offered for new ones. A booking past the approved
hours may now be declined with a reason (who and when), which cancels its waiting visits.

The columns are added with plain ALTER TABLE (no table rebuild), so the workforce stamp's SQLite
triggers on `competency` and `characteristic` (0003, restored in 0015) are kept.

Revision ID: 0016
Revises: 0015
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

UTC_TIME = storage.models.base.UTCDateTime(timezone=True)

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("competency", "characteristic"):
        op.add_column(table, sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column("booking", sa.Column("beyond_declined_at", UTC_TIME, nullable=True))
    op.add_column("booking", sa.Column("beyond_declined_by", sa.String(length=120), nullable=True))
    op.add_column("booking", sa.Column("beyond_declined_reason", sa.String(length=300), nullable=True))


def downgrade() -> None:
    # Batch mode on SQLite rebuilds these tables: 0015's way of restoring the triggers is repeated.
    with op.batch_alter_table("booking") as table:
        table.drop_column("beyond_declined_reason")
        table.drop_column("beyond_declined_by")
        table.drop_column("beyond_declined_at")
    for name in ("characteristic", "competency"):
        with op.batch_alter_table(name) as table:
            table.drop_column("active")
    if op.get_context().dialect.name == "sqlite":
        for name in ("competency", "characteristic"):
            for event in ("INSERT", "UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER IF NOT EXISTS trg_{name}_{event.lower()}_workforce_version "
                    f"AFTER {event} ON {name} BEGIN UPDATE workforce_version SET stamp = stamp + 1; END"
                )
