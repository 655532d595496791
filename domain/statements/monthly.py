"""The monthly statement job: once a month is over, each package's statement for it is generated and
the client (and their carers) are told it is ready. Safe to run twice: a package that already has
its statement for the month is left alone, and a unique index on (package, period) backs that up.

The scheduler (notify) calls generate_monthly() early each month.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from domain import clock
from domain.agency.local_time import agency_today
from domain.agency.settings import AgencySettings
from domain.errors import InvalidInput
from domain.messaging import outbox
from domain.money import dollars
from domain.statements import loading, periods
from domain.statements.model import PackageStatement
from storage import db
from storage.models import Statement
from storage.queries import statements as statement_queries

TEMPLATE = "statement_ready"


@dataclass(frozen=True)
class MonthlyRun:
    month: date
    generated: int  # statements written by this run
    told: int  # of those, how many were e-mailed to someone


def generate_monthly(month: date | None = None) -> MonthlyRun:
    """Every package's statement for `month` (default: last month), in one transaction."""
    today = agency_today()
    first = periods.month_start(month) if month else periods.previous_month(today)
    if periods.month_end(first) >= today:
        raise InvalidInput({"month": "A month's statements are made once the month is over."})
    period = periods.for_month(first, today)
    generated = told = 0
    with db.write() as session:
        for package_id in statement_queries.packages_without_statement(
            period.first, period.last, session=session
        ):
            facts = loading.package_facts(package_id, session=session)
            assert facts is not None
            statement = loading.statement(facts, period, session=session)
            recipients = statement_queries.statement_recipients(facts.client_id, session=session)
            statement_queries.add_statement(record(statement, told=bool(recipients)), session=session)
            if recipients:
                outbox.queue_email(session, to=recipients, template=TEMPLATE, context=context(statement))
                told += 1
            generated += 1
    return MonthlyRun(first, generated, told)


def record(statement: PackageStatement, *, told: bool) -> Statement:
    now = clock.now()
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
    )


def context(statement: PackageStatement) -> dict[str, Any]:
    return {
        "client_name": statement.package.client_name,
        "package": statement.package.label,
        "month": statement.period.label,
        "closing": dollars(statement.closing),
        "contributions": dollars(statement.total_contributions),
    }


@outbox.template(TEMPLATE)
def statement_ready(context: Mapping[str, Any], agency: AgencySettings) -> outbox.Rendered:
    lines = (
        "Hello,",
        f"The statement for {context['client_name']} for {context['month']} is ready ({context['package']}).",
        f"Funds remaining at the end of the month: {context['closing']}. "
        f"Contributions in the month: {context['contributions']}.",
        f"To read it or print it, sign in to the {agency.name} portal and choose Statements.",
        f"If anything looks wrong, please call us on {agency.phone}.",
        agency.name,
    )
    return outbox.Rendered(
        subject=f"Statement for {context['month']} is ready",
        text="\n\n".join(lines),
        html=outbox.paragraphs_html(*lines),
    )
