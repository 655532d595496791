"""Backup and restore: one .tar.gz with the database (SQLite through its online backup API, so the
portal may keep running; PostgreSQL through pg_dump's custom format), the storage secret and every
other file of the data folder, and a manifest naming the schema revision.

Restore puts all of it back (stop every portal process first) and then migrates: a backup made by
an older program is brought up to date; one made by a newer program is refused, changing nothing.
"""

import io
import json
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from storage import db, migrate

FORMAT = 1
SQLITE_FILE, PG_FILE, MANIFEST = "database.sqlite", "database.pgdump", "manifest.json"
DATA_PREFIX = "data/"


class BackupError(RuntimeError):
    """Said to the person at the console as it is."""


def backend(database_url: str) -> str:
    return make_url(database_url).get_backend_name()


def sqlite_path(database_url: str) -> Path:
    return Path(make_url(database_url).database or "")


def _skipped(path: Path, data_dir: Path, database_url: str, archive: Path) -> bool:
    """The live database's own files (the database is backed up through its API) and the archive."""
    if path.resolve() == archive.resolve():
        return True
    if backend(database_url) == "sqlite":
        live = sqlite_path(database_url).resolve()
        return path.resolve() in {live, Path(f"{live}-wal"), Path(f"{live}-shm"), Path(f"{live}-journal")}
    return False


def backup(database_url: str, data_dir: Path, archive: Path) -> dict[str, str]:
    """Write the backup archive; returns its manifest."""
    engine = db.configure(database_url)
    with engine.connect() as connection:
        revision = migrate.current(connection)
    manifest = {
        "format": str(FORMAT),
        "backend": backend(database_url),
        "revision": revision or "",
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    archive.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / (SQLITE_FILE if manifest["backend"] == "sqlite" else PG_FILE)
        if manifest["backend"] == "sqlite":
            _sqlite_copy(sqlite_path(database_url), dump)
        else:
            _run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", _libpq(database_url)])
        partial = archive.with_name(archive.name + ".partial")
        with tarfile.open(partial, "w:gz") as tar:
            _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
            tar.add(dump, arcname=dump.name)
            for path in sorted(data_dir.rglob("*")):
                if path.is_file() and not _skipped(path, data_dir, database_url, archive):
                    if path.name.endswith(".partial"):
                        continue
                    tar.add(path, arcname=DATA_PREFIX + path.relative_to(data_dir).as_posix())
        partial.replace(archive)  # a half-written archive never has the final name
    archive.chmod(0o600)  # it holds the storage secret
    return manifest


def restore(database_url: str, data_dir: Path, archive: Path) -> dict[str, str]:
    """Put the backup back and migrate it to this program's schema; returns its manifest."""
    if not archive.is_file():
        raise BackupError(f"No backup at {archive}.")
    with tarfile.open(archive, "r:gz") as tar, tempfile.TemporaryDirectory() as work:
        try:
            manifest = json.loads(tar.extractfile(MANIFEST).read())  # type: ignore[union-attr]
        except (KeyError, AttributeError, json.JSONDecodeError):
            raise BackupError(f"{archive} is not a Care Portal backup (no manifest).") from None
        if manifest["backend"] != backend(database_url):
            raise BackupError(
                f"That backup holds a {manifest['backend']} database, but DATABASE_URL names a "
                f"{backend(database_url)} one: restore it into the same kind of database."
            )
        if manifest["revision"] and manifest["revision"] not in migrate.known_revisions():
            raise BackupError(
                f"That backup was made by a newer Care Portal (schema revision {manifest['revision']}); "
                f"this one knows revisions up to {migrate.head()}. Use the newer program. "
                "Nothing was changed."
            )
        tar.extractall(work, filter="data")
        dump = Path(work) / (SQLITE_FILE if manifest["backend"] == "sqlite" else PG_FILE)
        if manifest["backend"] == "sqlite":
            db.dispose()
            _sqlite_copy(dump, sqlite_path(database_url))
        else:
            db.dispose()
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    "--exit-on-error",
                    f"--dbname={_libpq(database_url)}",
                    str(dump),
                ]
            )
        saved = Path(work) / DATA_PREFIX
        if saved.is_dir():
            for path in sorted(saved.rglob("*")):
                if path.is_file():
                    target = data_dir / path.relative_to(saved)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, target)
    migrate.upgrade(db.configure(database_url))  # an older backup is brought up to date
    return manifest


def _sqlite_copy(source: Path, target: Path) -> None:
    """SQLite's online backup API: a consistent copy, even while the portal writes."""
    if not source.is_file():
        raise BackupError(f"No SQLite database at {source}.")
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()


def _libpq(database_url: str) -> str:
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed: install PostgreSQL's client programs.")
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[-2000:]}")


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(datetime.now(UTC).timestamp()), 0o600
    tar.addfile(info, io.BytesIO(data))
