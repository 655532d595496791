"""no worker holds two overlapping shifts

On PostgreSQL an exclusion constraint (btree_gist) makes the database itself refuse a second
busy shift over the same time for the same worker, however requests race. SQLite has no such
constraint: there the booking code checks and writes inside one BEGIN IMMEDIATE transaction,
which SQLite runs one at a time.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# NOTE: the same statuses as domain.vocabulary.BUSY_SHIFT_STATUSES, written out because a
# migration must not change when the code does.
BUSY = "('offered', 'allocated', 'completed', 'queried', 'approved', 'billed')"


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    op.execute(
        "ALTER TABLE shift ADD CONSTRAINT ex_shift_worker_overlap EXCLUDE USING gist "
        "(worker_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) "
        f"WHERE (worker_id IS NOT NULL AND status IN {BUSY})"
    )


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE shift DROP CONSTRAINT ex_shift_worker_overlap")
