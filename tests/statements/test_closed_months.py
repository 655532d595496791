"""An issued statement never changes. Once, a visit of 26 October approved and billed in December
landed back in October — whose statement had never been issued — and so changed November's, which
had been issued and e-mailed ($25,727.52 e-mailed, $25,692.38 on screen afterwards). Now a month
whose statement, or any later month's, has been issued is closed: the late charge goes on the first
open month and says which visit it was for; and re-opening an issued statement shows exactly what
was sent."""

import io
from datetime import UTC, date, datetime

from pypdf import PdfReader
from sqlalchemy import select, update

from domain import clock
from domain.signoff import billing
from domain.statements import monthly, reading, snapshot, wording
from domain.statements.reading import StatementRequest
from domain.vocabulary import LedgerKind, ShiftStatus
from storage import db
from storage.models import Client, LedgerEntry, OutboxMessage, Shift, Statement
from tests.support.personas import Personas

from .builders import HOME_CARE, NDIS, no_show, service, statement, year_of_services

DECEMBER_3 = datetime(2026, 12, 2, 22, 0, tzinfo=UTC)  # 9 am on Thursday 3 December in Sydney


def a_late_october_visit(client_id: int) -> tuple[int, int, date]:
    """One of the client's October visits made to wait for approval, its charge taken back:
    (shift, package, day of the visit)."""
    with db.write() as session:
        shift = session.scalars(
            select(Shift)
            .where(
                Shift.client_id == client_id,
                Shift.status == ShiftStatus.BILLED,
                Shift.occurrence_date.between(date(2026, 10, 20), date(2026, 10, 31)),
            )
            .order_by(Shift.starts_at.desc())
        ).first()
        assert shift is not None
        session.execute(LedgerEntry.__table__.delete().where(LedgerEntry.shift_id == shift.id))
        shift.status, shift.billed_at = ShiftStatus.APPROVED, None
        assert shift.package_id is not None
        return shift.id, shift.package_id, shift.occurrence_date


def issued(package_id: int, month: date) -> Statement:
    with db.read() as session:
        found = session.scalar(
            select(Statement).where(Statement.package_id == package_id, Statement.period_start == month)
        )
    assert found is not None
    return found


def test_a_late_charge_for_a_month_before_an_issued_one_goes_on_the_first_open_month(
    personas: Personas,
) -> None:
    margaret = personas.client.client_id
    shift_id, package_id, visit_day = a_late_october_visit(margaret)
    clock.freeze(DECEMBER_3)
    monthly.generate_monthly(date(2026, 11, 1))  # November goes out; October never did
    november = issued(package_id, date(2026, 11, 1))
    assert billing.bill_approved_shifts() >= 1
    with db.read() as session:
        entry = session.scalar(
            select(LedgerEntry).where(
                LedgerEntry.shift_id == shift_id, LedgerEntry.kind == LedgerKind.SERVICE
            )
        )
    assert entry is not None
    assert (entry.entry_date, entry.refers_to_month, entry.service_date) == (
        date(2026, 12, 3),
        date(2026, 10, 1),
        visit_day,
    )
    asked = StatementRequest(package=str(package_id), month="2026-11")
    shown = reading.open_statement(personas.client, margaret, asked).statement
    assert shown is not None
    assert (shown.opening, shown.closing) == (november.opening_cents, november.closing_cents)
    with db.read() as session:
        [email] = session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.template == "statement_ready",
                OutboxMessage.to_address.contains("margaret@example.com"),
            )
        ).all()
    assert wording.dollars(november.closing_cents) in email.body_text


def test_the_late_charge_says_which_visit_it_was_for_on_screen_and_in_the_pdf(personas: Personas) -> None:
    margaret = personas.client.client_id
    _shift_id, package_id, visit_day = a_late_october_visit(margaret)
    clock.freeze(DECEMBER_3)
    monthly.generate_monthly(date(2026, 11, 1))
    billing.bill_approved_shifts()
    asked = StatementRequest(package=str(package_id), month="2026-12")
    december = reading.open_statement(personas.client, margaret, asked).statement
    assert december is not None
    table = wording.services(december)
    assert "For" in table.headings
    said = f"visit of {wording.short_day(visit_day)}"
    assert any(said in row.cells for row in table.rows)
    pdf = reading.statement_pdf(personas.client, margaret, asked)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert said in " ".join(text.split())


def test_reopening_an_issued_statement_shows_exactly_what_was_sent(personas: Personas) -> None:
    margaret = personas.client.client_id
    clock.freeze(DECEMBER_3)
    monthly.generate_monthly(date(2026, 11, 1))
    asked = StatementRequest(month="2026-11")
    as_sent = reading.open_statement(personas.client, margaret, asked).statement
    assert as_sent is not None
    with db.write() as session:  # later: she gives a preferred name, and a charge is corrected in place
        session.execute(update(Client).where(Client.id == margaret).values(preferred_name="Peggy"))
        entry = session.scalars(
            select(LedgerEntry).where(
                LedgerEntry.package_id == as_sent.package.package_id,
                LedgerEntry.entry_date.between(date(2026, 11, 1), date(2026, 11, 30)),
                LedgerEntry.kind == LedgerKind.SERVICE,
            )
        ).first()
        assert entry is not None
        entry.description = "Renamed service"
    reopened = reading.open_statement(personas.client, margaret, asked).statement
    assert reopened == as_sent
    assert reopened.package.client_name == "Margaret Wilson"


def test_a_statement_written_down_reads_back_the_same() -> None:
    lines = [*year_of_services(60), no_show(9100, date(2026, 5, 3))]
    late = service(9200, date(2026, 6, 2), service_day=date(2026, 4, 28), refers_to_month=date(2026, 4, 1))
    for package in (HOME_CARE, NDIS):
        period = reading.periods.for_month(date(2026, 6, 1), date(2026, 11, 27))
        kept = statement(package, period, [*lines, late])
        assert snapshot.from_json(snapshot.to_json(kept)) == kept
