"""reading language: each account keeps the language its pages, e-mails and statements are in

Every existing account reads English (Australia), as it always has.

Revision ID: 0019
Revises: 0018
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain ALTER TABLE, not a batch: a batch rebuilds `account` on SQLite, and dropping the old table
# would cascade to every row that refers to an account (carer links, sessions, tokens).
def upgrade() -> None:
    op.add_column("account", sa.Column("language", sa.String(12), nullable=False, server_default="en_AU"))


def downgrade() -> None:
    op.drop_column("account", "language")
