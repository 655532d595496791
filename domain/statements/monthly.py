"""The monthly statement job: once a month is over, each package's statement for it is generated and
the client (and their carers) are told it is ready. Safe to run twice: a package that already has
its statement for the month is left alone, and a unique index on (package, period) backs that up.

The scheduler (notify) calls generate_monthly() early each month.
"""

from dataclasses import dataclass
from datetime import date, datetime

from domain import action
from domain.accounts import access
from domain.action import Action
from domain.errors import InvalidInput
from domain.messaging import outbox
from domain.statements import loading, periods, snapshot
from domain.statements.letters import StatementReady
from domain.statements.model import PackageStatement, Period
from domain.vocabulary import CarerAccess, ClientAction
from storage.models import Statement
from storage.queries import statements as statement_queries

BATCH = 50  # packages a transaction


@dataclass(frozen=True)
class MonthlyRun:
    month: date
    generated: int  # statements written by this run
    told: int  # of those, how many were e-mailed to someone


def generate_monthly(month: date | None = None) -> MonthlyRun:
    """Every package's statement for `month` (default: last month), a batch of packages per
    transaction: a large agency's month does not hold the database for all of them at once."""
    generated = told = 0
    while True:
        with action.writing() as act:
            period = _finished_month(month, act.today)
            due = statement_queries.packages_without_statement(
                period.first, period.last, session=act.session
            )[:BATCH]
            for package_id in due:
                told += _issue(act, package_id, period)
        generated += len(due)
        if len(due) < BATCH:
            return MonthlyRun(period.first, generated, told)


def _finished_month(month: date | None, today: date) -> Period:
    first = periods.month_start(month) if month else periods.previous_month(today)
    if periods.month_end(first) >= today:
        raise InvalidInput({"month": "A month's statements are made once the month is over."})
    return periods.for_month(first, today)


def _issue(act: Action, package_id: int, period: Period) -> bool:
    """Write the package's statement and tell its readers; whether anyone was told."""
    facts = loading.package_facts(package_id, session=act.session)
    assert facts is not None
    statement = loading.statement(facts, period, session=act.session)
    recipients = _readers(
        facts.client_id, statement_queries.statement_recipients(facts.client_id, session=act.session)
    )
    statement_queries.add_statement(record(statement, act.now, told=bool(recipients)), session=act.session)
    if recipients:
        outbox.email(act, to=recipients, letter=ready(statement))
    return bool(recipients)


def _readers(client_id: int, found: list[tuple[str, CarerAccess | None, bool]]) -> list[str]:
    """The addresses the statement goes to, each once: a carer's only when the carer access rule lets
    them have the client's statements."""
    allowed = [
        email
        for email, level, statements in found
        if level is None
        or access.grant_allows(access.Grant(client_id, level, statements), ClientAction.STATEMENTS)
    ]
    return list(dict.fromkeys(email.lower() for email in allowed))


def record(statement: PackageStatement, now: datetime, *, told: bool) -> Statement:
    return Statement(
        package_id=statement.package.package_id,
        period_start=statement.period.first,
        period_end=statement.period.last,
        opening_cents=statement.opening,
        credits_cents=statement.credits,
        debits_cents=statement.debits,
        closing_cents=statement.closing,
        contributions_cents=statement.total_contributions,
        generated_at=now,
        notified_at=now if told else None,  # the e-mail is queued in this same transaction
        content=snapshot.to_json(statement),  # re-opened, it shows exactly this
    )


def ready(statement: PackageStatement) -> StatementReady:
    return StatementReady(
        client_name=statement.package.client_name,
        package=statement.package.label,
        month=statement.period.first,
        closing_cents=statement.closing,
        contributions_cents=statement.total_contributions,
    )
