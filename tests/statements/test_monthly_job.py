"""The monthly job: after month end each package's statement is generated once, matches the
statement on screen, and the client and carers are told it is ready."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from domain import clock
from domain.errors import InvalidInput
from domain.statements.monthly import generate_monthly
from domain.statements.reading import StatementRequest, open_statement
from storage import db
from storage.models import OutboxMessage, Statement
from tests.support.personas import Personas

from .ledger_checks import package_ids


def statements_and_emails() -> tuple[int, int]:
    with db.read() as session:
        rows = session.scalar(select(func.count()).select_from(Statement)) or 0
        emails = session.scalar(select(func.count()).where(OutboxMessage.template == "statement_ready"))
        return rows, emails or 0


def test_last_months_statements_are_made_once_and_clients_told(personas: Personas) -> None:
    first = generate_monthly()
    assert first.month == date(2026, 10, 1)
    assert first.generated == len(package_ids())
    assert statements_and_emails() == (first.generated, first.told)
    again = generate_monthly()
    assert (again.generated, again.told) == (0, 0)
    assert statements_and_emails() == (first.generated, first.told)


def test_the_generated_statement_matches_the_one_on_screen(personas: Personas) -> None:
    generate_monthly()
    margaret = personas.client.client_ids[0]
    view = open_statement(personas.client, margaret, StatementRequest(month="2026-10"))
    assert view.statement is not None
    with db.read() as session:
        row = session.scalar(
            select(Statement).where(Statement.package_id == view.statement.package.package_id)
        )
    assert row is not None
    shown = view.statement
    assert (row.period_start, row.period_end) == (date(2026, 10, 1), date(2026, 10, 31))
    assert (row.opening_cents, row.credits_cents, row.debits_cents, row.closing_cents) == (
        shown.opening,
        shown.credits,
        shown.debits,
        shown.closing,
    )
    assert row.contributions_cents == shown.total_contributions
    assert row.notified_at == clock.now()


def test_the_client_and_their_carer_are_emailed(personas: Personas) -> None:
    generate_monthly()
    with db.read() as session:
        addresses = list(
            session.scalars(
                select(OutboxMessage.to_address).where(OutboxMessage.template == "statement_ready")
            )
        )
        bodies = list(session.scalars(select(OutboxMessage.body_text)))
    assert "margaret@example.com" in addresses
    assert any("daniel@example.com" in to for to in addresses)  # Thanh's and Bích's carer
    assert any("The statement for Bích Nguyễn for October 2026 is ready" in body for body in bodies)


def test_a_month_is_not_made_before_it_is_over(personas: Personas) -> None:
    with pytest.raises(InvalidInput):
        generate_monthly(date(2026, 11, 1))
    assert statements_and_emails() == (0, 0)
    clock.advance(timedelta(days=4))  # 1 December in Sydney
    assert generate_monthly().month == date(2026, 11, 1)
