"""The PDF shows the same totals as the screen's model, keeps every name as it is written, breaks
long tables across pages with their headings repeated, and numbers its pages."""

import io
import logging
import re
from datetime import date

import pytest
from PIL import Image
from pypdf import PdfReader

from domain.statements import pdf, wording
from domain.statements.model import PackageStatement, Period
from domain.statements.reading import StatementRequest, open_statement, statement_pdf
from tests.support.personas import Personas
from tests.support.records import client_named

from .builders import HOME_CARE, NDIS, statement, year_of_services

LETTERHEAD = pdf.Letterhead("Harbourside Community Care", "02 9555 0100", "hello@example.com")


def pages_text(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def figures(chosen: PackageStatement) -> list[str]:
    """Every amount the screen shows in the summary and the category table."""
    tables = [wording.summary(chosen), *(t for t in wording.tables(chosen) if t.key == "categories")]
    cells = [cell for table in tables for row in table.rows for cell in row.cells]
    return [cell for cell in cells if cell.startswith(("$", "−$"))]


def test_the_pdf_has_the_screens_totals_and_the_clients_name(personas: Personas) -> None:
    bich = personas.cared_for("Bích")
    request = StatementRequest(month="2026-10")
    shown = open_statement(personas.carer, bich, request).statement
    assert shown is not None
    document = statement_pdf(personas.carer, bich, request)
    text = "\n".join(pages_text(document.content))
    assert "Bích Nguyễn" in text
    assert shown.package.reference in text
    assert "October 2026" in text
    for amount in figures(shown):
        assert amount in text
    for sentence in wording.summary_sentences(shown):
        assert " ".join(sentence.split()[:4]) in text
    assert document.filename == f"statement-{shown.package.reference}-2026-10.pdf"


def test_a_greek_name_and_ndis_categories_survive_in_the_pdf(personas: Personas) -> None:
    zoe = client_named("Alexiou")  # Ζωή Alexiou, the demo agency's NDIS client
    request = StatementRequest(start="2026-06-01", end="2026-11-27")
    shown = open_statement(personas.admin, zoe, request).statement
    assert shown is not None
    assert shown.package.client_name == "Ζωή Alexiou"
    text = "\n".join(pages_text(statement_pdf(personas.admin, zoe, request).content))
    assert "Ζωή Alexiou" in text
    for name in ("Core supports", "Capacity Building", "Capital"):
        assert name in text
    for amount in figures(shown):
        assert amount in text


def test_a_long_table_breaks_across_pages_and_repeats_its_headings() -> None:
    year = Period(date(2025, 12, 1), date(2026, 11, 30), "December 2025 to November 2026")
    chosen = statement(HOME_CARE, year, year_of_services(300))
    pages = pages_text(pdf.render(chosen, LETTERHEAD))
    assert len(pages) >= 6
    continued = [page for page in pages if "Services delivered (continued)" in page]
    assert len(continued) >= 4
    for page in continued:
        assert "Package" in page
        assert "You paid" in page
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    assert "Bích Nguyễn" in pages[-1]  # the running header names the client on every later page
    total = wording.services(chosen).rows[-1].cells[-3:]
    assert all(amount in "\n".join(pages) for amount in total)


def test_every_service_line_is_printed() -> None:
    chosen = statement(NDIS, Period(date(2025, 12, 1), date(2026, 11, 30), "a year"), year_of_services(120))
    text = "\n".join(pages_text(pdf.render(chosen, LETTERHEAD)))
    assert len(re.findall(r"Personal care\s+1\.5 hours", text)) == 120


def png_logo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 64), (29, 79, 145)).save(out, format="PNG")
    return out.getvalue()


def test_the_agencys_logo_is_printed_when_it_has_one() -> None:
    chosen = statement(HOME_CARE, Period(date(2026, 10, 1), date(2026, 10, 31), "October 2026"), [])
    with_logo = PdfReader(io.BytesIO(pdf.render(chosen, pdf.Letterhead("A", "1", "a@b", png_logo()))))
    without = PdfReader(io.BytesIO(pdf.render(chosen, LETTERHEAD)))
    assert len(with_logo.pages[0].images) == 1
    assert len(without.pages[0].images) == 0
    assert "HC" in without.pages[0].extract_text()  # the generated mark: the agency's initials


def test_a_damaged_logo_falls_back_to_the_mark(caplog: pytest.LogCaptureFixture) -> None:
    chosen = statement(HOME_CARE, Period(date(2026, 10, 1), date(2026, 10, 31), "October 2026"), [])
    with caplog.at_level(logging.WARNING):
        content = pdf.render(chosen, pdf.Letterhead("Harbourside Care", "1", "a@b", b"not an image"))
    assert "HC" in pages_text(content)[0]
    assert "logo could not be drawn" in caplog.text
