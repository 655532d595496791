"""the audit log is append-only and names whose client record was viewed or changed

Each audit row gains the client whose record it touched, the person's name and role as they were,
and whether it came through the portal or the API. The account's foreign key goes: its ON DELETE
SET NULL would be an UPDATE of the log. Triggers refuse UPDATE and DELETE (and, on PostgreSQL,
TRUNCATE) of audit rows on both databases.

Note for later migrations: on SQLite a batch_alter_table("audit_event") rebuilds the table and
drops its triggers; such a migration must create them again (see `create_triggers`).

Revision ID: 0008
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFUSAL = "audit_event is append-only: its rows cannot be changed or deleted"


def upgrade() -> None:
    with op.batch_alter_table("audit_event") as table:
        table.drop_constraint("fk_audit_event_account_id_account", type_="foreignkey")
        table.add_column(sa.Column("actor_name", sa.String(length=120), server_default="", nullable=False))
        table.add_column(sa.Column("actor_role", sa.String(length=20), server_default="", nullable=False))
        table.add_column(sa.Column("channel", sa.String(length=10), server_default="portal", nullable=False))
        table.add_column(sa.Column("client_id", sa.Integer(), nullable=True))
        table.create_index("ix_audit_event_client", ["client_id", "at"], unique=False)
        table.create_index("ix_audit_event_at", ["at"], unique=False)
    # Earlier rows about a client record say so in entity/entity_id: fill client_id for them.
    op.execute("UPDATE audit_event SET client_id = entity_id WHERE entity = 'client'")
    create_triggers()


def create_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"""
            CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'insufficient_privilege';
            END
            $$
            """
        )
        op.execute(
            "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event "
            "FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_event_no_{event.lower()} BEFORE {event} ON audit_event "
                f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
            )


def drop_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event")
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_change ON audit_event")
        op.execute("DROP FUNCTION IF EXISTS audit_event_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_event_no_delete")


def downgrade() -> None:
    drop_triggers()
    with op.batch_alter_table("audit_event") as table:
        table.drop_index("ix_audit_event_at")
        table.drop_index("ix_audit_event_client")
        table.drop_column("client_id")
        table.drop_column("channel")
        table.drop_column("actor_role")
        table.drop_column("actor_name")
        table.create_foreign_key(
            "fk_audit_event_account_id_account", "account", ["account_id"], ["id"], ondelete="SET NULL"
        )
