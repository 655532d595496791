"""Importing and exporting the clients file (administrators), as the workers file: a dry run lists
every row's problems; applying writes all of it in one transaction or nothing; each client is
matched by client number, so the same file again changes nothing."""

from typing import Any

from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from storage.queries import transfer as queries

from . import client_rows, sheets
from .client_rows import ClientRecord
from .workers import Report, placer, sheet_of

ADDRESS = ("home_street", "home_suburb", "home_state", "home_postcode")


def check(actor: Actor, filename: str, data: bytes) -> Report:
    """The dry run: every problem, and what applying would add and change; nothing is written."""
    access.require_role(actor, *access.ADMIN_ROLES)
    sheet = sheet_of(filename, data)
    records, problems = client_rows.read(sheet)
    if problems:
        return Report(len(sheet.rows), tuple(problems), 0, 0, 0, applied=False)
    with action.reading(actor) as act:
        new, changed, unchanged = _plan(act, records)
    return Report(len(sheet.rows), (), len(new), len(changed), unchanged, applied=False)


def apply(actor: Actor, filename: str, data: bytes) -> Report:
    """All or nothing: with any problem nothing is written and the report lists them all."""
    access.require_role(actor, *access.ADMIN_ROLES)
    sheet = sheet_of(filename, data)
    records, problems = client_rows.read(sheet)
    if problems:
        return Report(len(sheet.rows), tuple(problems), 0, 0, 0, applied=False)
    with action.writing(actor) as act:
        new, changed, unchanged = _plan(act, records)
        queries.add_clients(new, session=act.session)
        queries.change_clients(changed, session=act.session)
        act.audit(
            "import",
            "client",
            None,
            f"{filename}: {len(new)} added, {len(changed)} changed, {unchanged} unchanged",
        )
    return Report(len(sheet.rows), (), len(new), len(changed), unchanged, applied=True)


def export(actor: Actor, fmt: sheets.Format) -> bytes:
    """Every client in the import's columns, by client number: imported again, it changes nothing."""
    access.require_role(actor, *access.ADMIN_ROLES)
    with action.reading(actor) as act:
        found = queries.clients(session=act.session)
    rows = [client_rows.as_row(number, fields) for number, fields in sorted(found.items())]
    return sheets.write(client_rows.COLUMNS, rows, fmt)


def _plan(act: Action, records: list[ClientRecord]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    existing = queries.clients(session=act.session)
    place = placer()
    new: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    unchanged = 0
    for record in records:
        now = existing.get(record.client_number)
        fields = dict(record.fields)
        address = tuple(fields[k] for k in ADDRESS)
        if now is None:
            lat, lon, status = place(*address)
            new.append(
                {
                    "client_number": record.client_number,
                    **fields,
                    "home_lat": lat,
                    "home_lon": lon,
                    "home_geocode": status,
                }
            )
            continue
        if address != tuple(now[k] for k in ADDRESS):
            fields["home_lat"], fields["home_lon"], fields["home_geocode"] = place(*address)
        if any(now[k] != v for k, v in fields.items()):
            changed.append({"id": now["id"], **fields})
        else:
            unchanged += 1
    return new, changed, unchanged
