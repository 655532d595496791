"""matching's shift index carries the shift id on PostgreSQL

Matching's statements name the shift (its id: the busy shift's, and the shifts a re-allocation
leaves out). SQLite's indexes hold the row id already; PostgreSQL's did not, so it read the
table's pages for every shift of the week (about 3,000 pages per search at 5,000 workers)
instead of the index alone.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ["starts_at", "status", "worker_id", "ends_at", "lat", "lon", "client_id"]


def upgrade() -> None:
    op.drop_index("ix_shift_matching", table_name="shift")
    op.create_index("ix_shift_matching", "shift", COLUMNS, postgresql_include=["id"])


def downgrade() -> None:
    op.drop_index("ix_shift_matching", table_name="shift")
    op.create_index("ix_shift_matching", "shift", COLUMNS)
