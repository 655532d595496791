"""carer access: each carer–client link gains the carer's access level (view; view and book/cancel;
view, book/cancel and approve/query) and whether the carer receives the client's statements

Existing links get the most permissive level, "approve", and receive statements: that is what every
linked carer could do before this revision, so nothing changes for an agency until its staff set a
carer's access on the client's back-office page.

Revision ID: 0018
Revises: 0017
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("carer_link") as table:
        table.add_column(
            sa.Column(
                "access_level",
                sa.Enum("view", "book", "approve", name="careraccess", native_enum=False, length=32),
                nullable=False,
                server_default="approve",
            )
        )
        table.add_column(
            sa.Column("receives_statements", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("carer_link") as table:
        table.drop_column("receives_statements")
        table.drop_column("access_level")
