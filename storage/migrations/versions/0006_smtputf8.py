"""whether the agency's mail server takes international addresses

The dispatcher notes what the server said (SMTPUTF8 offered or not) each time it connects, so the
profile can tell a client at once that an address like margarét@example.com would not arrive.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("agency") as table:
        table.add_column(sa.Column("smtp_utf8", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("agency") as table:
        table.drop_column("smtp_utf8")
