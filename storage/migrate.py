"""Bring a database's schema up to date, from the first revision, on every start."""

import functools
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS = Path(__file__).parent / "migrations"
# Any fixed 64-bit number: the PostgreSQL advisory lock that lets one process migrate at a time.
MIGRATION_LOCK_KEY = 7_311_904_221


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


class DatabaseNewer(RuntimeError):
    """The database was migrated by a newer Care Portal than this one: nothing is changed."""


@functools.cache
def head() -> str:
    """The newest revision this program knows."""
    revision = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert revision is not None
    return revision


@functools.cache
def known_revisions() -> frozenset[str]:
    return frozenset(
        {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    )


def current(connection: Connection) -> str | None:
    """The database's revision; None before the first migration."""
    return MigrationContext.configure(connection).get_current_revision()


def is_current(engine: Engine) -> bool:
    with engine.connect() as connection:
        return current(connection) == head()


def refuse_if_newer(connection: Connection) -> None:
    revision = current(connection)
    if revision is not None and revision not in known_revisions():
        raise DatabaseNewer(
            f"The database is at schema revision {revision}, which this program does not know: it was "
            f"migrated by a newer Care Portal (this one knows revisions up to {head()}). Run the newer "
            "program, or restore a backup made with this version. Nothing was changed."
        )


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply every migration not yet applied. Safe to call from several processes at once.
    Raises DatabaseNewer, changing nothing, when a newer program migrated the database."""
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            connection.commit()
        try:
            refuse_if_newer(connection)
            connection.commit()
            command.upgrade(alembic_config(connection), revision)
            connection.commit()
        finally:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
                connection.commit()


def is_empty(engine: Engine) -> bool:
    """True when the schema has never been created."""
    return "agency" not in inspect(engine).get_table_names()
