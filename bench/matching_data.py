"""The benchmark agency for `make bench-matching`: built once on SQLite, copied to PostgreSQL,
and kept under bench/results/ for BENCH_REUSE=1."""

import time
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy
from sqlalchemy import func, insert, select, text

from demo import AgencySpec, generate
from storage import db, migrate
from storage.models import Base, Shift, Worker

NOW = datetime(2026, 11, 27, 0, 0, tzinfo=UTC)  # Friday 27 November 2026, 11:00 in Sydney
SPEC = AgencySpec(
    clients=500,
    workers=5000,
    weeks_past=72,
    weeks_future=8,
    bookings_per_client=(3, 4),
    visits_per_service=(2, 4),
    portraits=False,
    seed=3_000_250,
)
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PG_NAME = "bench_matching"
CHUNK = 20_000


def counts(url: str) -> tuple[int, int]:
    """(workers, shifts) in the database at `url`, or (0, 0) when it has none yet."""
    engine = sqlalchemy.create_engine(db.normalise_url(url))
    try:
        with engine.connect() as connection:
            workers = connection.scalar(select(func.count()).select_from(Worker)) or 0
            shifts = connection.scalar(select(func.count()).select_from(Shift)) or 0
            return workers, shifts
    except sqlalchemy.exc.SQLAlchemyError:
        return 0, 0
    finally:
        engine.dispose()


def upgrade(url: str) -> None:
    """A reused agency brought to the newest migration, with fresh planner statistics when that
    changed anything (a new index, say)."""
    engine = sqlalchemy.create_engine(db.normalise_url(url))
    try:
        with engine.connect() as connection:
            before = connection.scalar(text("SELECT version_num FROM alembic_version"))
        migrate.upgrade(engine)
        with engine.connect() as connection:
            after = connection.scalar(text("SELECT version_num FROM alembic_version"))
        if after != before:
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.exec_driver_sql("ANALYZE")
    finally:
        engine.dispose()


def build_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    engine = db.configure(f"sqlite:///{path}")
    migrate.upgrade(engine)
    with db.write() as session:
        made = generate(session, SPEC, now=NOW)
    with engine.connect() as connection:  # the planner's statistics, as a long-running portal has
        connection.exec_driver_sql("ANALYZE")
    engine.dispose()
    print(f"built {path.name}: {made.shifts:,} shifts in {time.perf_counter() - started:.0f} s", flush=True)


def pg_url(name: str = PG_NAME) -> str:
    return sqlalchemy.make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)


def copy_to_postgres(sqlite_path: Path) -> None:
    """Copy every table, in bulk, into a freshly migrated bench_matching database."""
    started = time.perf_counter()
    admin = sqlalchemy.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{PG_NAME}"'))
    admin.dispose()
    target = db.configure(pg_url())
    migrate.upgrade(target)
    source = sqlalchemy.create_engine(f"sqlite:///{sqlite_path}")
    with source.connect() as reading, target.begin() as writing:
        # Rows arrive in dependency order already checked by SQLite; skip the FK triggers.
        writing.execute(text("SET session_replication_role = replica"))
        writing.execute(text("DELETE FROM workforce_version"))
        for table in Base.metadata.sorted_tables:
            rows = [dict(row._mapping) for row in reading.execute(select(table))]
            for offset in range(0, len(rows), CHUNK):
                writing.execute(insert(table), rows[offset : offset + CHUNK])
            if "id" in table.c and rows:
                writing.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), :top)"),
                    {"top": max(row["id"] for row in rows)},
                )
        writing.execute(text("SET session_replication_role = DEFAULT"))
    with target.connect() as connection:  # as autovacuum would: statistics, and the visibility map
        connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    source.dispose()
    target.dispose()
    print(f"copied to PostgreSQL {PG_NAME} in {time.perf_counter() - started:.0f} s", flush=True)
