"""The workers file: its columns, each row read into a worker (with the competencies they hold and
their weekly availability) or into every problem it has, and a worker written back as a row. Pure."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from domain import validation
from domain.vocabulary import Gender

from . import cells
from .problems import Problem
from .row_reader import RowReader
from .sheets import Sheet

COLUMNS = (
    "staff_number",
    "first_name",
    "last_name",
    "preferred_name",
    "gender",
    "date_of_birth",
    "mobile_phone",
    "email",
    "street",
    "suburb",
    "state",
    "postcode",
    "charge_rate",
    "max_hours_per_week",
    "rating",
    "started_on",
    "active",
    "competencies",
    "availability",
)
REQUIRED = frozenset(
    {
        "staff_number",
        "first_name",
        "last_name",
        "date_of_birth",
        "street",
        "suburb",
        "state",
        "postcode",
        "charge_rate",
        "started_on",
    }
)


@dataclass(frozen=True)
class WorkerRecord:
    """One worker as the file states them; `fields` are the worker table's columns."""

    row: int
    staff_number: str
    fields: Mapping[str, object]
    held: tuple[tuple[str, date | None], ...]  # (competency code, expires on)
    windows: tuple[tuple[int, int, int], ...]  # (weekday, start minute, end minute)


def header_problems(sheet: Sheet) -> list[Problem]:
    names = [name.lower() for name in sheet.header]
    problems = [
        Problem(1, name, "This column is missing.")
        for name in COLUMNS
        if name in REQUIRED and name not in names
    ]
    problems += [
        Problem(1, name, f"“{name}” is not a column of the workers file.")
        for name in names
        if name and name not in COLUMNS
    ]
    return problems


def read(sheet: Sheet, competency_codes: frozenset[str]) -> tuple[list[WorkerRecord], list[Problem]]:
    problems = header_problems(sheet)
    if problems:
        return [], problems
    records: list[WorkerRecord] = []
    first_row: dict[str, int] = {}
    for number, row in sheet.rows:
        record, found = _record(number, row, competency_codes)
        problems += found
        if record is None:
            continue
        key = record.staff_number.upper()
        if key in first_row:
            problems.append(
                Problem(number, "staff_number", f"{record.staff_number} is already on row {first_row[key]}.")
            )
            continue
        first_row[key] = number
        records.append(record)
    return records, problems


def _record(
    number: int, row: Mapping[str, str], competency_codes: frozenset[str]
) -> tuple[WorkerRecord | None, list[Problem]]:
    read = RowReader(number, row)
    cell = read.cell
    staff_number = read.text("staff_number", "the staff number", 20)
    fields = {
        **read.person(_birth),
        "mobile_phone": cell("mobile_phone", validation.optional_phone),
        "email": cell("email", validation.optional_email),
        **read.home(),
        "charge_rate_cents": cell("charge_rate", cells.dollars),
        "max_hours_per_week": cell(
            "max_hours_per_week", lambda v: cells.whole(v, low=0, high=80, default=38)
        ),
        "rating": cell("rating", lambda v: cells.whole(v, low=1, high=5, default=3)),
        "started_on": cell("started_on", cells.day),
        "active": cell("active", lambda v: cells.yes_no(v, default=True)),
    }
    held = cell("competencies", lambda v: cells.held(v, competency_codes))
    windows = cell("availability", cells.windows)
    problems = read.problems
    if problems:
        return None, problems
    return WorkerRecord(number, str(staff_number), fields, held, windows), []  # type: ignore[arg-type]


def _birth(value: str) -> date:
    born = cells.day(value)
    if not date(1900, 1, 1) <= born <= date(2015, 12, 31):
        raise ValueError(f"{born.isoformat()} is not a worker's date of birth.")
    return born


def as_row(
    staff_number: str,
    fields: Mapping[str, object],
    held: tuple[tuple[str, date | None], ...],
    windows: tuple[tuple[int, int, int], ...],
) -> tuple[str, ...]:
    """A worker written back in the file's columns: read again, it states the same worker."""
    gender = fields["gender"]
    born, started = fields["date_of_birth"], fields["started_on"]
    assert isinstance(gender, Gender)
    assert isinstance(born, date)
    assert isinstance(started, date)
    return (
        staff_number,
        str(fields["first_name"]),
        str(fields["last_name"]),
        str(fields["preferred_name"] or ""),
        gender.value,
        born.isoformat(),
        validation.phone_for_display(_text_or_none(fields["mobile_phone"])),
        str(fields["email"] or ""),
        str(fields["home_street"]),
        str(fields["home_suburb"]),
        str(fields["home_state"]),
        str(fields["home_postcode"]),
        cells.dollars_text(int(str(fields["charge_rate_cents"]))),
        str(fields["max_hours_per_week"]),
        str(fields["rating"]),
        started.isoformat(),
        "yes" if fields["active"] else "no",
        cells.held_text(held),
        cells.windows_text(windows),
    )


def _text_or_none(value: object) -> str | None:
    return str(value) if value else None
