"""Template databases built once per test run, and a private copy of one for every test.

SQLite: a migrated (and optionally seeded) file, copied per test. PostgreSQL: a fresh database
per run, with templates cloned per test by CREATE DATABASE ... TEMPLATE (a fraction of a second).
"""

import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy
from sqlalchemy import text

from demo import DEMO_PASSWORD, seed_demo
from domain.accounts import passwords
from storage import db, migrate
from tests.support.second_factor import give_admin_second_factor

DEMO_NOW = datetime(2026, 11, 27, 0, 0, tzinfo=UTC)  # 11:00 on Friday 27 November 2026 in Sydney
POSTGRES_ADMIN_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)

_demo_hash: str | None = None


def demo_password_hash(password: str) -> str:
    """Hashed once per run: seeding must not spend a second on argon2 for every persona."""
    global _demo_hash
    assert password == DEMO_PASSWORD
    if _demo_hash is None:
        _demo_hash = passwords.hash_password(DEMO_PASSWORD)
    return _demo_hash


def build(url: str, kind: str) -> None:
    engine = db.configure(url)
    migrate.upgrade(engine)
    if kind == "demo":
        with db.write() as session:
            seed_demo(session, now=DEMO_NOW, hash_password=demo_password_hash)
            give_admin_second_factor(session)
    engine.dispose()


class Templates:
    def __init__(self, folder: Path, missing: Callable[[str], None]) -> None:
        self.folder = folder
        self.missing = missing
        self.run_id = f"{os.getpid()}_{secrets.token_hex(3)}"
        self.built: dict[tuple[str, str], str] = {}
        self.postgres: sqlalchemy.Engine | None = None
        self.postgres_error: str | None = None

    def _admin(self) -> sqlalchemy.Engine:
        if self.postgres is None and self.postgres_error is None:
            engine = sqlalchemy.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
            try:
                with engine.connect() as connection:
                    connection.execute(text("SELECT 1"))
                self.postgres = engine
            except sqlalchemy.exc.OperationalError as error:
                self.postgres_error = str(error).splitlines()[0]
        if self.postgres is None:
            self.missing(f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL} ({self.postgres_error})")
        assert self.postgres is not None
        return self.postgres

    def _pg_url(self, name: str) -> str:
        return str(
            sqlalchemy.make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
        )

    def template(self, backend: str, kind: str) -> str:
        """The URL (SQLite) or database name (PostgreSQL) of the template, built on first use."""
        key = (backend, kind)
        if key not in self.built:
            if backend == "sqlite":
                path = self.folder / f"{kind}.db"
                build(f"sqlite:///{path}", kind)
                self.built[key] = str(path)
            else:
                name = f"care_test_{self.run_id}_{kind}"
                with self._admin().connect() as connection:
                    connection.execute(text(f'CREATE DATABASE "{name}"'))
                build(self._pg_url(name), kind)
                self.built[key] = name
        return self.built[key]

    @contextmanager
    def fresh_copy(self, backend: str, kind: str) -> Iterator[str]:
        """Configure storage to a private copy of the template; the copy is gone afterwards."""
        if backend == "postgresql":
            self._admin()
        source = self.template(backend, kind)
        copy_id = secrets.token_hex(4)
        if backend == "sqlite":
            target = self.folder / f"{kind}_{copy_id}.db"
            shutil.copyfile(source, target)
            url = f"sqlite:///{target}"
        else:
            name = f"{source}_{copy_id}"
            with self._admin().connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{source}"'))
            url = self._pg_url(name)
        engine = db.configure(url)
        try:
            yield url
        finally:
            engine.dispose()
            if backend == "sqlite":
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{target}{suffix}").unlink(missing_ok=True)
            else:
                with self._admin().connect() as connection:
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def drop_all(self) -> None:
        if self.postgres is None:
            return
        with self.postgres.connect() as connection:
            for (backend, _kind), name in self.built.items():
                if backend == "postgresql":
                    connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.postgres.dispose()
