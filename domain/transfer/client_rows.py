"""The clients file: its columns, each row read into a client or into every problem it has, and a
client written back as a row. Pure."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from domain import clock, validation
from domain.vocabulary import Gender

from . import cells
from .problems import Problem
from .row_reader import RowReader
from .sheets import Sheet

COLUMNS = (
    "client_number",
    "title",
    "first_name",
    "last_name",
    "preferred_name",
    "gender",
    "date_of_birth",
    "home_phone",
    "mobile_phone",
    "email",
    "street",
    "suburb",
    "state",
    "postcode",
    "language",
    "interpreter_needed",
    "active",
)
REQUIRED = frozenset(
    {"client_number", "first_name", "last_name", "date_of_birth", "street", "suburb", "state", "postcode"}
)


@dataclass(frozen=True)
class ClientRecord:
    row: int
    client_number: str
    fields: Mapping[str, object]  # the client table's columns


def read(sheet: Sheet) -> tuple[list[ClientRecord], list[Problem]]:
    names = [name.lower() for name in sheet.header]
    problems = [Problem(1, n, "This column is missing.") for n in COLUMNS if n in REQUIRED and n not in names]
    problems += [
        Problem(1, n, f"“{n}” is not a column of the clients file.") for n in names if n and n not in COLUMNS
    ]
    if problems:
        return [], problems
    records: list[ClientRecord] = []
    first_row: dict[str, int] = {}
    for number, row in sheet.rows:
        record, found = _record(number, row)
        problems += found
        if record is None:
            continue
        key = record.client_number.upper()
        if key in first_row:
            problems.append(
                Problem(
                    number, "client_number", f"{record.client_number} is already on row {first_row[key]}."
                )
            )
            continue
        first_row[key] = number
        records.append(record)
    return records, problems


def _record(number: int, row: Mapping[str, str]) -> tuple[ClientRecord | None, list[Problem]]:
    read = RowReader(number, row)
    client_number = read.text("client_number", "the client number", 20)
    fields = {
        "title": read.text("title", "the title", 20, required=False),
        **read.person(_birth),
        "home_phone": read.cell("home_phone", validation.optional_phone),
        "mobile_phone": read.cell("mobile_phone", validation.optional_phone),
        "email": read.cell("email", validation.optional_email),
        **read.home(),
        "language": read.cell(
            "language",
            lambda v: validation.text(v, "the language", max_length=60, required=False) or "English",
        ),
        "interpreter_needed": read.cell("interpreter_needed", lambda v: cells.yes_no(v, default=False)),
        "active": read.cell("active", lambda v: cells.yes_no(v, default=True)),
    }
    problems = read.problems
    if problems:
        return None, problems
    return ClientRecord(number, str(client_number), fields), []


def _birth(value: str) -> date:
    born = cells.day(value)
    if not date(1900, 1, 1) <= born <= clock.now().date():
        raise ValueError(f"{born.isoformat()} is not a date of birth.")
    return born


def as_row(client_number: str, fields: Mapping[str, object]) -> tuple[str, ...]:
    gender, born = fields["gender"], fields["date_of_birth"]
    assert isinstance(gender, Gender)
    assert isinstance(born, date)
    return (
        client_number,
        str(fields["title"] or ""),
        str(fields["first_name"]),
        str(fields["last_name"]),
        str(fields["preferred_name"] or ""),
        gender.value,
        born.isoformat(),
        validation.phone_for_display(str(fields["home_phone"]) if fields["home_phone"] else None),
        validation.phone_for_display(str(fields["mobile_phone"]) if fields["mobile_phone"] else None),
        str(fields["email"] or ""),
        str(fields["home_street"]),
        str(fields["home_suburb"]),
        str(fields["home_state"]),
        str(fields["home_postcode"]),
        str(fields["language"]),
        "yes" if fields["interpreter_needed"] else "no",
        "yes" if fields["active"] else "no",
    )
