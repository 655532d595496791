"""an issued statement is kept as issued, and a charge carries its date of service

`statement.content` holds the statement exactly as it was issued (and e-mailed), so re-opening it
shows the same thing whatever changes later. `ledger_entry.service_date` is the day the work was
done: a late charge is entered on the first open month but still says which day it was for.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("statement") as table:
        table.add_column(sa.Column("content", sa.Text(), nullable=True))
    with op.batch_alter_table("ledger_entry") as table:
        table.add_column(sa.Column("service_date", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ledger_entry") as table:
        table.drop_column("service_date")
    with op.batch_alter_table("statement") as table:
        table.drop_column("content")
