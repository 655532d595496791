"""Importing and exporting the approved services file (administrators): what each funding package
approves, matched by the package's reference and the service's code, so the same file again changes
nothing. A dry run lists every row's problems (an unknown package or service among them); applying
writes all of it in one transaction or nothing."""

from typing import Any

from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from storage.queries import transfer as queries

from . import approved_rows, sheets
from .approved_rows import ApprovedRecord
from .problems import Problem
from .workers import Report, sheet_of


def check(actor: Actor, filename: str, data: bytes) -> Report:
    access.require_role(actor, *access.ADMIN_ROLES)
    with action.reading(actor) as act:
        return _run(act, filename, data, write=False)


def apply(actor: Actor, filename: str, data: bytes) -> Report:
    access.require_role(actor, *access.ADMIN_ROLES)
    with action.writing(actor) as act:
        return _run(act, filename, data, write=True)


def export(actor: Actor, fmt: sheets.Format) -> bytes:
    access.require_role(actor, *access.ADMIN_ROLES)
    with action.reading(actor) as act:
        found = queries.approved(session=act.session)
    rows = [
        approved_rows.as_row(
            ApprovedRecord(
                0,
                row["package_reference"],
                row["service_code"],
                row["units_per_period"],
                row["period"],
                row["rate_cents"],
                row["notes"],
            )
        )
        for row in found
    ]
    return sheets.write(approved_rows.COLUMNS, rows, fmt)


def _run(act: Action, filename: str, data: bytes, *, write: bool) -> Report:
    sheet = sheet_of(filename, data)
    records, problems = approved_rows.read(sheet)
    packages = {ref.upper(): id_ for ref, id_ in queries.packages_by_reference(session=act.session).items()}
    services = {code.casefold(): id_ for code, id_ in queries.services_by_code(session=act.session).items()}
    for record in records:
        if record.package_reference.upper() not in packages:
            problems.append(
                Problem(record.row, "package_reference", f"No funding package is {record.package_reference}.")
            )
        if record.service_code.casefold() not in services:
            problems.append(
                Problem(
                    record.row, "service", f"“{record.service_code}” is not one of the agency's services."
                )
            )
    if problems:
        return Report(len(sheet.rows), tuple(sorted(problems, key=lambda p: p.row)), 0, 0, 0, applied=False)
    existing = {(row["package_id"], row["service_id"]): row for row in queries.approved(session=act.session)}
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for record in records:
        key = (packages[record.package_reference.upper()], services[record.service_code.casefold()])
        fields = {
            "units_per_period": record.units_per_period,
            "period": record.period,
            "rate_cents": record.rate_cents,
            "notes": record.notes,
        }
        now = existing.get(key)
        if now is None:
            new.append({"package_id": key[0], "service_id": key[1], **fields})
        elif any(now[k] != v for k, v in fields.items()):
            changed.append({"id": now["id"], **fields})
    unchanged = len(records) - len(new) - len(changed)
    if write:
        queries.add_approved(new, session=act.session)
        queries.change_approved(changed, session=act.session)
        act.audit("import", "approved_service", None, f"{filename}: {len(new)} added, {len(changed)} changed")
    return Report(len(sheet.rows), (), len(new), len(changed), unchanged, applied=write)
