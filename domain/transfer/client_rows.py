"""The clients file: its columns, each row read into a client or into every problem it has, and a
client written back as a row. Pure."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from domain import clock, validation
from domain.vocabulary import Gender

from . import cells
from .problems import Problem
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
    problems: list[Problem] = []

    def cell(column: str, read_it: Callable[[str], object]) -> object:
        try:
            return read_it(row.get(column, ""))
        except ValueError as error:
            problems.append(Problem(number, column, str(error)))
            return None

    def optional_text(label: str, length: int) -> Callable[[str], object]:
        return lambda v: validation.text(v, label, max_length=length, required=False) or None

    client_number = cell("client_number", lambda v: validation.text(v, "the client number", max_length=20))
    state = cell("state", validation.state)
    fields = {
        "title": cell("title", optional_text("the title", 20)),
        "first_name": cell("first_name", lambda v: validation.text(v, "the first name", max_length=80)),
        "last_name": cell("last_name", lambda v: validation.text(v, "the last name", max_length=80)),
        "preferred_name": cell("preferred_name", optional_text("the preferred name", 80)),
        "gender": cell("gender", cells.gender),
        "date_of_birth": cell("date_of_birth", _birth),
        "home_phone": cell("home_phone", validation.optional_phone),
        "mobile_phone": cell("mobile_phone", validation.optional_phone),
        "email": cell("email", validation.optional_email),
        "home_street": cell("street", lambda v: validation.text(v, "the street address", max_length=200)),
        "home_suburb": cell("suburb", lambda v: validation.text(v, "the suburb", max_length=80)),
        "home_state": state,
        "home_postcode": cell(
            "postcode", lambda v: validation.postcode(cells.postcode_text(v), str(state)) if state else v
        ),
        "language": cell(
            "language",
            lambda v: validation.text(v, "the language", max_length=60, required=False) or "English",
        ),
        "interpreter_needed": cell("interpreter_needed", lambda v: cells.yes_no(v, default=False)),
        "active": cell("active", lambda v: cells.yes_no(v, default=True)),
    }
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
