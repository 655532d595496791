"""Acceptance: every package's statements reconcile to the cent, month after month, on both
databases, for the demo agency and for two years of a generated agency; every billed shift and
every fee appears on exactly one statement."""

from datetime import date

from sqlalchemy import select

from domain import action
from domain.statements import periods
from domain.vocabulary import LedgerKind
from storage import db
from storage.models import LedgerEntry

from .ledger_checks import assert_reconciled, monthly_statements, package_ids


def agency_today() -> date:
    with action.reading() as act:
        return act.today


def test_every_demo_package_reconciles_month_after_month(demo_db: str) -> None:
    ids = package_ids()
    assert len(ids) == 60
    for package_id in ids:
        assert_reconciled(package_id, monthly_statements(package_id, agency_today()))


def test_the_demo_history_has_every_kind_of_ledger_line(demo_db: str) -> None:
    """So that the reconciliation above covers fees, contributions, adjustments and refunds too."""
    with db.read() as session:
        kinds = set(session.scalars(select(LedgerEntry.kind).distinct()))
        corrections = session.execute(
            select(LedgerEntry.refers_to_month, LedgerEntry.entry_date).where(
                LedgerEntry.kind.in_((LedgerKind.ADJUSTMENT, LedgerKind.REFUND))
            )
        ).all()
    assert kinds >= set(LedgerKind) - {LedgerKind.PACKAGE_MANAGEMENT}
    assert corrections
    assert all(refers < periods.month_start(posted) for refers, posted in corrections)


def test_two_years_of_a_generated_agency_reconcile(two_year_agency: str) -> None:
    today, services = agency_today(), 0
    for package_id in package_ids():
        months = monthly_statements(package_id, today)
        assert months[0].period.first <= date(2024, 11, 1)
        assert len(months) >= 24
        assert_reconciled(package_id, months)
        services += sum(len(m.services) for m in months)
    assert services > 500  # two years of billed visits, not an empty ledger
