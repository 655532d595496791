"""The administrators' rate sheet: one service's rates under one program, per time band and, where
the agency prices by level, per charge level. Every field is checked; bad input changes nothing.

A field is named "<band>-<level>" ("sunday-0": Sunday, any worker). Left empty, a band is charged
at the weekday daytime rate (domain.pricing.rates); a weekday daytime rate is required once any
rate is entered, so every visit has a price. Leaving every field empty takes the service off sale
under that program ("Price on request").
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from domain import action, money
from domain.accounts import access
from domain.accounts.access import Actor
from domain.errors import InvalidInput, NotFound
from domain.pricing.rates import ANY_LEVEL
from domain.pricing.words import BAND_NAMES
from domain.vocabulary import Role, TimeBand
from storage.queries import rates as queries
from storage.queries.rates import RateRow

LEVELS = (ANY_LEVEL, 1, 2, 3)
MAX_CENTS = 999_999  # $9,999.99 a unit: anything dearer is a typing slip
DOLLARS = re.compile(r"^\$?\s*(\d{1,4}|\d{1,3}(,\d{3})?)(\.\d{1,2})?$")


def field_name(band: TimeBand, level: int) -> str:
    return f"{band.value}-{level}"


def level_name(level: int) -> str:
    return "Any worker" if level == ANY_LEVEL else f"Level {level}"


@dataclass(frozen=True)
class RateSheet:
    services: tuple[tuple[int, str], ...]
    programs: tuple[tuple[int, str], ...]
    service_id: int
    program_id: int
    entered: dict[str, str]  # field name -> dollars as shown ("65.00"), "" when not set


def sheet(actor: Actor, service_id: int | None = None, program_id: int | None = None) -> RateSheet:
    """The sheet of a service under a program (the first of each when not given)."""
    access.require_role(actor, Role.ADMIN)
    with action.reading(actor) as act:
        services, programs = queries.services_and_programs(session=act.session)
        service, program = _chosen(services, programs, service_id, program_id)
        rows = queries.rates_of([(service, program)], session=act.session)
    return _sheet(services, programs, service, program, rows)


def save(actor: Actor, service_id: int, program_id: int, entered: Mapping[str, object]) -> RateSheet:
    """Replace the service's rates under the program with the ones entered; InvalidInput names every
    wrong field and writes nothing."""
    access.require_role(actor, Role.ADMIN)
    rows = _parse(service_id, program_id, entered)
    with action.writing(actor) as act:
        services, programs = queries.services_and_programs(session=act.session)
        _chosen(services, programs, service_id, program_id)
        queries.replace_rates(service_id, program_id, rows, session=act.session)
        act.audit("update", "service_rate", service_id, f"program {program_id}: {len(rows)} rates")
    return _sheet(services, programs, service_id, program_id, rows)


def _chosen(
    services: list[tuple[int, str]],
    programs: list[tuple[int, str]],
    service_id: int | None,
    program_id: int | None,
) -> tuple[int, int]:
    service_ids, program_ids = [i for i, _ in services], [i for i, _ in programs]
    if not service_ids or not program_ids:
        raise NotFound("The agency has no services or programs yet.")
    service = service_ids[0] if service_id is None else service_id
    program = program_ids[0] if program_id is None else program_id
    if service not in service_ids or program not in program_ids:
        raise NotFound("That service or program is not one of the agency's.")
    return service, program


def _sheet(
    services: list[tuple[int, str]],
    programs: list[tuple[int, str]],
    service_id: int,
    program_id: int,
    rows: list[RateRow],
) -> RateSheet:
    entered = {field_name(band, level): "" for band in TimeBand for level in LEVELS}
    for row in rows:
        entered[field_name(row.time_band, row.charge_level)] = f"{row.rate_cents / 100:.2f}"
    return RateSheet(tuple(services), tuple(programs), service_id, program_id, entered)


def _parse(service_id: int, program_id: int, entered: Mapping[str, object]) -> list[RateRow]:
    problems: dict[str, str] = {}
    rows: list[RateRow] = []
    for band in TimeBand:
        for level in LEVELS:
            name = field_name(band, level)
            text = str(entered.get(name) or "").strip()
            if not text:
                continue
            cents = _cents(text)
            if cents is None:
                problems[name] = (
                    f"{BAND_NAMES[band]}, {level_name(level).lower()}: please enter an amount in dollars "
                    f"and cents from $0.00 to {money.dollars(MAX_CENTS)}, or leave it empty."
                )
            else:
                rows.append(RateRow(service_id, program_id, band, level, cents))
    weekday = field_name(TimeBand.WEEKDAY, ANY_LEVEL)
    weekday_wrong = any(name.startswith(f"{TimeBand.WEEKDAY.value}-") for name in problems)
    if rows and not weekday_wrong and not any(r.time_band == TimeBand.WEEKDAY for r in rows):
        problems[weekday] = "Please enter a weekday daytime rate: the other times fall back on it."
    if problems:
        raise InvalidInput(problems)
    return rows


def _cents(text: str) -> int | None:
    if not DOLLARS.match(text):
        return None
    whole, _, part = text.lstrip("$").strip().replace(",", "").partition(".")
    cents = int(whole) * 100 + int((part + "00")[:2])
    return cents if cents <= MAX_CENTS else None
