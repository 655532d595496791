"""Importing the workers file into an empty agency, on SQLite and PostgreSQL: a dry run and
applying report every problem by row and column and write nothing; a good file is written in one
go; the same file again, or the export of what was written, changes nothing."""

import pytest
from sqlalchemy import func, select

from demo import import_file
from domain.accounts.access import Actor
from domain.backoffice import catalogue
from domain.errors import InvalidInput, NotAllowed
from domain.transfer import workers
from domain.transfer.sheets import Format
from domain.vocabulary import Role
from storage import db
from storage.models import AvailabilityWindow, Competency, Worker, WorkerCompetency, WorkforceVersion


@pytest.fixture
def admin(empty_db: str) -> Actor:
    with db.write() as session:
        account_id = import_file.prepare_empty_agency(session)
    return Actor(account_id, Role.ADMIN, "Import Administrator")


def counts() -> tuple[int, int, int]:
    with db.read() as session:
        return (
            session.scalar(select(func.count()).select_from(Worker)) or 0,
            session.scalar(select(func.count()).select_from(WorkerCompetency)) or 0,
            session.scalar(select(func.count()).select_from(AvailabilityWindow)) or 0,
        )


def stamp() -> int:
    with db.read() as session:
        return session.scalar(select(WorkforceVersion.stamp)) or 0


def test_a_good_file_is_written_and_the_same_file_again_changes_nothing(admin: Actor) -> None:
    data = import_file.as_csv(import_file.worker_rows(40))
    dry = workers.check(admin, "workers.csv", data)
    assert (dry.problems, dry.added, dry.applied) == ((), 40, False)
    assert counts() == (0, 0, 0)
    before = stamp()
    done = workers.apply(admin, "workers.csv", data)
    assert (done.problems, done.added, done.changed, done.applied) == ((), 40, 0, True)
    written = counts()
    assert written[0] == 40
    assert written[1] >= 80
    assert written[2] >= 120
    assert stamp() != before  # matching reloads the workforce
    after_first = stamp()
    again = workers.apply(admin, "workers.csv", data)
    assert (again.added, again.changed, again.unchanged) == (0, 0, 40)
    assert counts() == written
    assert stamp() == after_first  # nothing was written at all


def test_fifty_bad_rows_are_each_reported_with_row_and_column_and_nothing_is_written(admin: Actor) -> None:
    rows = import_file.worker_rows(70)
    column = {name: i for i, name in enumerate(import_file.HEADER)}
    spoilt = [
        ("date_of_birth", "31/02/1980", "is not a date"),
        ("gender", "robot", "is not a gender"),
        ("competencies", "first_aid; JUGGLING", "is not one of the agency's competencies"),
        ("postcode", "3000", "is not in NSW"),
        ("availability", "Mon 16:00-08:00", "ends before it starts"),
        ("charge_rate", "lots", "is not an amount in dollars"),
        ("first_name", "", "Please enter the first name"),
        ("mobile_phone", "12", "is not"),
        ("max_hours_per_week", "99", "is not a whole number from 0 to 80"),
        ("email", "not-an-address", "is not an e-mail address"),
    ]
    expected = []
    for n in range(50):  # rows 2..51 of the file: 50 bad ones, each in one column
        name, value, message = spoilt[n % len(spoilt)]
        rows[n][column[name]] = value
        expected.append((n + 2, name, message))
    data = import_file.as_csv(rows)
    for run in (workers.check, workers.apply):
        report = run(admin, "workers.csv", data)
        assert not report.applied
        assert len(report.problems) == 50
        for problem, (row, name, message) in zip(report.problems, expected, strict=True):
            assert (problem.row, problem.column) == (row, name)
            assert message in problem.message, (problem, message)
    assert counts() == (0, 0, 0)


def test_a_staff_number_twice_and_a_missing_column_are_named(admin: Actor) -> None:
    rows = import_file.worker_rows(3)
    rows[2][0] = rows[0][0]
    report = workers.apply(admin, "workers.csv", import_file.as_csv(rows))
    assert [(p.row, p.column) for p in report.problems] == [(4, "staff_number")]
    assert "already on row 2" in report.problems[0].message
    without = [row[1:] for row in rows]
    report = workers.check(admin, "workers.csv", import_file.as_csv(without, import_file.HEADER[1:]))
    assert [(p.row, p.column, p.message) for p in report.problems] == [
        (1, "staff_number", "This column is missing.")
    ]
    assert counts() == (0, 0, 0)


@pytest.mark.parametrize("fmt", [Format.CSV, Format.XLSX])
def test_the_export_writes_the_same_columns_back(admin: Actor, fmt: Format) -> None:
    original = import_file.as_csv(import_file.worker_rows(25))
    workers.apply(admin, "workers.csv", original)
    exported = workers.export(admin, fmt)
    again = workers.apply(admin, f"workers.{fmt.value}", exported)
    assert (again.problems, again.added, again.changed, again.unchanged) == ((), 0, 0, 25)
    if fmt == Format.CSV:
        assert exported == original  # the same columns, the same cells


def test_a_changed_row_changes_that_worker_only(admin: Actor) -> None:
    rows = import_file.worker_rows(10)
    workers.apply(admin, "workers.csv", import_file.as_csv(rows))
    rows[3][import_file.HEADER.index("availability")] = "Sat 10:00-14:00"
    report = workers.apply(admin, "workers.csv", import_file.as_csv(rows))
    assert (report.added, report.changed, report.unchanged) == (0, 1, 9)
    with db.read() as session:
        worker_id = session.scalar(select(Worker.id).where(Worker.staff_number == rows[3][0]))
        windows = session.execute(
            select(AvailabilityWindow.weekday, AvailabilityWindow.start_minute).where(
                AvailabilityWindow.worker_id == worker_id
            )
        ).all()
    assert [tuple(w) for w in windows] == [(5, 600)]


def test_a_file_that_is_not_a_spreadsheet_is_refused_at_the_file(admin: Actor) -> None:
    with pytest.raises(InvalidInput) as refused:
        workers.check(admin, "workers.pdf", b"%PDF")
    assert refused.value.fields == {"file": "Please choose a .csv or .xlsx file."}
    with pytest.raises(InvalidInput) as refused:
        workers.check(admin, "workers.xlsx", b"not a workbook")
    assert "not an Excel workbook" in refused.value.fields["file"]


def test_only_an_administrator_imports(admin: Actor) -> None:
    roster = Actor(admin.account_id, Role.ROSTER, "Rosa")
    with pytest.raises(NotAllowed):
        workers.apply(roster, "workers.csv", import_file.as_csv(import_file.worker_rows(2)))
    with pytest.raises(NotAllowed):
        workers.export(roster, Format.CSV)


def test_a_retired_competency_stays_where_held_but_the_file_cannot_give_it_anew(admin: Actor) -> None:
    rows = import_file.worker_rows(6)
    column = import_file.HEADER.index("competencies")
    workers.apply(admin, "workers.csv", import_file.as_csv(rows))
    holder = next(n for n, row in enumerate(rows) if row[column])
    code = rows[holder][column].split(";")[0].split()[0]
    with db.read() as session:
        competency_id = session.scalar(select(Competency.id).where(Competency.code == code))
    catalogue.set_offered(admin, item=f"competency:{competency_id}", offered=False)
    again = workers.apply(admin, "workers.csv", import_file.as_csv(rows))  # the export's own contents
    assert (again.problems, again.unchanged) == ((), 6)
    lacking = next(n for n, row in enumerate(rows) if code not in row[column])
    rows[lacking][column] = "; ".join(filter(None, [rows[lacking][column], code]))
    before = counts()
    refused = workers.apply(admin, "workers.csv", import_file.as_csv(rows))
    assert refused.applied is False
    assert [(p.row, p.column, p.message) for p in refused.problems] == [
        (lacking + 2, "competencies", f"{code} is retired: it can no longer be given to a worker.")
    ]
    assert counts() == before
