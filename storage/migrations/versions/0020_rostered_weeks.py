"""rostered weeks: each worker's busy minutes per week, kept by triggers on shift

A search must leave out the workers a shift would take past their weekly maximum. Adding up every
busy shift of the horizon for that was a third of a weekly series' search at 5,000 workers; kept
per worker and week, with an index by week and minutes, the few workers near their maximum are
read directly. Triggers keep the totals (any insert, delete or change of a shift's worker, times
or status), so no path that writes shifts can forget to.

The weeks are UTC weeks, each named by its Monday: a trigger cannot know the agency's time zone
(SQLite has none). Matching adds and takes away the hours between a UTC week and the agency's own
(storage.queries.matching.rostered_minutes).

A later migration that rebuilds `shift` on SQLite (`batch_alter_table`) drops these triggers with
the old table and must create them again.

Revision ID: 0020
Revises: 0019
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# NOTE: the same statuses as domain.vocabulary.BUSY_SHIFT_STATUSES, written out because a
# migration must not change when the code does (as in 0002).
BUSY = "('offered', 'allocated', 'completed', 'queried', 'approved', 'billed')"

# Each shift counts in the UTC week it starts, for its whole length in whole minutes.
SQLITE_WEEK = "date({row}.starts_at, '-6 days', 'weekday 1')"
SQLITE_MINUTES = (
    "(CAST(strftime('%s', {row}.ends_at) AS INTEGER) - CAST(strftime('%s', {row}.starts_at) AS INTEGER)) / 60"
)
POSTGRESQL_WEEK = "CAST(date_trunc('week', {row}.starts_at AT TIME ZONE 'UTC') AS DATE)"
POSTGRESQL_MINUTES = "CAST(ROUND(date_part('epoch', {row}.ends_at - {row}.starts_at)) AS INTEGER) / 60"


def upgrade() -> None:
    op.create_table(
        "rostered_week",
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("week", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_rostered_week_worker_id_worker"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("worker_id", "week", name=op.f("pk_rostered_week")),
    )
    op.create_index("ix_rostered_week_week_minutes", "rostered_week", ["week", "minutes"])
    postgresql = op.get_context().dialect.name == "postgresql"
    week, minutes = (POSTGRESQL_WEEK, POSTGRESQL_MINUTES) if postgresql else (SQLITE_WEEK, SQLITE_MINUTES)
    op.execute(
        f"INSERT INTO rostered_week (worker_id, week, minutes) "
        f"SELECT shift.worker_id, {week.format(row='shift')}, SUM({minutes.format(row='shift')}) FROM shift "
        f"WHERE shift.worker_id IS NOT NULL AND shift.status IN {BUSY} GROUP BY 1, 2"
    )
    if postgresql:
        _postgresql_triggers()
    else:
        _sqlite_triggers()


def _counted(row: str) -> str:
    return f"{row}.worker_id IS NOT NULL AND {row}.status IN {BUSY}"


def _sqlite_triggers() -> None:
    def add(row: str) -> str:
        return (
            f"INSERT INTO rostered_week (worker_id, week, minutes) SELECT {row}.worker_id, "
            f"{SQLITE_WEEK.format(row=row)}, {SQLITE_MINUTES.format(row=row)} WHERE {_counted(row)} "
            "ON CONFLICT (worker_id, week) DO UPDATE SET minutes = minutes + excluded.minutes;"
        )

    def take(row: str) -> str:
        return (
            f"UPDATE rostered_week SET minutes = minutes - {SQLITE_MINUTES.format(row=row)} "
            f"WHERE worker_id = {row}.worker_id AND week = {SQLITE_WEEK.format(row=row)} AND {_counted(row)};"
        )

    op.execute(f"CREATE TRIGGER trg_shift_insert_rostered_week AFTER INSERT ON shift BEGIN {add('NEW')} END")
    op.execute(f"CREATE TRIGGER trg_shift_delete_rostered_week AFTER DELETE ON shift BEGIN {take('OLD')} END")
    op.execute(
        "CREATE TRIGGER trg_shift_update_rostered_week AFTER UPDATE OF worker_id, starts_at, ends_at, status "
        f"ON shift BEGIN {take('OLD')} {add('NEW')} END"
    )


def _postgresql_triggers() -> None:
    op.execute(
        "CREATE FUNCTION keep_rostered_week() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP IN ('UPDATE', 'DELETE') AND {_counted('OLD')} THEN "
        f"UPDATE rostered_week SET minutes = minutes - {POSTGRESQL_MINUTES.format(row='OLD')} "
        f"WHERE worker_id = OLD.worker_id AND week = {POSTGRESQL_WEEK.format(row='OLD')}; "
        "END IF; "
        f"IF TG_OP IN ('UPDATE', 'INSERT') AND {_counted('NEW')} THEN "
        "INSERT INTO rostered_week (worker_id, week, minutes) VALUES "
        f"(NEW.worker_id, {POSTGRESQL_WEEK.format(row='NEW')}, {POSTGRESQL_MINUTES.format(row='NEW')}) "
        "ON CONFLICT (worker_id, week) DO UPDATE SET minutes = rostered_week.minutes + EXCLUDED.minutes; "
        "END IF; "
        "RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER trg_shift_rostered_week AFTER INSERT OR DELETE OR UPDATE OF worker_id, starts_at, "
        "ends_at, status ON shift FOR EACH ROW EXECUTE FUNCTION keep_rostered_week()"
    )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP TRIGGER trg_shift_rostered_week ON shift")
        op.execute("DROP FUNCTION keep_rostered_week()")
    else:
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER trg_shift_{event}_rostered_week")
    op.drop_index("ix_rostered_week_week_minutes", table_name="rostered_week")
    op.drop_table("rostered_week")
