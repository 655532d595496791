"""The engine and the two kinds of session: reading, and writing in one transaction.

One session per user action (a click, an API call, a job run): callers open it with
`read()` or `write()` and hand it to the query functions.
"""

import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

_engine: Engine | None = None
_read_sessions: sessionmaker[Session] | None = None
_write_sessions: sessionmaker[Session] | None = None

SQLITE_BUSY_TIMEOUT_MS = 15_000
# PostgreSQL's answers that trying again may cure: serialization failure, deadlock, lock not available.
TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
T = TypeVar("T")


def normalise_url(url: str) -> str:
    """Accept the usual `postgresql://` spelling and use the psycopg 3 driver for it."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


@dataclass(frozen=True)
class Pool:
    """How many connections one process keeps and may open, and how long a request waits for one.

    Every use case holds one connection at a time (domain.action), so a request waits for a
    connection only while every one is busy with other requests' short transactions; the timeout
    is a fault's, answered at once with a clear "the portal is busy" instead of a hang. Several
    processes share PostgreSQL's max_connections (100 by default): keep processes x (size +
    overflow) under it.
    """

    size: int = 10
    overflow: int = 20
    timeout_seconds: float = 10.0

    def options(self) -> dict[str, Any]:
        return {"pool_size": self.size, "max_overflow": self.overflow, "pool_timeout": self.timeout_seconds}


def configure(url: str, pool: Pool = Pool(), **engine_options: Any) -> Engine:
    """Point the application at a database; replaces (and disposes) any earlier engine."""
    global _engine, _read_sessions, _write_sessions
    if _engine is not None:
        _engine.dispose()
    url = normalise_url(url)
    engine_options = {**pool.options(), **engine_options}
    write_bind: Engine
    if url.startswith("sqlite"):
        _engine = _sqlite_engine(url, **engine_options)
        write_bind = _engine.execution_options(sqlite_begin="IMMEDIATE")
    else:
        _engine = create_engine(url, pool_pre_ping=True, **engine_options)
        write_bind = _engine
    _read_sessions = sessionmaker(_engine, expire_on_commit=False)
    _write_sessions = sessionmaker(write_bind, expire_on_commit=False)
    return _engine


def _sqlite_engine(url: str, **engine_options: Any) -> Engine:
    engine = create_engine(url, **engine_options)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when a transaction begins.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A read-then-write transaction that starts DEFERRED fails with "database is locked"
        # when another writer got in between; writers take the lock up front instead.
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def engine() -> Engine:
    if _engine is None:
        raise RuntimeError("storage.db.configure() has not been called")
    return _engine


def dispose() -> None:
    """Close every pooled connection (before the database is replaced under them: a restore)."""
    if _engine is not None:
        _engine.dispose()


def is_postgresql() -> bool:
    return engine().dialect.name == "postgresql"


@contextmanager
def read() -> Iterator[Session]:
    """A session for looking only: it never commits, and what it loaded stays readable afterwards."""
    if _read_sessions is None:
        raise RuntimeError("storage.db.configure() has not been called")
    with _read_sessions() as session:
        yield session


@contextmanager
def write() -> Iterator[Session]:
    """A session whose changes commit together when the block ends, or not at all."""
    if _write_sessions is None:
        raise RuntimeError("storage.db.configure() has not been called")
    with _write_sessions.begin() as session:
        yield session


def is_transient(error: BaseException) -> bool:
    """A failure that the same transaction, tried again, may not meet: SQLite busy or locked, or a
    PostgreSQL deadlock, serialization failure or lock timeout."""
    if not isinstance(error, DBAPIError):
        return False
    cause = error.orig
    if isinstance(cause, sqlite3.OperationalError):
        return "locked" in str(cause) or "busy" in str(cause)
    return getattr(cause, "sqlstate", None) in TRANSIENT_SQLSTATES


def retrying(run: Callable[[], T], *, attempts: int = 8, first_wait: float = 0.05) -> T:
    """Run a whole transaction again while it fails transiently, waiting a little longer each time
    (with jitter, so two that collided do not collide again); the last failure is raised."""
    for attempt in range(attempts):
        try:
            return run()
        except DBAPIError as error:
            if attempt == attempts - 1 or not is_transient(error):
                raise
        time.sleep(first_wait * 2**attempt * (0.5 + random.random()))
    raise AssertionError("unreachable")
