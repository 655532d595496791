"""The approved services file: what each client's funding package approves, one service a row, by
the package's reference and the service's code. Pure: rows in, records or problems out."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from domain import validation
from domain.vocabulary import BudgetPeriod

from . import cells
from .problems import Problem
from .sheets import Sheet

COLUMNS = ("package_reference", "service", "units_per_period", "period", "rate", "notes")
REQUIRED = frozenset({"package_reference", "service", "units_per_period"})


@dataclass(frozen=True)
class ApprovedRecord:
    row: int
    package_reference: str
    service_code: str
    units_per_period: int  # hundredths of a unit
    period: BudgetPeriod
    rate_cents: int | None
    notes: str


def units(value: str) -> int:
    """1.5 -> 150 hundredths of the service's unit (hours, visits…)."""
    text = value.strip()
    try:
        cents = cells.dollars(text)
    except ValueError:
        raise ValueError(f"“{text}” is not a number of units, like 1.5.") from None
    if cents <= 0:
        raise ValueError("Please approve more than 0 units.")
    return cents


def period(value: str) -> BudgetPeriod:
    text = value.strip().lower() or BudgetPeriod.WEEK.value
    if text not in {p.value for p in BudgetPeriod}:
        raise ValueError(f"“{value}” is not a period here: {', '.join(p.value for p in BudgetPeriod)}.")
    return BudgetPeriod(text)


def read(sheet: Sheet) -> tuple[list[ApprovedRecord], list[Problem]]:
    names = [name.lower() for name in sheet.header]
    problems = [Problem(1, n, "This column is missing.") for n in COLUMNS if n in REQUIRED and n not in names]
    problems += [
        Problem(1, n, f"“{n}” is not a column of the approved services file.")
        for n in names
        if n and n not in COLUMNS
    ]
    if problems:
        return [], problems
    records: list[ApprovedRecord] = []
    first_row: dict[tuple[str, str], int] = {}
    for number, row in sheet.rows:
        found: list[Problem] = []

        def cell(column: str, read_it: Callable[[str], object], row: Mapping[str, str] = row) -> object:
            try:
                return read_it(row.get(column, ""))
            except ValueError as error:
                found.append(Problem(number, column, str(error)))  # noqa: B023 - used at once
                return None

        reference = cell(
            "package_reference", lambda v: validation.text(v, "the package reference", max_length=40)
        )
        service = cell("service", lambda v: validation.text(v, "the service's code", max_length=40))
        amount = cell("units_per_period", units)
        every = cell("period", period)
        rate = cell("rate", lambda v: cells.dollars(v) if v.strip() else None)
        notes = cell("notes", lambda v: validation.text(v, "the notes", max_length=1000, required=False))
        problems += found
        if found:
            continue
        key = (str(reference).upper(), str(service).casefold())
        if key in first_row:
            problems.append(
                Problem(number, "service", f"This service is already approved on row {first_row[key]}.")
            )
            continue
        first_row[key] = number
        records.append(
            ApprovedRecord(number, str(reference), str(service), int(str(amount)), every, rate, str(notes))  # type: ignore[arg-type]
        )
    return records, problems


def as_row(record: ApprovedRecord) -> tuple[str, ...]:
    return (
        record.package_reference,
        record.service_code,
        cells.dollars_text(record.units_per_period).removesuffix(".00"),
        record.period.value,
        cells.dollars_text(record.rate_cents) if record.rate_cents is not None else "",
        record.notes,
    )
