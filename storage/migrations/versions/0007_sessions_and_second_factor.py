"""sessions kept in the database, staff two-factor, rate limits

Browser sessions move from NiceGUI's per-browser storage into a table, so a new identity can be
given at sign-in and every session of an account ended at once; staff accounts get a TOTP secret and
recovery codes; sign-in, token and invitation attempts are counted per address and per account in
the database, so the limits hold across processes.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.models.base import UTCDateTime

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("account") as table:
        table.add_column(sa.Column("totp_secret", sa.String(64), nullable=True))
        table.add_column(sa.Column("totp_last_step", sa.Integer(), nullable=True))
    op.create_table(
        "web_session",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "account_id",
            sa.Integer(),
            sa.ForeignKey("account.id", ondelete="CASCADE", name="fk_web_session_account_id_account"),
            nullable=False,
        ),
        sa.Column("ticket_hash", sa.String(64), nullable=True),
        sa.Column("ticket_expires_at", UTCDateTime(), nullable=True),
        sa.Column("token_hash", sa.String(64), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("keep", sa.Boolean(), nullable=False),
        sa.Column("enrol_only", sa.Boolean(), nullable=False),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_web_session"),
        sa.UniqueConstraint("ticket_hash", name="uq_web_session_ticket_hash"),
        sa.UniqueConstraint("token_hash", name="uq_web_session_token_hash"),
    )
    op.create_index("ix_web_session_account_id", "web_session", ["account_id"])
    op.create_table(
        "recovery_code",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "account_id",
            sa.Integer(),
            sa.ForeignKey("account.id", ondelete="CASCADE", name="fk_recovery_code_account_id_account"),
            nullable=False,
        ),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("used_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_recovery_code"),
    )
    op.create_index("ix_recovery_code_account_id", "recovery_code", ["account_id"])
    op.create_table(
        "rate_count",
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("window_start", UTCDateTime(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", "window_start", name="pk_rate_count"),
    )
    op.create_index("ix_rate_count_window", "rate_count", ["window_start"])


def downgrade() -> None:
    op.drop_table("rate_count")
    op.drop_table("recovery_code")
    op.drop_table("web_session")
    with op.batch_alter_table("account") as table:
        table.drop_column("totp_last_step")
        table.drop_column("totp_secret")
