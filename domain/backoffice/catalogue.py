"""The agency's catalogue and rules, for administrators: programs, services (glyph, description,
unit, default duration), competencies and characteristics with their glyphs, Global and Program
requirements, marketing groups, and moderation of clients' reviews (hide with a reason: a hidden
review leaves the worker's reviews page and the provider card's count). Prices are set elsewhere.

Every change is checked for the role, validated field by field (nothing written on any problem)
and audited. Matching sees competencies, characteristics and reviews at once through the workforce
stamp (database triggers), and reads requirements on every search.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from domain import action, people, validation
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.backoffice import fields
from domain.errors import InvalidInput, NotFound
from domain.profile import pictures
from domain.vocabulary import (
    CharacteristicKind,
    CompetencyKind,
    ProgramKind,
    RequirementLevel,
    Role,
    ServiceUnit,
)
from storage.models import Characteristic, Competency, MarketingGroup, Program, Requirement, Service
from storage.queries import catalogue_records as queries

T = TypeVar("T")
REVIEWS_SHOWN = 50
_GLYPH = re.compile(r"[a-z][a-z0-9_]{1,59}")
_CODE = re.compile(r"[A-Za-z0-9_]{2,40}")


@dataclass(frozen=True)
class ProgramLine:
    program_id: int
    code: str
    name: str
    kind: str
    active: bool


@dataclass(frozen=True)
class ServiceLine:
    service_id: int
    name: str
    glyph: str
    description: str
    unit: str
    default_duration_minutes: int
    active: bool = True  # a retired service stays on past visits and statements, no longer offered
    image_id: int | None = None  # its picture, shown on the tiles instead of the glyph


@dataclass(frozen=True)
class ItemLine:
    """A competency or characteristic."""

    item_id: int
    name: str
    glyph: str
    kind: str
    expires: bool = False
    active: bool = True  # a retired one stays on workers, requirements and past visits; not offered


@dataclass(frozen=True)
class RuleLine:
    requirement_id: int
    scope: str  # "Every visit" or the program's name
    what: str
    mandatory: bool
    weight: int


@dataclass(frozen=True)
class GroupLine:
    group_id: int
    name: str


@dataclass(frozen=True)
class ReviewLine:
    review_id: int
    worker: str
    client: str
    stars: int
    comment: str
    hidden_reason: str | None


@dataclass(frozen=True)
class CatalogueView:
    programs: tuple[ProgramLine, ...]
    services: tuple[ServiceLine, ...]
    competencies: tuple[ItemLine, ...]
    characteristics: tuple[ItemLine, ...]
    rules: tuple[RuleLine, ...]
    groups: tuple[GroupLine, ...]
    reviews: tuple[ReviewLine, ...]


def view(actor: Actor) -> CatalogueView:
    access.require_role(actor, Role.ADMIN)
    with action.reading(actor) as act:
        return _view(act)


def add_program(actor: Actor, *, code: str, name: str, kind: str) -> CatalogueView:
    access.require_role(actor, Role.ADMIN)
    problems: dict[str, str] = {}
    clean_code = _check(problems, "program_code", _code, code)
    clean_name = _check(
        problems, "program_name", lambda v: validation.text(v, "the name", max_length=120), name
    )
    chosen = _check(problems, "program_kind", lambda v: ProgramKind(v), kind)
    if "program_kind" in problems:
        problems["program_kind"] = "Please choose the kind of funding."
    _stop(problems)
    with action.writing(actor) as act:
        if queries.code_taken(Program, clean_code, session=act.session):
            raise InvalidInput({"program_code": f"Code {clean_code} is already taken."})
        row = Program(code=clean_code, name=clean_name, kind=chosen)
        act.session.add(row)
        act.session.flush()
        act.audit("create", "program", row.id, clean_name)
        return _view(act)


def update_program(actor: Actor, program_id: int, *, name: str, kind: str) -> CatalogueView:
    """Rename a program or change its kind of funding (its code, which imports use, stays)."""
    access.require_role(actor, Role.ADMIN)
    problems: dict[str, str] = {}
    clean_name = _check(
        problems, "edit_program_name", lambda v: validation.text(v, "the name", max_length=120), name
    )
    try:
        chosen = ProgramKind(kind)
    except ValueError:
        problems["edit_program_kind"] = "Please choose the kind of funding."
    _stop(problems)
    with action.writing(actor) as act:
        row = act.session.get(Program, program_id, with_for_update=True)
        if row is None:
            raise NotFound("That program no longer exists.")
        changed = [
            key for key, value in (("name", clean_name), ("kind", chosen)) if getattr(row, key) != value
        ]
        row.name, row.kind = clean_name, chosen
        act.audit("update", "program", program_id, ", ".join(changed))
        act.session.flush()
        return _view(act)


_RETIRABLE = ("program", "service", "competency", "characteristic")


def set_offered(actor: Actor, *, item: str, offered: bool) -> CatalogueView:
    """Retire a program, service, competency or characteristic, or offer it again; `item` is
    "program:ID", "service:ID", "competency:ID" or "characteristic:ID".

    A retired program or service is kept (past visits, statements and existing funding still name
    it) but is no longer offered: not on the clients' service tiles, not for new approvals, rates or
    bookings.

    A retired competency or characteristic is kept on the workers who hold it and on past visits,
    but is no longer offered: not given to a worker who lacks it, not in a new requirement, nor in
    a client's new wishes. For matching, the safe rule: a requirement (Global, Program, Client,
    a client's wishes or a booking's) that already names it keeps applying — a worker still needs
    it, or still scores for it — until staff remove that requirement; retiring never quietly
    loosens who may do a visit. Retiring moves the workforce stamp (the catalogue tables'
    triggers), so matching reloads at once."""
    access.require_role(actor, Role.ADMIN)
    kind, _, number = (item or "").partition(":")
    if kind not in _RETIRABLE or not number.isdigit():
        raise InvalidInput({"item": "Please choose a program, service, competency or characteristic."})
    with action.writing(actor) as act:
        row = _retirable(act, kind, int(number))
        if row is None:
            raise NotFound(f"That {kind} no longer exists.")
        if row.active != offered:
            row.active = offered
            act.audit("update", kind, row.id, "offered again" if offered else "retired")
        act.session.flush()
        return _view(act)


def update_service(
    actor: Actor,
    service_id: int,
    *,
    name: str,
    glyph: str,
    description: str,
    unit: str,
    default_duration_minutes: object,
) -> CatalogueView:
    access.require_role(actor, Role.ADMIN)
    problems: dict[str, str] = {}
    clean = {
        "name": _check(problems, "name", lambda v: validation.text(v, "the name", max_length=120), name),
        "glyph": _check(problems, "glyph", _glyph, glyph),
        "description": _check(
            problems,
            "description",
            lambda v: validation.text(v, "the description", max_length=2000, required=False),
            description,
        ),
        "unit": _check(problems, "unit", _unit, unit),
        "default_duration_minutes": _check(
            problems,
            "default_duration_minutes",
            lambda v: fields.whole(v, "the usual length in minutes", 15, 24 * 60),
            default_duration_minutes,
        ),
    }
    _stop(problems)
    with action.writing(actor) as act:
        row = act.session.get(Service, service_id, with_for_update=True)
        if row is None:
            raise NotFound("That service no longer exists.")
        changed = [key for key, value in clean.items() if getattr(row, key) != value]
        for key, value in clean.items():
            setattr(row, key, value)
        act.audit("update", "service", service_id, ", ".join(changed))
        act.session.flush()
        return _view(act)


def set_service_image(actor: Actor, service_id: int, data: bytes | None) -> CatalogueView:
    """The picture on a service's tile instead of its glyph (None: back to the glyph), through the
    photo pipeline: judged by its content, pixels limited, re-encoded without its metadata."""
    access.require_role(actor, Role.ADMIN)
    picture = pictures.checked(data, "service_image") if data is not None else None
    with action.writing(actor) as act:
        row = act.session.get(Service, service_id, with_for_update=True)
        if row is None:
            raise NotFound("That service no longer exists.")
        pictures.replace(act, row, "image_media_id", picture)
        act.audit("update", "service", service_id, "image" if picture is not None else "image removed")
        act.session.flush()
        return _view(act)


def add_competency(
    actor: Actor, *, code: str, name: str, kind: str, glyph: str, expires: bool
) -> CatalogueView:
    access.require_role(actor, Role.ADMIN)
    problems: dict[str, str] = {}
    clean_code = _check(problems, "competency_code", _code, code)
    clean_name = _check(
        problems, "competency_name", lambda v: validation.text(v, "the name", max_length=120), name
    )
    clean_glyph = _check(problems, "competency_glyph", _glyph, glyph)
    try:
        chosen = CompetencyKind(kind)
    except ValueError:
        problems["competency_kind"] = "Please choose: a clearance, a qualification or a skill."
    _stop(problems)
    with action.writing(actor) as act:
        if queries.code_taken(Competency, clean_code, session=act.session):
            raise InvalidInput({"competency_code": f"Code {clean_code} is already taken."})
        row = Competency(
            code=clean_code, name=clean_name, kind=chosen, glyph=clean_glyph, expires=bool(expires)
        )
        act.session.add(row)
        act.session.flush()
        act.audit("create", "competency", row.id, clean_name)
        return _view(act)


def update_item_glyph(actor: Actor, *, item: str, name: str, glyph: str) -> CatalogueView:
    """Rename a competency or characteristic, or change its glyph; `item` is "competency:ID" or
    "characteristic:ID"."""
    access.require_role(actor, Role.ADMIN)
    problems: dict[str, str] = {}
    clean_name = _check(problems, "item_name", lambda v: validation.text(v, "the name", max_length=120), name)
    clean_glyph = _check(problems, "item_glyph", _glyph, glyph)
    _stop(problems)
    kind, _, number = (item or "").partition(":")
    if kind not in ("competency", "characteristic") or not number.isdigit():
        raise InvalidInput({"item": "Please choose a competency or characteristic."})
    with action.writing(actor) as act:
        row = _item(act, kind, int(number))
        if row is None:
            raise InvalidInput({"item": "That is no longer in the catalogue."})
        row.name, row.glyph = clean_name, clean_glyph
        act.audit("update", kind, row.id, f"{clean_name}, {clean_glyph}")
        act.session.flush()
        return _view(act)


def add_characteristic(actor: Actor, *, name: str, kind: str, glyph: str) -> CatalogueView:
    """A language spoken or a yes/no trait (gender and age bands come with the agency)."""
    access.require_role(actor, Role.ADMIN)
    problems: dict[str, str] = {}
    clean_name = _check(
        problems, "characteristic_name", lambda v: validation.text(v, "the name", max_length=120), name
    )
    clean_glyph = _check(problems, "characteristic_glyph", _glyph, glyph)
    if kind not in (CharacteristicKind.LANGUAGE, CharacteristicKind.FLAG):
        problems["characteristic_kind"] = "Please choose: a language or another trait."
    _stop(problems)
    code = re.sub(r"[^a-z0-9]+", "_", clean_name.lower()).strip("_")[:40] or "item"
    with action.writing(actor) as act:
        if any(c.kind == kind and c.code == code for c in queries.characteristics(session=act.session)):
            raise InvalidInput({"characteristic_name": f"{clean_name} is already in the catalogue."})
        row = Characteristic(kind=CharacteristicKind(kind), code=code, name=clean_name, glyph=clean_glyph)
        act.session.add(row)
        act.session.flush()
        act.audit("create", "characteristic", row.id, clean_name)
        return _view(act)


def add_rule(
    actor: Actor, *, item: str, mandatory: bool, program_id: int | None = None, weight: object = 1
) -> CatalogueView:
    """A Global requirement (every visit) or, given a program, a Program requirement."""
    access.require_role(actor, Role.ADMIN)
    problems: dict[str, str] = {}
    kind, _, number = (item or "").partition(":")
    if kind not in ("competency", "characteristic") or not number.isdigit():
        problems["rule_item"] = "Please choose a competency or characteristic."
    clean_weight = _check(problems, "rule_weight", lambda v: fields.whole(v, "the weight", 1, 10), weight)
    _stop(problems)
    with action.writing(actor) as act:
        found = _item(act, kind, int(number))
        if found is None:
            raise InvalidInput({"rule_item": "That is no longer in the catalogue."})
        if not found.active:
            raise InvalidInput({"rule_item": f"{found.name} is retired: offer it again to require it."})
        if program_id is not None and act.session.get(Program, program_id) is None:
            raise InvalidInput({"rule_program": "That program no longer exists."})
        row = Requirement(
            level=RequirementLevel.GLOBAL if program_id is None else RequirementLevel.PROGRAM,
            program_id=program_id,
            competency_id=int(number) if kind == "competency" else None,
            characteristic_id=int(number) if kind == "characteristic" else None,
            mandatory=bool(mandatory),
            weight=clean_weight,
        )
        act.session.add(row)
        act.session.flush()
        act.audit("create", "requirement", row.id, f"{row.level.value} {item}")
        return _view(act)


def update_rule(actor: Actor, requirement_id: int, *, mandatory: bool, weight: object = 1) -> CatalogueView:
    """Make a Global or Program requirement a must or a nice-to-have (with its weight) in place.
    Allowed for a retired competency or characteristic too: it changes an existing requirement."""
    access.require_role(actor, Role.ADMIN)
    problems: dict[str, str] = {}
    clean_weight = _check(
        problems, f"rule_weight_{requirement_id}", lambda v: fields.whole(v, "the weight", 1, 10), weight
    )
    _stop(problems)
    with action.writing(actor) as act:
        row = queries.agency_requirement(requirement_id, session=act.session)
        if row is None:
            raise NotFound("That requirement has already been removed.")
        if row.mandatory != bool(mandatory) or row.weight != clean_weight:
            row.mandatory, row.weight = bool(mandatory), clean_weight
            need = "must have" if row.mandatory else f"nice to have, weight {clean_weight}"
            act.audit("update", "requirement", requirement_id, need)
        act.session.flush()
        return _view(act)


def remove_rule(actor: Actor, requirement_id: int) -> CatalogueView:
    access.require_role(actor, Role.ADMIN)
    with action.writing(actor) as act:
        row = queries.agency_requirement(requirement_id, session=act.session)
        if row is None:
            raise NotFound("That requirement has already been removed.")
        act.session.delete(row)
        act.audit("delete", "requirement", requirement_id)
        act.session.flush()
        return _view(act)


def add_group(actor: Actor, name: str) -> CatalogueView:
    access.require_role(actor, Role.ADMIN)
    problems: dict[str, str] = {}
    clean = _check(
        problems, "group_name", lambda v: validation.text(v, "the group's name", max_length=80), name
    )
    _stop(problems)
    with action.writing(actor) as act:
        if queries.group_taken(clean, session=act.session):
            raise InvalidInput({"group_name": f"There is already a group called {clean}."})
        row = MarketingGroup(name=clean)
        act.session.add(row)
        act.session.flush()
        act.audit("create", "marketing_group", row.id, clean)
        return _view(act)


def rename_group(actor: Actor, group_id: int, name: str) -> CatalogueView:
    access.require_role(actor, Role.ADMIN)
    problems: dict[str, str] = {}
    clean = _check(
        problems, "edit_group_name", lambda v: validation.text(v, "the group's name", max_length=80), name
    )
    _stop(problems)
    with action.writing(actor) as act:
        row = act.session.get(MarketingGroup, group_id, with_for_update=True)
        if row is None:
            raise NotFound("That group no longer exists.")
        if clean != row.name and queries.group_taken(clean, session=act.session):
            raise InvalidInput({"edit_group_name": f"There is already a group called {clean}."})
        act.audit("update", "marketing_group", group_id, f"{row.name} to {clean}")
        row.name = clean
        act.session.flush()
        return _view(act)


def hide_review(actor: Actor, review_id: int, reason: str) -> CatalogueView:
    """Hide a review from clients, with the reason (kept, and audited)."""
    access.require_role(actor, Role.ADMIN)
    problems: dict[str, str] = {}
    why = _check(
        problems, f"reason_{review_id}", lambda v: validation.text(v, "the reason", max_length=200), reason
    )
    _stop(problems)
    with action.writing(actor) as act:
        row = queries.review(review_id, session=act.session)
        if row is None:
            raise NotFound("That review no longer exists.")
        row.hidden_at, row.hidden_reason = act.now, why
        act.audit("hide", "review", review_id, why)
        act.session.flush()
        return _view(act)


def show_review(actor: Actor, review_id: int) -> CatalogueView:
    access.require_role(actor, Role.ADMIN)
    with action.writing(actor) as act:
        row = queries.review(review_id, session=act.session)
        if row is None:
            raise NotFound("That review no longer exists.")
        row.hidden_at, row.hidden_reason = None, None
        act.audit("show", "review", review_id)
        act.session.flush()
        return _view(act)


# ---- inside ---------------------------------------------------------------------------------


Item = Competency | Characteristic


def _item(act: Action, kind: str, item_id: int) -> Item | None:
    if kind == "competency":
        return act.session.get(Competency, item_id, with_for_update=True)
    return act.session.get(Characteristic, item_id, with_for_update=True)


def _retirable(act: Action, kind: str, item_id: int) -> Program | Service | Item | None:
    if kind == "program":
        return act.session.get(Program, item_id, with_for_update=True)
    if kind == "service":
        return act.session.get(Service, item_id, with_for_update=True)
    return _item(act, kind, item_id)


def _stop(problems: dict[str, str]) -> None:
    if problems:
        raise InvalidInput(problems)


def _check(problems: dict[str, str], name: str, check: Callable[[Any], T], value: Any) -> T:
    try:
        return check(value)
    except ValueError as error:
        problems[name] = str(error)
        return None  # type: ignore[return-value]


def _glyph(value: object) -> str:
    text = str(value or "").strip()
    if not _GLYPH.fullmatch(text):
        raise ValueError(
            "Please give a Material icon name in lower case, like local_police or medical_information."
        )
    return text


def _code(value: object) -> str:
    text = str(value or "").strip()
    if not _CODE.fullmatch(text):
        raise ValueError("Please give a short code of letters, digits or _, like first_aid (2 to 40).")
    return text


def _unit(value: object) -> ServiceUnit:
    try:
        return ServiceUnit(str(value))
    except ValueError:
        raise ValueError("Please choose: by the hour or each visit.") from None


def _view(act: Action) -> CatalogueView:
    session = act.session
    return CatalogueView(
        programs=tuple(
            ProgramLine(p.id, p.code, p.name, p.kind.value, p.active)
            for p in queries.programs(session=session)
        ),
        services=tuple(
            ServiceLine(
                s.id,
                s.name,
                s.glyph,
                s.description,
                s.unit.value,
                s.default_duration_minutes,
                s.active,
                s.image_media_id,
            )
            for s in queries.services(session=session)
        ),
        competencies=tuple(
            ItemLine(c.id, c.name, c.glyph, c.kind.value, c.expires, c.active)
            for c in queries.competencies(session=session)
        ),
        characteristics=tuple(
            ItemLine(c.id, c.name, c.glyph, c.kind.value, active=c.active)
            for c in queries.characteristics(session=session)
        ),
        rules=tuple(
            RuleLine(
                r.id,
                r.program or "Every visit",
                r.competency or r.characteristic or "",
                bool(r.mandatory),
                r.weight,
            )
            for r in queries.agency_requirements(session=session)
        ),
        groups=tuple(GroupLine(g.id, g.name) for g in queries.groups(session=session)),
        reviews=tuple(
            ReviewLine(
                r.id,
                people.known_as(r.worker_preferred, r.worker_first, r.worker_last),
                f"{r.client_first} {r.client_last}" if r.client_first else "A former client",
                r.stars,
                r.comment,
                r.hidden_reason,
            )
            for r in queries.reviews(limit=REVIEWS_SHOWN, session=session)
        ),
    )
