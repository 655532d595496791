"""marketing: files under the data folder, captions, the audience "everyone", drafts and
withdrawals, who opened what, the e-mail notices sent, and the "communications" permission

Revision ID: 0013
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0013"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_TIME = storage.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("account") as table:
        table.add_column(sa.Column("communications", sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table("marketing_item") as table:
        table.add_column(sa.Column("media_path", sa.String(length=120), nullable=True))
        table.add_column(sa.Column("media_type", sa.String(length=80), nullable=True))
        table.add_column(sa.Column("poster_path", sa.String(length=120), nullable=True))
        table.add_column(sa.Column("captions_path", sa.String(length=120), nullable=True))
        table.add_column(
            sa.Column(
                "state",
                sa.Enum("draft", "scheduled", "withdrawn", name="newsstate", native_enum=False, length=32),
                server_default="draft",
                nullable=False,
            )
        )
        table.add_column(sa.Column("to_everyone", sa.Boolean(), server_default=sa.false(), nullable=False))
        table.add_column(
            sa.Column("notify_by_email", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        table.add_column(sa.Column("updated_at", UTC_TIME, nullable=True))
        table.create_index("ix_marketing_item_showing", ["state", "publish_from"], unique=False)
    with op.batch_alter_table("client_marketing_group") as table:
        table.create_index("ix_client_marketing_group_group_id", ["group_id"], unique=False)
    op.create_table(
        "marketing_view",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("first_opened_at", UTC_TIME, nullable=False),
        sa.Column("last_opened_at", UTC_TIME, nullable=False),
        sa.Column("opens", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_marketing_view_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_marketing_view_client_id_client"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["marketing_item.id"],
            name=op.f("fk_marketing_view_item_id_marketing_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_marketing_view")),
        sa.UniqueConstraint(
            "item_id", "client_id", "account_id", name=op.f("uq_marketing_view_item_id_client_id_account_id")
        ),
    )
    with op.batch_alter_table("marketing_view") as table:
        table.create_index(table.f("ix_marketing_view_client_id"), ["client_id"], unique=False)
    op.create_table(
        "marketing_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("queued_at", UTC_TIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_marketing_notice_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["marketing_item.id"],
            name=op.f("fk_marketing_notice_item_id_marketing_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_marketing_notice")),
        sa.UniqueConstraint("item_id", "account_id", name=op.f("uq_marketing_notice_item_id_account_id")),
    )


def downgrade() -> None:
    op.drop_table("marketing_notice")
    with op.batch_alter_table("marketing_view") as table:
        table.drop_index(table.f("ix_marketing_view_client_id"))
    op.drop_table("marketing_view")
    with op.batch_alter_table("client_marketing_group") as table:
        table.drop_index("ix_client_marketing_group_group_id")
    with op.batch_alter_table("marketing_item") as table:
        table.drop_index("ix_marketing_item_showing")
        for column in (
            "updated_at",
            "notify_by_email",
            "to_everyone",
            "state",
            "captions_path",
            "poster_path",
            "media_type",
            "media_path",
        ):
            table.drop_column(column)
    with op.batch_alter_table("account") as table:
        table.drop_column("communications")
