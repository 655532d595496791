"""Importing the clients file on SQLite and PostgreSQL: problems by row and column with nothing
written, a good file in one go, the same file again (or its export) changing nothing."""

import pytest
from sqlalchemy import func, select

from demo import import_file
from domain.accounts.access import Actor
from domain.transfer import client_rows, clients
from domain.transfer.sheets import Format
from domain.vocabulary import Role
from storage import db
from storage.models import Client


@pytest.fixture
def admin(empty_db: str) -> Actor:
    with db.write() as session:
        account_id = import_file.prepare_empty_agency(session)
    return Actor(account_id, Role.ADMIN, "Import Administrator")


def client_count() -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Client)) or 0


def test_clients_import_once_and_again_nothing_changes(admin: Actor) -> None:
    data = import_file.as_csv(import_file.client_rows(30), list(client_rows.COLUMNS))
    assert clients.check(admin, "clients.csv", data).added == 30
    assert client_count() == 0
    done = clients.apply(admin, "clients.csv", data)
    assert (done.problems, done.added, done.applied) == ((), 30, True)
    again = clients.apply(admin, "clients.csv", data)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 30)
    assert client_count() == 30


@pytest.mark.parametrize("fmt", [Format.CSV, Format.XLSX])
def test_the_clients_export_round_trips(admin: Actor, fmt: Format) -> None:
    original = import_file.as_csv(import_file.client_rows(12), list(client_rows.COLUMNS))
    clients.apply(admin, "clients.csv", original)
    exported = clients.export(admin, fmt)
    again = clients.apply(admin, f"clients.{fmt.value}", exported)
    assert (again.problems, again.added, again.changed, again.unchanged) == ((), 0, 0, 12)
    if fmt == Format.CSV:
        assert exported == original


def test_bad_client_rows_are_each_reported_and_nothing_is_written(admin: Actor) -> None:
    rows = import_file.client_rows(10)
    rows[2][client_rows.COLUMNS.index("date_of_birth")] = "yesterday"
    rows[5][client_rows.COLUMNS.index("interpreter_needed")] = "perhaps"
    rows[7][client_rows.COLUMNS.index("client_number")] = rows[0][0]
    report = clients.apply(admin, "clients.csv", import_file.as_csv(rows, list(client_rows.COLUMNS)))
    assert [(p.row, p.column) for p in report.problems] == [
        (4, "date_of_birth"),
        (7, "interpreter_needed"),
        (9, "client_number"),
    ]
    assert not report.applied
    assert client_count() == 0
