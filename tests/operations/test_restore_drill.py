"""The restore drill, on SQLite and PostgreSQL: back up, change data, restore — the change is gone
and every table, the storage secret and the data folder's files are byte for byte what was backed
up."""

import json
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from operations import backup
from storage import db
from storage.models import Base, Client


def table_dump() -> bytes:
    """Every row of every table, in primary-key order, as bytes to compare."""
    tables = {}
    with db.read() as session:
        for table in Base.metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            tables[table.name] = [repr(tuple(row)) for row in session.execute(select(table).order_by(*order))]
        tables["alembic_version"] = [
            repr(row) for row in session.execute(text("SELECT * FROM alembic_version"))
        ]
    return json.dumps(tables, sort_keys=True).encode()


def files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith("care-portal.db")
    }


def test_a_restore_undoes_the_change_and_keeps_the_rest_byte_for_byte(demo_db: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "uploads").mkdir(parents=True)
    (data / "storage_secret").write_text("s" * 64)
    (data / "uploads" / "letterhead.png").write_bytes(bytes(range(256)) * 8)
    before, kept_files = table_dump(), files(data)
    archive = tmp_path / "backups" / "care-portal.tar.gz"

    made = backup.backup(demo_db, data, archive)
    assert made["backend"] == db.engine().dialect.name
    with db.write() as session:  # the change a restore must undo
        session.execute(update(Client).where(Client.id == 1).values(first_name="Changed"))
        session.execute(text("DELETE FROM audit_event"))
    (data / "storage_secret").write_text("t" * 64)
    (data / "uploads" / "letterhead.png").write_bytes(b"overwritten")
    assert table_dump() != before

    backup.restore(demo_db, data, archive)

    db.configure(demo_db)
    with db.read() as session:
        assert session.scalar(select(Client.first_name).where(Client.id == 1)) != "Changed"
    assert table_dump() == before
    assert files(data) == kept_files


def test_a_backup_of_the_other_kind_of_database_is_refused(demo_db: str, tmp_path: Path) -> None:
    archive = tmp_path / "care-portal.tar.gz"
    backup.backup(demo_db, tmp_path / "data", archive)
    other = "postgresql://nobody@127.0.0.1/none" if demo_db.startswith("sqlite") else "sqlite:////nowhere.db"
    with pytest.raises(backup.BackupError, match="same kind of database"):
        backup.restore(other, tmp_path / "data", archive)
    db.configure(demo_db)
