"""workforce version stamp for matching's in-memory workforce; an index for its shift reads

Matching keeps the workforce (workers, what they hold, when they work) in each process's memory
and asks one cheap question per search: has it changed? Triggers give the answer: any insert,
update or delete on the tables below adds one to the stamp of the one workforce_version row (a
counter, so that the same data seeded twice gives the same stamp).

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# NOTE: the tables domain.matching.workforce loads; add a table there, add it here (new revision).
TABLES = (
    "worker",
    "worker_competency",
    "worker_characteristic",
    "availability_window",
    "review",
    "competency",
    "characteristic",
    "medal",
)
EVENTS = ("INSERT", "UPDATE", "DELETE")


def upgrade() -> None:
    op.create_table(
        "workforce_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stamp", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workforce_version")),
    )
    op.execute("INSERT INTO workforce_version (id, stamp) VALUES (1, 0)")
    # Busy shifts and weekly hours by time, for every worker, read from the index alone.
    op.create_index(
        "ix_shift_matching",
        "shift",
        ["starts_at", "status", "worker_id", "ends_at", "lat", "lon", "client_id"],
    )
    if op.get_context().dialect.name == "postgresql":
        _postgresql_triggers()
    else:
        _sqlite_triggers()


def _postgresql_triggers() -> None:
    op.execute(
        "CREATE FUNCTION bump_workforce_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "UPDATE workforce_version SET stamp = stamp + 1; "
        "RETURN NULL; END $$"
    )
    for table in TABLES:
        # Once per statement: a bulk insert of 100,000 rows bumps the stamp once.
        op.execute(
            f"CREATE TRIGGER trg_{table}_workforce_version AFTER INSERT OR UPDATE OR DELETE "
            f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION bump_workforce_version()"
        )


def _sqlite_triggers() -> None:
    for table in TABLES:
        for event in EVENTS:
            op.execute(
                f"CREATE TRIGGER trg_{table}_{event.lower()}_workforce_version AFTER {event} ON {table} "
                "BEGIN UPDATE workforce_version SET stamp = stamp + 1; END"
            )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER trg_{table}_workforce_version ON {table}")
        op.execute("DROP FUNCTION bump_workforce_version()")
    else:
        for table in TABLES:
            for event in EVENTS:
                op.execute(f"DROP TRIGGER trg_{table}_{event.lower()}_workforce_version")
    op.drop_index("ix_shift_matching", table_name="shift")
    op.drop_table("workforce_version")
