"""Clients in the back office, for administrators and case managers: the list, a new client, their
details (language, case manager, marketing groups, home address placed on the map or flagged),
funding packages, approved services (hours or visits per period) and the client's and client-service
requirements (mandatory or desirable). Every change is checked for the role, validated field by
field (nothing written on any problem), audited, and written in one transaction; matching reads
requirements on every search, so a change counts at once."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeVar

from adapters import geocoding
from domain import action, clock, language, people, validation
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.backoffice import fields
from domain.backoffice.fields import Choice
from domain.errors import InvalidInput, NotFound
from domain.vocabulary import (
    BudgetPeriod,
    CarerAccess,
    Gender,
    GeocodeStatus,
    NdisCategory,
    ProgramKind,
    RequirementLevel,
    Role,
)
from storage.models import ApprovedService, Client, FundingPackage, PackageBudget, Requirement
from storage.queries import client_records as queries
from storage.queries import clients as client_queries

T = TypeVar("T")
MAY_EDIT = (Role.ADMIN, Role.CASE_MANAGER)
LIST_LIMIT = 200
CATEGORY_NAMES = {
    NdisCategory.CORE: "Core",
    NdisCategory.CAPACITY_BUILDING: "Capacity Building",
    NdisCategory.CAPITAL: "Capital",
}
PERIOD_NAMES = {
    BudgetPeriod.WEEK: "a week",
    BudgetPeriod.MONTH: "a month",
    BudgetPeriod.QUARTER: "a quarter",
    BudgetPeriod.PLAN: "the whole plan",
}
GENDER_NAMES = {
    Gender.FEMALE: "Female",
    Gender.MALE: "Male",
    Gender.NON_BINARY: "Non-binary",
    Gender.NOT_STATED: "Not stated",
}


@dataclass(frozen=True)
class ClientLine:
    client_id: int
    client_number: str
    name: str
    suburb: str
    active: bool
    unplaced: bool


@dataclass(frozen=True)
class ClientForm:
    client_number: str = ""
    first_name: str = ""
    last_name: str = ""
    preferred_name: str = ""
    gender: str = ""
    date_of_birth: object = ""
    mobile_phone: str = ""
    home_phone: str = ""
    email: str = ""
    street: str = ""
    suburb: str = ""
    state: str = ""
    postcode: str = ""
    language: str = "English"
    interpreter_needed: bool = False
    case_manager_id: int | None = None
    marketing_group_ids: tuple[int, ...] = ()
    notes: str = ""
    active: bool = True


@dataclass(frozen=True)
class PackageLine:
    package_id: int
    reference: str
    program: str
    level: str
    starts_on: date
    ends_on: date
    budget: str
    contribution_pct: int = 0  # the share of each service the client pays
    categories: str = ""  # NDIS support category budgets: "Core $20,000.00; Capital $1,500.00"


@dataclass(frozen=True)
class ApprovedLine:
    approved_id: int
    reference: str
    service: str
    amount: str  # "6 hours a week"
    rate: str = ""  # the approved service's own (negotiated) rate, "" for the program's rates


@dataclass(frozen=True)
class RequirementLine:
    requirement_id: int
    what: str
    service: str  # "" for every service
    mandatory: bool


@dataclass(frozen=True)
class CarerLine:
    account_id: int
    name: str
    who: str  # "Daniel Nguyen (Son), daniel@example.com", and the language he reads when not English
    level: CarerAccess
    statements: bool

    @property
    def access(self) -> str:
        return access.access_words(self.level, self.statements)


@dataclass(frozen=True)
class ClientRecord:
    client_id: int
    form: ClientForm
    name: str
    home_located: GeocodeStatus
    has_account: bool
    # the language of the client's pages, e-mails and statements, named in English ("": no account)
    reads_in: str
    carers: tuple[CarerLine, ...]
    packages: tuple[PackageLine, ...]
    approved: tuple[ApprovedLine, ...]
    requirements: tuple[RequirementLine, ...]


@dataclass(frozen=True)
class ClientChoices:
    genders: dict[str, str]
    case_managers: tuple[Choice, ...]
    marketing_groups: tuple[Choice, ...]
    programs: tuple[Choice, ...]
    services: tuple[Choice, ...]
    periods: dict[str, str]
    items: dict[str, str]  # "competency:3" / "characteristic:7" -> name


def find(actor: Actor, search: str = "") -> list[ClientLine]:
    access.require_role(actor, *MAY_EDIT)
    text = validation.text(search, "a search", max_length=80, required=False)
    with action.reading(actor) as act:
        rows = queries.clients(text, limit=LIST_LIMIT, session=act.session)
    return [
        ClientLine(
            r.id,
            r.client_number,
            people.known_as(r.preferred_name, r.first_name, r.last_name),
            r.home_suburb,
            r.active,
            r.home_geocode == GeocodeStatus.NOT_FOUND,
        )
        for r in rows
    ]


def choices(actor: Actor) -> ClientChoices:
    access.require_role(actor, *MAY_EDIT)
    with action.reading(actor) as act:
        session = act.session
        items = {f"competency:{r.id}": r.name for r in queries.competencies(session=session)}
        items |= {f"characteristic:{r.id}": r.name for r in queries.characteristics(session=session)}
        return ClientChoices(
            genders={g.value: name for g, name in GENDER_NAMES.items()},
            case_managers=tuple(Choice(r.id, r.display_name) for r in queries.case_managers(session=session)),
            marketing_groups=tuple(Choice(g.id, g.name) for g in queries.marketing_groups(session=session)),
            programs=tuple(Choice(r.id, r.name) for r in queries.programs(session=session)),
            services=tuple(Choice(r.id, r.name) for r in queries.services(session=session)),
            periods={p.value: name for p, name in PERIOD_NAMES.items()},
            items=items,
        )


def record(actor: Actor, client_id: int) -> ClientRecord:
    access.require_role(actor, *MAY_EDIT)
    with action.reading(actor) as act:
        return _record(act, _client(act, client_id))


def create(actor: Actor, form: ClientForm) -> int:
    access.require_role(actor, *MAY_EDIT)
    clean, address = _checked(form)
    position = geocoding.locate(*address.values())
    with action.writing(actor) as act:
        if queries.client_number_taken(clean["client_number"], besides=None, session=act.session):
            raise InvalidInput({"client_number": f"Client number {clean['client_number']} is already taken."})
        groups = _groups(act, form.marketing_group_ids)
        _case_manager(act, form.case_manager_id)
        client = Client(**clean, **address, **_placed(position))
        client.marketing_groups = groups
        act.session.add(client)
        act.session.flush()
        act.audit("create", "client", client.id)
        return client.id


def update(actor: Actor, client_id: int, form: ClientForm) -> ClientRecord:
    access.require_role(actor, *MAY_EDIT)
    clean, address = _checked(form)
    with action.writing(actor) as act:
        client = _client(act, client_id, for_update=True)
        if queries.client_number_taken(clean["client_number"], besides=client_id, session=act.session):
            raise InvalidInput({"client_number": f"Client number {clean['client_number']} is already taken."})
        groups = _groups(act, form.marketing_group_ids)
        _case_manager(act, form.case_manager_id)
        moved = any(getattr(client, name) != value for name, value in address.items())
        changed = [name for name, value in {**clean, **address}.items() if getattr(client, name) != value]
        for name, value in {**clean, **address}.items():
            setattr(client, name, value)
        client.marketing_groups = groups
        if moved or client.home_geocode == GeocodeStatus.NOT_FOUND:
            for name, value in _placed(geocoding.locate(*address.values())).items():
                setattr(client, name, value)
        act.audit("update", "client", client_id, ", ".join(changed))
        act.session.flush()
        return _record(act, client)


def set_carer_access(
    actor: Actor, client_id: int, account_id: int, *, level: str, statements: bool
) -> ClientRecord:
    """What one carer may do for this client (docs/carer-access.md): the level and whether they
    receive statements. Counts from the carer's next page or API call."""
    access.require_role(actor, *MAY_EDIT)
    try:
        chosen = CarerAccess(level)
    except ValueError:
        raise InvalidInput({"access_level": "Please choose what this carer may do."}) from None
    if not isinstance(statements, bool):
        raise InvalidInput({"receives_statements": "Please say whether this carer receives statements."})
    with action.writing(actor) as act:
        client = _client(act, client_id, for_update=True)
        link = queries.carer_link(client_id, account_id, session=act.session)
        if link is None:
            raise NotFound("That carer no longer acts for this client.")
        link.access_level, link.receives_statements = chosen, statements
        act.audit(
            "change",
            "carer_link",
            account_id,
            f"client {client_id}: {access.access_words(chosen, statements)}",
            client_id=client_id,
        )
        act.session.flush()
        return _record(act, client)


def add_package(
    actor: Actor,
    client_id: int,
    *,
    program_id: int | None,
    level: str,
    starts_on: object,
    ends_on: object,
    budget: object,
    contribution: object = "0",
    categories: Mapping[str, object] | None = None,
) -> ClientRecord:
    """A funding package: its program, level, period and budget (in dollars); the share of each
    service the client pays (percent, the contribution rule); for an NDIS plan, its budget per
    support category (dollars; blank for none), together no more than the budget."""
    access.require_role(actor, *MAY_EDIT)
    problems: dict[str, str] = {}
    if program_id is None:
        problems["program"] = "Please choose the program."
    clean_level = _check(problems, "level", lambda v: validation.text(v, "the level", max_length=60), level)
    first = _check(problems, "starts_on", lambda v: fields.day(v, "the first day"), starts_on)
    last = _check(problems, "ends_on", lambda v: fields.day(v, "the last day"), ends_on)
    cents = _check(
        problems, "budget", lambda v: fields.cents(v, "the budget", high_dollars=1_000_000), budget
    )
    share = _check(problems, "contribution", _share, contribution)
    by_category: dict[NdisCategory, int] = {}
    for category in NdisCategory:
        typed = str((categories or {}).get(category.value) or "").strip()
        if typed:
            by_category[category] = _check(
                problems, f"category_{category.value}", _category_budget(category), typed
            )
    if first is not None and last is not None and last < first:
        problems["ends_on"] = "The package ends before it starts."
    categories_read = not any(f"category_{c.value}" in problems for c in NdisCategory)
    if cents is not None and categories_read and sum(by_category.values()) > cents:
        problems["category_core"] = "The support categories add up to more than the budget."
    if problems or program_id is None or first is None or last is None:
        raise InvalidInput(problems)
    with action.writing(actor) as act:
        client = _client(act, client_id, for_update=True)
        if program_id not in {r.id for r in queries.programs(session=act.session)}:
            raise InvalidInput({"program": "That program is no longer offered."})
        number = 1
        while queries.reference_taken(f"{client.client_number}-P{number}", session=act.session):
            number += 1
        package = FundingPackage(
            client_id=client_id,
            program_id=program_id,
            reference=f"{client.client_number}-P{number}",
            level=clean_level,
            starts_on=first,
            ends_on=last,
            budget_cents=cents,
            contribution_pct=share,
        )
        if by_category and not queries.program_kind(program_id, session=act.session) == ProgramKind.NDIS:
            raise InvalidInput({"category_core": "Support category budgets are for an NDIS plan only."})
        package.budgets = [PackageBudget(category=c, amount_cents=a) for c, a in by_category.items()]
        act.session.add(package)
        act.session.flush()
        act.audit("create", "funding_package", package.id, f"client {client_id}")
        return _record(act, client)


def approve_service(
    actor: Actor,
    client_id: int,
    *,
    package_id: int | None,
    service_id: int | None,
    amount: object,
    period: str,
    rate: object = "",
) -> ClientRecord:
    """A service the client may book under a package, so many hours (or visits) per period; a rate
    (dollars a unit) when one was negotiated for it, else the program's rates apply."""
    access.require_role(actor, *MAY_EDIT)
    problems: dict[str, str] = {}
    if package_id is None:
        problems["package"] = "Please choose the package."
    if service_id is None:
        problems["service"] = "Please choose the service."
    units = _check(problems, "amount", _hundredths, amount)
    own_rate = (
        _check(problems, "rate", lambda v: fields.cents(v, "the rate", high_dollars=9_999), rate)
        if str(rate or "").strip()
        else None
    )
    try:
        chosen_period = BudgetPeriod(period)
    except ValueError:
        problems["period"] = "Please choose the period."
    if problems or package_id is None or service_id is None:
        raise InvalidInput(problems)
    with action.writing(actor) as act:
        client = _client(act, client_id, for_update=True)
        if queries.package_of(client_id, package_id, session=act.session) is None:
            raise InvalidInput({"package": "That package is not this client's."})
        if service_id not in {r.id for r in queries.services(session=act.session)}:
            raise InvalidInput({"service": "That service is no longer offered."})
        if queries.already_approved(package_id, service_id, session=act.session):
            raise InvalidInput({"service": "That service is already approved under this package."})
        row = ApprovedService(
            package_id=package_id,
            service_id=service_id,
            units_per_period=units,
            period=chosen_period,
            rate_cents=own_rate,
        )
        act.session.add(row)
        act.session.flush()
        act.audit("create", "approved_service", row.id, f"client {client_id}")
        return _record(act, client)


def withdraw_service(actor: Actor, client_id: int, approved_id: int) -> ClientRecord:
    access.require_role(actor, *MAY_EDIT)
    with action.writing(actor) as act:
        client = _client(act, client_id, for_update=True)
        row = queries.approved_of(client_id, approved_id, session=act.session)
        if row is None:
            raise NotFound("That approved service has already been removed.")
        act.session.delete(row)
        act.audit("delete", "approved_service", approved_id, f"client {client_id}")
        act.session.flush()
        return _record(act, client)


def add_requirement(
    actor: Actor, client_id: int, *, item: str, mandatory: bool, service_id: int | None = None
) -> ClientRecord:
    """Something every worker for this client (or for one of their services) must have, or that
    counts in their favour (desirable). `item` is "competency:ID" or "characteristic:ID"."""
    access.require_role(actor, *MAY_EDIT)
    kind, _, number = (item or "").partition(":")
    if kind not in ("competency", "characteristic") or not number.isdigit():
        raise InvalidInput({"item": "Please choose a competency or characteristic."})
    with action.writing(actor) as act:
        client = _client(act, client_id, for_update=True)
        known = _items(act)  # retired ones are not offered: no new requirement names them
        if item not in known:
            raise InvalidInput({"item": "That is no longer offered in the catalogue."})
        if service_id is not None and service_id not in {r.id for r in queries.services(session=act.session)}:
            raise InvalidInput({"requirement_service": "That service is no longer offered."})
        row = Requirement(
            level=RequirementLevel.CLIENT if service_id is None else RequirementLevel.CLIENT_SERVICE,
            client_id=client_id,
            service_id=service_id,
            competency_id=int(number) if kind == "competency" else None,
            characteristic_id=int(number) if kind == "characteristic" else None,
            mandatory=bool(mandatory),
        )
        act.session.add(row)
        act.session.flush()
        act.audit("create", "requirement", row.id, f"client {client_id}: {known[item]}")
        return _record(act, client)


def set_requirement_mandatory(
    actor: Actor, client_id: int, requirement_id: int, *, mandatory: bool
) -> ClientRecord:
    """Make one of the client's requirements a must or a nice-to-have in place (also one naming a
    retired competency or characteristic: it changes an existing requirement, makes none)."""
    access.require_role(actor, *MAY_EDIT)
    with action.writing(actor) as act:
        client = _client(act, client_id, for_update=True)
        row = queries.requirement_of(client_id, requirement_id, session=act.session)
        if row is None:
            raise NotFound("That requirement has already been removed.")
        if row.mandatory != bool(mandatory):
            row.mandatory = bool(mandatory)
            need = "must have" if mandatory else "nice to have"
            act.audit("update", "requirement", requirement_id, f"client {client_id}: {need}")
        act.session.flush()
        return _record(act, client)


def remove_requirement(actor: Actor, client_id: int, requirement_id: int) -> ClientRecord:
    access.require_role(actor, *MAY_EDIT)
    with action.writing(actor) as act:
        client = _client(act, client_id, for_update=True)
        row = queries.requirement_of(client_id, requirement_id, session=act.session)
        if row is None:
            raise NotFound("That requirement has already been removed.")
        act.session.delete(row)
        act.audit("delete", "requirement", requirement_id, f"client {client_id}")
        act.session.flush()
        return _record(act, client)


def _items(act: Action) -> dict[str, str]:
    items = {f"competency:{r.id}": r.name for r in queries.competencies(session=act.session)}
    return items | {f"characteristic:{r.id}": r.name for r in queries.characteristics(session=act.session)}


# ---- inside ---------------------------------------------------------------------------------


def _client(act: Action, client_id: int, *, for_update: bool = False) -> Client:
    client = client_queries.by_id(client_id, session=act.session, for_update=for_update)
    if client is None:
        raise NotFound("That client does not exist.")
    return client


def _groups(act: Action, ids: tuple[int, ...]) -> list[Any]:
    groups = {g.id: g for g in queries.marketing_groups(session=act.session)}
    if any(i not in groups for i in ids):
        raise InvalidInput({"marketing_groups": "One of those groups is no longer there."})
    return [groups[i] for i in dict.fromkeys(ids)]


def _case_manager(act: Action, account_id: int | None) -> None:
    if account_id is not None and account_id not in {
        r.id for r in queries.case_managers(session=act.session)
    }:
        raise InvalidInput({"case_manager": "That person is not a case manager here."})


def _check(problems: dict[str, str], name: str, check: Callable[[Any], T], value: Any) -> T:
    try:
        return check(value)
    except ValueError as error:
        problems[name] = str(error)
        return None  # type: ignore[return-value]


def _share(value: object) -> int:
    return fields.whole(value, "the client's share (percent)", 0, 100)


def _category_budget(category: NdisCategory) -> Callable[[object], int]:
    def read(value: object) -> int:
        return fields.cents(value, f"the {CATEGORY_NAMES[category]} budget", high_dollars=1_000_000)

    return read


def _hundredths(value: object) -> int:
    """Hours or visits per period, to two decimal places, as hundredths (1.5 -> 150)."""
    text = str(value if value is not None else "").strip()
    try:
        cents = fields.cents(text, "the amount", high_dollars=1000)
    except ValueError:
        raise ValueError("Please enter how many hours or visits, like 6 or 1.5.") from None
    if cents == 0:
        raise ValueError("Please enter how many hours or visits, more than 0.")
    return cents


def _gender(value: object) -> Gender:
    try:
        return Gender(str(value))
    except ValueError:
        raise ValueError("Please choose a gender (or “Not stated”).") from None


def _checked(form: ClientForm) -> tuple[dict[str, Any], dict[str, str]]:
    problems: dict[str, str] = {}

    def text(name: str, label: str, limit: int, *, required: bool = True) -> str:
        return _check(
            problems,
            name,
            lambda v: validation.text(v, label, max_length=limit, required=required),
            getattr(form, name),
        )

    clean: dict[str, Any] = {
        "client_number": text("client_number", "the client number", 20),
        "first_name": text("first_name", "the first name", 80),
        "last_name": text("last_name", "the last name", 80),
        "preferred_name": text("preferred_name", "the preferred name", 80, required=False) or None,
        "gender": _check(problems, "gender", _gender, form.gender),
        "date_of_birth": _check(
            problems, "date_of_birth", lambda v: fields.day(v, "the date of birth"), form.date_of_birth
        ),
        "mobile_phone": _check(problems, "mobile_phone", validation.optional_phone, form.mobile_phone),
        "home_phone": _check(problems, "home_phone", validation.optional_phone, form.home_phone),
        "email": _check(problems, "email", validation.optional_email, form.email),
        "language": text("language", "the language", 60),
        "interpreter_needed": bool(form.interpreter_needed),
        "case_manager_account_id": form.case_manager_id or None,
        "notes": text("notes", "the notes", 4000, required=False),
        "active": bool(form.active),
    }
    birth = clean["date_of_birth"]
    if birth is not None and not date(1900, 1, 1) <= birth <= clock.now().date() - timedelta(days=1):
        problems["date_of_birth"] = "Please check the date of birth."
    street = text("street", "the street address", 200)
    suburb = text("suburb", "the suburb", 80)
    state = _check(problems, "state", validation.state, form.state)
    postcode = _check(problems, "postcode", lambda v: validation.postcode(v, state or "NSW"), form.postcode)
    if problems:
        raise InvalidInput(problems)
    address = {
        "home_street": street,
        "home_suburb": suburb.title() if suburb.islower() else suburb,
        "home_state": state,
        "home_postcode": postcode,
    }
    return clean, address


def _placed(position: geocoding.Position) -> dict[str, Any]:
    return {"home_lat": position.lat, "home_lon": position.lon, "home_geocode": position.status}


def _amount(units: int, unit: str, period: BudgetPeriod) -> str:
    number = f"{units / 100:g}"
    word = ("hour" if unit == "hour" else "visit") + ("" if units == 100 else "s")
    return f"{number} {word} {PERIOD_NAMES[period]}"


def _record(act: Action, client: Client) -> ClientRecord:
    session = act.session
    budgets = queries.category_budgets(client.id, session=session)
    form = ClientForm(
        client_number=client.client_number,
        first_name=client.first_name,
        last_name=client.last_name,
        preferred_name=client.preferred_name or "",
        gender=client.gender.value,
        date_of_birth=client.date_of_birth,
        mobile_phone=validation.phone_for_display(client.mobile_phone),
        home_phone=validation.phone_for_display(client.home_phone),
        email=client.email or "",
        street=client.home_street,
        suburb=client.home_suburb,
        state=client.home_state,
        postcode=client.home_postcode,
        language=client.language,
        interpreter_needed=client.interpreter_needed,
        case_manager_id=client.case_manager_account_id,
        marketing_group_ids=tuple(g.id for g in client.marketing_groups),
        notes=client.notes,
        active=client.active,
    )
    reads = queries.account_language(client.id, session=session)
    return ClientRecord(
        client_id=client.id,
        form=form,
        name=people.known_as(client.preferred_name, client.first_name, client.last_name),
        home_located=client.home_geocode,
        has_account=reads is not None,
        reads_in=language.by_code(reads).english if reads is not None else "",
        carers=tuple(
            CarerLine(
                row.id,
                row.display_name,
                f"{row.display_name} ({row.relationship_to_client}), {row.email}" + _reads(row.language),
                row.access_level,
                row.receives_statements,
            )
            for row in queries.carers(client.id, session=session)
        ),
        packages=tuple(
            PackageLine(
                r.id,
                r.reference,
                r.program,
                r.level,
                r.starts_on,
                r.ends_on,
                f"${r.budget_cents / 100:,.2f}",
                r.contribution_pct,
                "; ".join(
                    f"{CATEGORY_NAMES[b.category]} ${b.amount_cents / 100:,.2f}"
                    for b in sorted(budgets, key=lambda b: list(NdisCategory).index(b.category))
                    if b.package_id == r.id
                ),
            )
            for r in queries.packages(client.id, session=session)
        ),
        approved=tuple(
            ApprovedLine(
                r.id,
                r.reference,
                r.service,
                _amount(r.units_per_period, r.unit, r.period),
                f"${r.rate_cents / 100:,.2f}" if r.rate_cents is not None else "",
            )
            for r in queries.approved(client.id, session=session)
        ),
        requirements=tuple(
            RequirementLine(r.id, r.competency or r.characteristic or "", r.service or "", bool(r.mandatory))
            for r in queries.requirements(client.id, session=session)
        ),
    )


def _reads(code: str) -> str:
    """ ", reads Vietnamese" for a carer who does not read English (staff see who gets what)."""
    chosen = language.by_code(code)
    return "" if chosen == language.DEFAULT else f", reads {chosen.english}"
