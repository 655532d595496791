"""The statements screen with NiceGUI's simulated User: a carer reads a statement in plain words,
changes the month or the dates, and prints it; nobody reaches another client's statement by
changing ids, on the page or through the PDF address."""

import io
from datetime import date

from nicegui.testing import User
from pypdf import PdfReader

from domain.accounts import reading_language
from domain.accounts.access import Actor
from domain.language import use
from domain.money import dollars
from domain.statements import periods
from domain.statements.reading import StatementRequest, open_statement
from tests.support.personas import Personas
from tests.support.records import package_of
from tests.support.ui import sign_in


def closing_of(actor: Actor, client_id: int, request: StatementRequest) -> str:
    statement = open_statement(actor, client_id, request).statement
    assert statement is not None
    return dollars(statement.closing)


async def test_a_carer_reads_a_past_month_in_plain_words(user: User, portal_personas: Personas) -> None:
    bich = portal_personas.cared_for("Bích")
    await sign_in(user, "daniel@example.com")
    await user.open(f"/clients/{bich}/statements?month=2026-10")
    await user.should_see("Statement for October 2026")
    await user.should_see("In plain words")
    await user.should_see("Bích Nguyễn · Home Care Package")
    closing = closing_of(portal_personas.carer, bich, StatementRequest(month="2026-10"))
    await user.should_see(f"At the end of 31 October 2026 you had {closing} left: your unspent funds.")
    await user.should_see("Cancellations and no-shows")
    await user.should_see("No-show or no notice (other reason)")


async def test_the_last_full_month_is_shown_first(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/statements")
    await user.should_see("Statement for October 2026")
    await user.should_not_see("so far (1 to")
    await user.should_see("Budget used and left, month by month")


async def test_this_month_so_far_is_one_choice_away(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/statements?month=2026-11")
    await user.should_see("Statement for November 2026, so far (1 to 27 November 2026)")


async def test_choosing_a_month_shows_its_statement(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/statements")
    user.find(marker="month").click()
    user.find("October 2026").click()
    user.find(marker="show-month").click()
    await user.should_see("Statement for October 2026")


async def test_choosing_dates_shows_that_range(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/statements")
    user.find(marker="start").type("2026-09-15")
    user.find(marker="end").type("2026-10-20")
    user.find(marker="show-dates").click()
    await user.should_see("Statement for 15 September 2026 to 20 October 2026")


async def test_dates_the_wrong_way_round_are_explained(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/statements?start=2026-10-20&end=2026-09-15")
    await user.should_see("The end date must be on or after the start date.")
    await user.should_see("Statement for October 2026")


async def test_print_downloads_the_pdf_with_the_same_closing_balance(
    user: User, portal_personas: Personas
) -> None:
    bich = portal_personas.cared_for("Bích")
    await sign_in(user, "daniel@example.com")
    await user.open(f"/clients/{bich}/statements?month=2026-10")
    user.find(marker="print-statement").click()
    response = await user.download.next(timeout=15)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "statement-HCP-" in response.headers["content-disposition"]
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert closing_of(portal_personas.carer, bich, StatementRequest(month="2026-10")) in text
    assert "Bích Nguyễn" in text


async def test_another_clients_statements_are_not_available_by_changing_ids(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    george = portal_personas.other_client.client_id
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{george}/statements")
    await user.should_see("You do not have access to that.")
    await user.should_not_see("George")
    await user.open(f"/clients/{margaret}/statements?package={package_of(george)}&month=2026-10")
    await user.should_see("You do not have access to that.")


async def test_the_pdf_address_checks_the_same(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    george = portal_personas.other_client.client_id
    bich = portal_personas.cared_for("Bích")
    await sign_in(user, "margaret@example.com")
    own = await user.http_client.get(f"/clients/{margaret}/statements/pdf?month=2026-10")
    assert own.status_code == 200
    assert own.content.startswith(b"%PDF")
    for address in (
        f"/clients/{george}/statements/pdf?month=2026-10",
        f"/clients/{margaret}/statements/pdf?package={package_of(george)}&month=2026-10",
        f"/clients/{bich}/statements/pdf",
    ):
        refused = await user.http_client.get(address)
        assert refused.status_code == 404, address
        assert not refused.content.startswith(b"%PDF")
    bad = await user.http_client.get(f"/clients/{margaret}/statements/pdf?month=2030-01")
    assert bad.status_code == 400


async def test_the_pdf_address_needs_a_session(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    response = await user.http_client.get(f"/clients/{margaret}/statements/pdf", follow_redirects=False)
    assert response.status_code in (302, 303, 307)
    assert "/login" in response.headers["location"]


async def test_the_pdf_prints_in_the_readers_language(user: User, portal_personas: Personas) -> None:
    bich = portal_personas.cared_for("Bích")
    reading_language.choose(portal_personas.carer, "el")
    await sign_in(user, "daniel@example.com")
    response = await user.http_client.get(f"/clients/{bich}/statements/pdf?month=2026-10")
    assert response.status_code == 200
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    with use("el"):
        assert periods.month_label(date(2026, 10, 1)) in text  # "Οκτώβριος 2026"
        assert closing_of(portal_personas.carer, bich, StatementRequest(month="2026-10")) in text
    assert "October 2026" not in text
