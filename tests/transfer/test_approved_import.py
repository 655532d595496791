"""The approved services file on the demo agency, on SQLite and PostgreSQL: its export imported
again changes nothing; a changed amount changes that one approval; unknown packages and services
are reported by row and column and nothing is written."""

from sqlalchemy import func, select

from demo import import_file
from domain.transfer import approved, approved_rows
from domain.transfer.sheets import Format
from storage import db
from storage.models import ApprovedService
from tests.support.personas import Personas

HEADER = list(approved_rows.COLUMNS)


def approvals() -> list[tuple[int, int, int]]:
    with db.read() as session:
        return [
            tuple(row)
            for row in session.execute(
                select(
                    ApprovedService.package_id, ApprovedService.service_id, ApprovedService.units_per_period
                ).order_by(ApprovedService.id)
            )
        ]


def test_the_export_imported_again_changes_nothing_and_one_change_changes_one(personas: Personas) -> None:
    before = approvals()
    exported = approved.export(personas.admin, Format.CSV)
    report = approved.apply(personas.admin, "approved.csv", exported)
    assert (report.problems, report.added, report.changed, report.unchanged) == ((), 0, 0, len(before))
    lines = exported.decode().splitlines()
    first = lines[1].split(",")
    first[2] = "7.25"
    lines[1] = ",".join(first)
    changed = approved.apply(personas.admin, "approved.csv", ("\r\n".join(lines) + "\r\n").encode())
    assert (changed.added, changed.changed) == (0, 1)
    assert 725 in [units for _, _, units in approvals()]


def test_unknown_packages_and_services_are_reported_and_nothing_is_written(personas: Personas) -> None:
    with db.read() as session:
        before = session.scalar(select(func.count()).select_from(ApprovedService))
    rows = [
        ["NOPE-1", "personal_care", "1.5", "week", "", ""],
        ["NOPE-2", "no_such_service", "2", "week", "", ""],
        ["NOPE-3", "personal_care", "lots", "fortnight", "", ""],
    ]
    report = approved.check(personas.admin, "approved.csv", import_file.as_csv(rows, HEADER))
    assert [(p.row, p.column) for p in report.problems] == [
        (2, "package_reference"),
        (3, "package_reference"),
        (3, "service"),
        (4, "units_per_period"),
        (4, "period"),
    ]
    assert not approved.apply(personas.admin, "approved.csv", import_file.as_csv(rows, HEADER)).applied
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(ApprovedService)) == before
