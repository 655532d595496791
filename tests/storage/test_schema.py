"""The schema comes from the migrations, matches the models, and is set up for safe concurrent use."""

import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text

from storage import db, migrate
from storage.models import Base, JobLease


def test_migrations_build_exactly_the_models(empty_db: str) -> None:
    with db.engine().connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrading_twice_changes_nothing(empty_db: str) -> None:
    migrate.upgrade(db.engine())
    with db.engine().connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    head = ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    assert head is not None
    assert revision == head


def test_times_are_stored_in_utc_and_read_back_aware(empty_db: str) -> None:
    sydney_summer = timezone(timedelta(hours=11))
    with db.write() as session:
        session.add(
            JobLease(name="x", holder="me", expires_at=datetime(2026, 12, 1, 9, 30, tzinfo=sydney_summer))
        )
    with db.read() as session:
        stored = session.scalar(select(JobLease.expires_at))
    assert stored == datetime(2026, 11, 30, 22, 30, tzinfo=UTC)
    assert stored.utcoffset() == timedelta(0)


def test_a_naive_datetime_is_refused(empty_db: str) -> None:
    with pytest.raises(Exception, match="naive datetime"), db.write() as session:
        session.add(JobLease(name="x", holder="me", expires_at=datetime(2026, 12, 1, 9, 30)))


@pytest.mark.parametrize("backend", ["sqlite"])
def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(empty_db: str) -> None:
    with db.engine().connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == db.SQLITE_BUSY_TIMEOUT_MS


def test_concurrent_read_then_write_transactions_all_commit(empty_db: str) -> None:
    """Each writer reads the counter then writes it back; with BEGIN IMMEDIATE on SQLite (and row
    locks on PostgreSQL) none fails with "database is locked" and no increment is lost."""
    with db.write() as session:
        session.add(JobLease(name="counter", holder="0", expires_at=datetime(2026, 1, 1, tzinfo=UTC)))
    errors: list[Exception] = []

    def increment() -> None:
        try:
            for _ in range(10):
                with db.write() as session:
                    lease = session.scalar(
                        select(JobLease).where(JobLease.name == "counter").with_for_update()
                    )
                    assert lease is not None
                    lease.holder = str(int(lease.holder) + 1)
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=increment) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with db.read() as session:
        assert session.scalar(select(JobLease.holder).where(JobLease.name == "counter")) == "60"


def test_0016_goes_down_and_up_again_and_retiring_still_moves_the_workforce_stamp(empty_db: str) -> None:
    with db.engine().connect() as connection:
        command.downgrade(migrate.alembic_config(connection), "0015")
        connection.commit()
        assert migrate.current(connection) == "0015"
        columns = {c["name"] for c in inspect(connection).get_columns("competency")}
        assert "active" not in columns
    migrate.upgrade(db.engine())
    with db.engine().begin() as connection:
        connection.execute(
            text(
                "INSERT INTO competency (code, name, kind, glyph, expires) "
                "VALUES ('c1', 'C1', 'skill', 'badge', false)"
            )
        )
        before = connection.execute(text("SELECT stamp FROM workforce_version")).scalar_one()
        connection.execute(text("UPDATE competency SET active = false WHERE code = 'c1'"))
        assert connection.execute(text("SELECT stamp FROM workforce_version")).scalar_one() > before
    with db.engine().connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
