"""Loading what a statement needs from the ledger, inside the caller's session, and handing it to the
arithmetic: the balance before the period (summed by the database), the period's entries, and the
months of the chart."""

from sqlalchemy.orm import Session

from domain.statements import arithmetic
from domain.statements.model import LedgerLine, PackageFacts, PackageStatement, Period
from storage.queries import statements as statement_queries


def package_facts(package_id: int, *, session: Session) -> PackageFacts | None:
    row = statement_queries.package(package_id, session=session)
    if row is None:
        return None
    package = row.FundingPackage
    return PackageFacts(
        package_id=package.id,
        client_id=package.client_id,
        client_name=f"{row.preferred_name or row.first_name} {row.last_name}",
        client_number=row.client_number,
        program=row.program,
        program_kind=row.program_kind,
        level=package.level,
        reference=package.reference,
        starts_on=package.starts_on,
        ends_on=package.ends_on,
    )


def statement(facts: PackageFacts, period: Period, *, session: Session) -> PackageStatement:
    package_id = facts.package_id
    opening = statement_queries.balance_before(package_id, period.first, session=session)
    rows = statement_queries.entries_between(package_id, period.first, period.last, session=session)
    chart_first = arithmetic.chart_start(facts, period)
    chart_opening = sum(statement_queries.balance_before(package_id, chart_first, session=session).values())
    moves = statement_queries.movements_between(package_id, chart_first, period.last, session=session)
    by_month = arithmetic.budget_by_month(chart_opening, moves, chart_first, period.last)
    return arithmetic.build(facts, period, opening, [ledger_line(row) for row in rows], by_month)


def ledger_line(row: statement_queries.LedgerRow) -> LedgerLine:
    entry = row.LedgerEntry
    return LedgerLine(
        entry_id=entry.id,
        day=entry.entry_date,
        kind=entry.kind,
        amount=entry.amount_cents,
        description=entry.description,
        shift_id=entry.shift_id,
        units=entry.units,
        unit=row.unit,
        rate=entry.rate_cents,
        subsidy=entry.subsidy_cents,
        contribution=entry.contribution_cents,
        ndis_category=entry.ndis_category,
        cancel_band=row.cancel_band,
        cancel_reason=entry.cancel_reason,
        refers_to_month=entry.refers_to_month,
        service_day=entry.service_date,
    )
