"""calendar feeds: a private iCalendar address per account and per whose visits it shows (only the
hash of its secret kept), and a version on every shift that goes up when its time, worker, service
or status changes — a feed's SEQUENCE, so a phone's calendar takes the change

The version is kept by database triggers rather than by the code that changes a shift, so no path
(a use case, a bulk update, the back office) can move a visit without it counting.

Revision ID: 0017
Revises: 0016
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

UTC_TIME = storage.models.base.UTCDateTime(timezone=True)

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What a calendar shows of a visit: a change to any of these is a new SEQUENCE.
WATCHED = ("starts_at", "ends_at", "worker_id", "service_id", "status")


def upgrade() -> None:
    op.create_table(
        "calendar_feed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("worker_id", sa.Integer(), nullable=True),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTC_TIME, nullable=False),
        sa.CheckConstraint(
            "(client_id IS NULL) != (worker_id IS NULL)", name=op.f("ck_calendar_feed_one_subject")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["account.id"],
            name=op.f("fk_calendar_feed_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_calendar_feed_client_id_client"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_calendar_feed_worker_id_worker"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_feed")),
        sa.UniqueConstraint("account_id", "client_id", name=op.f("uq_calendar_feed_account_id_client_id")),
        sa.UniqueConstraint("account_id", "worker_id", name=op.f("uq_calendar_feed_account_id_worker_id")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_calendar_feed_token_hash")),
    )
    op.add_column("shift", sa.Column("version", sa.Integer(), server_default="1", nullable=False))
    if op.get_context().dialect.name == "postgresql":
        changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in WATCHED)
        op.execute(
            "CREATE FUNCTION bump_shift_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "NEW.version := OLD.version + 1; RETURN NEW; END $$"
        )
        op.execute(
            f"CREATE TRIGGER trg_shift_version BEFORE UPDATE ON shift FOR EACH ROW WHEN ({changed}) "
            "EXECUTE FUNCTION bump_shift_version()"
        )
    else:
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in WATCHED)
        # The inner UPDATE changes none of the watched columns, so it never fires this again.
        op.execute(
            f"CREATE TRIGGER trg_shift_version AFTER UPDATE ON shift WHEN {changed} "
            "BEGIN UPDATE shift SET version = OLD.version + 1 WHERE id = NEW.id; END"
        )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP TRIGGER trg_shift_version ON shift")
        op.execute("DROP FUNCTION bump_shift_version()")
    else:
        op.execute("DROP TRIGGER trg_shift_version")
    with op.batch_alter_table("shift") as table:
        table.drop_column("version")
    op.drop_table("calendar_feed")
