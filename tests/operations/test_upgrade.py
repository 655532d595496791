"""The upgrade path, on SQLite and PostgreSQL: a newer program migrates an older database; a
database migrated by a newer program is refused with a clear message, and nothing changes."""

import pytest
from alembic import command
from sqlalchemy import text

from operations.cli import main as command_line
from storage import db, migrate


def revision() -> str | None:
    with db.engine().connect() as connection:
        return migrate.current(connection)


def test_an_older_database_is_brought_up_to_date(empty_db: str) -> None:
    with db.engine().begin() as connection:  # the database as the program of revision 0005 left it
        command.downgrade(migrate.alembic_config(connection), "0005")
    assert revision() == "0005"
    migrate.upgrade(db.engine())
    assert revision() == migrate.head()


def test_a_newer_database_is_refused_and_left_as_it_is(
    empty_db: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    with db.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(migrate.DatabaseNewer) as refused:
        migrate.upgrade(db.engine())
    assert "9999" in str(refused.value)
    assert "newer Care Portal" in str(refused.value)
    assert revision() == "9999"
    # The command line says so and stops with an error status, changing nothing.
    monkeypatch.setenv("STORAGE_SECRET", "x" * 40)
    assert command_line(["migrate", "--database-url", empty_db, "--data-dir", str(tmp_path)]) == 2
    assert "newer Care Portal" in capsys.readouterr().err
    db.configure(empty_db)
    assert revision() == "9999"
