"""Importing and exporting the workers file (administrators): a dry run lists every row's problems;
applying writes all of it in one transaction or nothing; the same file again changes nothing, since
each worker is matched by staff number and only what differs is written. A written worker, their
competencies and windows bump the workforce stamp (database triggers), so matching sees them at once."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from adapters import geocoding
from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import InvalidInput
from domain.vocabulary import GeocodeStatus
from storage.queries import transfer as queries

from . import sheets, worker_rows
from .problems import Problem
from .worker_rows import WorkerRecord

Position = tuple[float | None, float | None, GeocodeStatus]


@dataclass(frozen=True)
class Report:
    rows: int
    problems: tuple[Problem, ...]
    added: int
    changed: int
    unchanged: int
    applied: bool  # False for a dry run, and whenever there are problems


@dataclass
class _Plan:
    new: list[dict[str, Any]]
    changed: list[dict[str, Any]]
    unchanged: int
    held: dict[str, tuple[tuple[str, date | None], ...]]  # by staff number: replaced
    windows: dict[str, tuple[tuple[int, int, int], ...]]


def check(actor: Actor, filename: str, data: bytes) -> Report:
    """The dry run: every problem, and what applying would add and change; nothing is written."""
    access.require_role(actor, *access.ADMIN_ROLES)
    sheet = sheet_of(filename, data)
    with action.reading(actor) as act:
        records, problems = worker_rows.read(sheet, frozenset(queries.competency_codes(session=act.session)))
        problems += _newly_given_retired(act, records)
        if problems:
            return Report(len(sheet.rows), tuple(problems), 0, 0, 0, applied=False)
        plan = _plan(act, records)
    return Report(len(sheet.rows), (), len(plan.new), len(plan.changed), plan.unchanged, applied=False)


def apply(actor: Actor, filename: str, data: bytes) -> Report:
    """All or nothing: with any problem nothing is written and the report lists them all."""
    access.require_role(actor, *access.ADMIN_ROLES)
    sheet = sheet_of(filename, data)
    with action.writing(actor) as act:
        codes = queries.competency_codes(session=act.session)
        records, problems = worker_rows.read(sheet, frozenset(codes))
        problems += _newly_given_retired(act, records)
        if problems:
            return Report(len(sheet.rows), tuple(problems), 0, 0, 0, applied=False)
        plan = _plan(act, records)
        _write(act, plan, codes)
        act.audit(
            "import",
            "worker",
            None,
            f"{filename}: {len(plan.new)} added, {len(plan.changed)} changed, {plan.unchanged} unchanged",
        )
    return Report(len(sheet.rows), (), len(plan.new), len(plan.changed), plan.unchanged, applied=True)


def export(actor: Actor, fmt: sheets.Format) -> bytes:
    """Every worker in the import's columns, by staff number: imported again, it changes nothing."""
    access.require_role(actor, *access.ADMIN_ROLES)
    with action.reading(actor) as act:
        found = queries.workers(session=act.session)
        held = queries.held(session=act.session)
        windows = queries.windows(session=act.session)
    rows = [
        worker_rows.as_row(number, fields, held.get(fields["id"], ()), windows.get(fields["id"], ()))
        for number, fields in sorted(found.items())
    ]
    return sheets.write(worker_rows.COLUMNS, rows, fmt)


def sheet_of(filename: str, data: bytes) -> sheets.Sheet:
    try:
        return sheets.read(filename, data)
    except sheets.UnreadableFile as error:
        raise InvalidInput({"file": str(error)}) from None


def _newly_given_retired(act: Action, records: list[WorkerRecord]) -> list[Problem]:
    """A retired competency stays with a worker who holds it (the export lists it, and importing the
    export again changes nothing), but the file cannot give it to anyone new, as the pages cannot."""
    retired = queries.retired_competency_codes(session=act.session)
    if not retired:
        return []
    ids = {number: row["id"] for number, row in queries.workers(session=act.session).items()}
    held = queries.held(session=act.session)
    problems = []
    for record in records:
        had = {code for code, _expires in held.get(ids.get(record.staff_number, -1), ())}
        for code, _expires in record.held:
            if code in retired and code not in had:
                message = f"{code} is retired: it can no longer be given to a worker."
                problems.append(Problem(record.row, "competencies", message))
    return problems


def _plan(act: Action, records: list[WorkerRecord]) -> _Plan:
    existing = queries.workers(session=act.session)
    held = queries.held(session=act.session)
    windows = queries.windows(session=act.session)
    place = placer()
    plan = _Plan([], [], 0, {}, {})
    for record in records:
        now = existing.get(record.staff_number)
        fields = dict(record.fields)
        address = tuple(fields[k] for k in ("home_street", "home_suburb", "home_state", "home_postcode"))
        if now is None:
            lat, lon, status = place(*address)
            plan.new.append(
                {
                    "staff_number": record.staff_number,
                    **fields,
                    "home_lat": lat,
                    "home_lon": lon,
                    "home_geocode": status,
                }
            )
        else:
            if address != tuple(
                now[k] for k in ("home_street", "home_suburb", "home_state", "home_postcode")
            ):
                fields["home_lat"], fields["home_lon"], fields["home_geocode"] = place(*address)
            if any(now[k] != v for k, v in fields.items()):
                plan.changed.append({"id": now["id"], **fields})
            elif held.get(now["id"], ()) == record.held and windows.get(now["id"], ()) == record.windows:
                plan.unchanged += 1
                continue
            else:
                plan.changed.append({"id": now["id"]})  # only what they hold or when they work
        if now is None or held.get(now["id"], ()) != record.held:
            plan.held[record.staff_number] = record.held
        if now is None or windows.get(now["id"], ()) != record.windows:
            plan.windows[record.staff_number] = record.windows
    return plan


def _write(act: Action, plan: _Plan, codes: dict[str, int]) -> None:
    session = act.session
    ids = {row["staff_number"]: row["id"] for row in queries.workers(session=session).values()}
    before = set(ids.values())  # only these can hold anything to replace
    ids.update(queries.add_workers(plan.new, session=session))
    queries.change_workers([row for row in plan.changed if len(row) > 1], session=session)
    queries.replace_held(
        [ids[number] for number in plan.held if ids[number] in before],
        [
            {"worker_id": ids[number], "competency_id": codes[code], "expires_on": expires}
            for number, items in plan.held.items()
            for code, expires in items
        ],
        session=session,
    )
    queries.replace_windows(
        [ids[number] for number in plan.windows if ids[number] in before],
        [
            {"worker_id": ids[number], "weekday": d, "start_minute": s, "end_minute": e}
            for number, items in plan.windows.items()
            for d, s, e in items
        ],
        session=session,
    )


def placer() -> "Placer":
    return Placer({(s.name.casefold(), s.postcode): s for s in geocoding.suburbs()})


class Placer:
    """A worker's home at the suburb's centre from the shipped table (the office geocodes the street
    later); a suburb the table does not know is flagged "could not place it", as for clients."""

    def __init__(self, table: dict[tuple[str, str], Any]) -> None:
        self.table = table
        self.by_postcode = {postcode: s for (_, postcode), s in table.items()}

    def __call__(self, street: object, suburb: object, state: object, postcode: object) -> Position:
        found = self.table.get((str(suburb).strip().casefold(), str(postcode))) or self.by_postcode.get(
            str(postcode)
        )
        if found is None:
            return None, None, GeocodeStatus.NOT_FOUND
        return found.lat, found.lon, GeocodeStatus.SUBURB
