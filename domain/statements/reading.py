"""Reading statements: which packages and months a client or carer may choose, and the statement
chosen, on screen or as a PDF. Both go through one check: the client must be one the person acts for
(staff: any), and the package must be that client's."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import NotAllowed, NotFound
from domain.language import _
from domain.statements import loading, pdf, periods, snapshot
from domain.statements.model import PackageStatement, Period
from domain.vocabulary import ClientAction
from storage.queries import clients as client_queries
from storage.queries import media as media_queries
from storage.queries import statements as statement_queries


@dataclass(frozen=True)
class MonthChoice:
    value: str  # "2026-11"
    label: str


@dataclass(frozen=True)
class PackageChoice:
    package_id: int
    label: str
    months: tuple[MonthChoice, ...]  # newest first
    first_day: date | None = None  # the package's first day (or its earliest ledger entry)


@dataclass(frozen=True)
class StatementRequest:
    """What someone asked for, as typed or taken from the address: checked here, not by the page."""

    package: str | None = None
    month: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class StatementView:
    client_id: int
    client_name: str
    packages: tuple[PackageChoice, ...]
    statement: PackageStatement | None  # None when the client has no package yet


@dataclass(frozen=True)
class StatementDocument:
    filename: str
    content: bytes


def open_statement(actor: Actor, client_id: int, request: StatementRequest) -> StatementView:
    access.require(actor, client_id, ClientAction.STATEMENTS)
    with action.writing(actor) as act:
        return _read(act, client_id, request, what="view")


def statement_pdf(actor: Actor, client_id: int, request: StatementRequest) -> StatementDocument:
    """The statement as a PDF: the same check, the same figures as the screen."""
    access.require(actor, client_id, ClientAction.STATEMENTS)
    with action.writing(actor) as act:
        view = _read(act, client_id, request, what="download")
        head = letterhead(act)
    if view.statement is None:
        raise NotFound(_("There is no statement to print yet."))
    # Drawn after the transaction has ended: a PDF takes a while and holds no rows.
    return StatementDocument(filename(view.statement), pdf.render(view.statement, head))


def _read(act: Action, client_id: int, request: StatementRequest, *, what: str) -> StatementView:
    """The statement asked for; its reading ("view", "download") is audited."""
    periods.choose(request.month, request.start, request.end, act.today)  # bad input first: nothing read
    client = client_queries.by_id(client_id, session=act.session)
    if client is None:
        raise NotFound(_("We could not find that client."))
    choices = package_choices(client_id, act.today, session=act.session)
    if not choices:
        return StatementView(client_id, client.full_name, (), None)
    package_id = _chosen_package(request.package, choices)
    chosen = next(choice for choice in choices if choice.package_id == package_id)
    period = periods.choose(request.month, request.start, request.end, act.today, chosen.first_day)
    statement = _as_issued(act, package_id, period) or _as_now(act, package_id, period)
    act.audit(what, "package", package_id, f"statement {period.first} to {period.last}")
    return StatementView(client_id, client.full_name, choices, statement)


def _as_issued(act: Action, package_id: int, period: Period) -> PackageStatement | None:
    """An issued month is shown as it was issued (and e-mailed), whatever has changed since."""
    if period.month is None:
        return None
    issued = statement_queries.issued(package_id, period.first, period.last, session=act.session)
    if issued is None or issued.content is None:  # issued before statements were kept as issued
        return None
    return snapshot.from_json(issued.content)


def _as_now(act: Action, package_id: int, period: Period) -> PackageStatement:
    facts = loading.package_facts(package_id, session=act.session)
    assert facts is not None
    return loading.statement(facts, period, session=act.session)


def _chosen_package(asked: str | None, choices: tuple[PackageChoice, ...]) -> int:
    """The package asked for, if it is one of the client's; the newest when none was asked for."""
    if not asked:
        return choices[0].package_id
    mine = {str(choice.package_id): choice.package_id for choice in choices}
    if asked.strip() not in mine:
        raise NotAllowed()  # the same answer whether it exists or not, so ids cannot be probed
    return mine[asked.strip()]


def package_choices(client_id: int, today: date, *, session: Session) -> tuple[PackageChoice, ...]:
    choices = []
    for row in statement_queries.packages_of_client(client_id, session=session):
        package = row.FundingPackage
        first_entry, last_entry = statement_queries.entry_span(package.id, session=session)
        first = min(package.starts_on, first_entry or package.starts_on)
        last = min(today, max(package.ends_on, last_entry or package.ends_on))
        months = tuple(_month_choice(month, today) for month in reversed(periods.months_between(first, last)))
        label = f"{row.program} · {package.level} · {package.reference}"
        choices.append(PackageChoice(package.id, label, months, first))
    return tuple(choices)


def _month_choice(month: date, today: date) -> MonthChoice:
    label = periods.month_label(month)
    if month == periods.month_start(today):
        label = _("{month} (so far)").format(month=label)
    return MonthChoice(f"{month:%Y-%m}", label)


def letterhead(act: Action) -> pdf.Letterhead:
    settings = act.settings
    logo = None
    if settings.logo_media_id is not None:
        found = media_queries.content(settings.logo_media_id, session=act.session)
        logo = found[0] if found else None
    return pdf.Letterhead(settings.name, settings.phone, settings.email, logo)


def filename(statement: PackageStatement) -> str:
    return f"statement-{statement.package.reference}-{period_slug(statement.period)}.pdf"


def period_slug(period: Period) -> str:
    if period.month is not None:
        return f"{period.month:%Y-%m}"
    return f"{period.first:%Y-%m-%d}-to-{period.last:%Y-%m-%d}"
