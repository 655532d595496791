"""Reconciling statements against the ledger itself: the checks the acceptance tests share."""

from collections import Counter
from datetime import date
from itertools import pairwise

from sqlalchemy import func, select

from domain.statements import loading, periods
from domain.statements.model import PackageStatement
from domain.vocabulary import LedgerKind, ShiftStatus
from storage import db
from storage.models import FundingPackage, LedgerEntry, Shift
from storage.queries import statements as statement_queries


def package_ids() -> list[int]:
    with db.read() as session:
        return list(session.scalars(select(FundingPackage.id).order_by(FundingPackage.id)))


def monthly_statements(package_id: int, today: date) -> list[PackageStatement]:
    """Every calendar month's statement from the package's first entry (or start) to this month."""
    with db.read() as session:
        facts = loading.package_facts(package_id, session=session)
        assert facts is not None
        first_entry, _ = statement_queries.entry_span(package_id, session=session)
        first = min(facts.starts_on, first_entry or facts.starts_on)
        return [
            loading.statement(facts, periods.for_month(month, today), session=session)
            for month in periods.months_between(first, today)
        ]


def assert_reconciled(package_id: int, months: list[PackageStatement]) -> None:
    for month in months:
        assert month.opening + month.credits - month.debits == month.closing, month.period.label
    for before, after in pairwise(months):
        assert before.closing == after.opening, f"{before.period.label} -> {after.period.label}"
    assert months[0].opening == 0
    with db.read() as session:
        ledger = Counter(session.scalars(select(LedgerEntry.id).where(LedgerEntry.package_id == package_id)))
        balance = session.scalar(
            select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(
                LedgerEntry.package_id == package_id
            )
        )
        billed = Counter(session.scalars(_shifts(package_id, Shift.status == ShiftStatus.BILLED)))
        with_fee = Counter(session.scalars(_shifts(package_id, Shift.cancel_fee_cents > 0)))
    assert Counter(x.entry_id for m in months for x in m.lines) == ledger  # each entry exactly once
    assert months[-1].closing == balance
    assert Counter(x.shift_id for m in months for x in m.services) == billed  # each billed shift once
    assert Counter(x.shift_id for m in months for x in m.cancellations) == with_fee  # each fee once
    assert all(x.kind == LedgerKind.SERVICE for m in months for x in m.services)


def _shifts(package_id: int, condition: object) -> object:
    return select(Shift.id).where(Shift.package_id == package_id, condition)
