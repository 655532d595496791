"""An issued statement never changes: work on a closed month that is billed later goes on the
current month's statement, marked as belonging to the earlier month."""

from datetime import date

from sqlalchemy import select

from domain.signoff import billing
from domain.statements import monthly, reading
from domain.statements.reading import StatementRequest
from domain.vocabulary import LedgerKind, ShiftStatus
from storage import db
from storage.models import LedgerEntry, Shift, Statement
from tests.support.personas import Personas


def test_a_visit_approved_after_its_statement_was_issued_is_billed_in_the_current_month(
    personas: Personas,
) -> None:
    with db.write() as session:
        shift = session.scalar(
            select(Shift)
            .where(
                Shift.client_id == personas.client.client_id,
                Shift.status == ShiftStatus.BILLED,
                Shift.occurrence_date.between(date(2026, 10, 1), date(2026, 10, 31)),
            )
            .order_by(Shift.starts_at)
        )
        october_day = shift.occurrence_date
        # Pretend this visit was only approved now: take back its charge and make it approved again.
        session.execute(LedgerEntry.__table__.delete().where(LedgerEntry.shift_id == shift.id))
        shift.status, shift.billed_at = ShiftStatus.APPROVED, None
        package_id = shift.package_id
    monthly.generate_monthly(date(2026, 10, 1))  # October is issued while the visit awaits approval
    with db.read() as session:
        issued = session.scalar(
            select(Statement).where(
                Statement.package_id == package_id, Statement.period_start == date(2026, 10, 1)
            )
        )
    assert billing.bill_approved_shifts() >= 1
    with db.read() as session:
        entry = session.scalar(
            select(LedgerEntry).where(
                LedgerEntry.shift_id == shift.id, LedgerEntry.kind == LedgerKind.SERVICE
            )
        )
    assert entry.entry_date == date(2026, 11, 27)
    assert entry.refers_to_month == date(2026, 10, 1)
    assert october_day.month == 10
    # October as issued still adds up the same way today.
    request = StatementRequest(package=str(package_id), month="2026-10")
    october = reading.open_statement(personas.client, personas.client.client_id, request).statement
    assert october.closing == issued.closing_cents
    assert october.opening == issued.opening_cents
