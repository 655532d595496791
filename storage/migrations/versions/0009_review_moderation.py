"""moderating reviews: an administrator hides a review with a reason

A hidden review stays in the database (who hid it, when and why are kept for the audit) but leaves
the worker's reviews page and the provider card's review count.

Revision ID: 0009
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("review") as table:
        table.add_column(
            sa.Column("hidden_at", storage.models.base.UTCDateTime(timezone=True), nullable=True)
        )
        table.add_column(sa.Column("hidden_reason", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("review") as table:
        table.drop_column("hidden_reason")
        table.drop_column("hidden_at")
