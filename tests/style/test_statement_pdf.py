"""The statement PDF read back: tables in 11 pt or larger, a total never alone on a page, and each
cancellation labelled once (its "What happened" says what; its service column names the service)."""

import io
import re
from datetime import date, timedelta

from pypdf import PdfReader

from domain.statements import pdf
from domain.statements.model import Period
from domain.statements.reading import StatementRequest, statement_pdf
from tests.statements.builders import HOME_CARE, no_show, service, statement
from tests.support.personas import Personas

LETTERHEAD = pdf.Letterhead("Harbourside Community Care", "02 9555 0100", "hello@example.com")
MONTH = Period(date(2026, 10, 1), date(2026, 10, 31), "October 2026")
A_DATE = re.compile(r"\b\d{1,2} [A-Z][a-z]{2} \d{4}\b")


def pages_text(content: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


def services(count: int) -> bytes:
    lines = [service(n, MONTH.first + timedelta(days=n % 31)) for n in range(count)]
    return pdf.render(statement(HOME_CARE, MONTH, lines), LETTERHEAD)


def sizes_of(content: bytes, wanted: re.Pattern[str]) -> list[float]:
    """The size in points of every piece of text that matches `wanted`."""
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if wanted.search(text):
            found.append(round(size * abs(tm[3] or 1) * abs(cm[3] or 1), 1))

    for page in PdfReader(io.BytesIO(content)).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_table_text_is_at_least_11_points() -> None:
    content = services(12)
    in_tables = sizes_of(content, re.compile(r"^\$\d|Personal care|^Total$|1\.5 hours"))
    assert len(in_tables) > 12
    assert min(in_tables) >= 11


def test_a_total_row_never_stands_alone_on_a_page() -> None:
    for count in range(20, 75):
        for page in pages_text(services(count)):
            _, title, rest = page.partition("Services delivered (continued)")
            if not title:
                continue
            before_total = rest.split("\nTotal", 1)[0]
            assert A_DATE.search(before_total), f"{count} services: the total alone on a page:\n{page}"


def test_each_cancellation_is_labelled_once() -> None:
    lines = [service(1, date(2026, 10, 2)), no_show(2, date(2026, 10, 9))]  # an older, labelled entry
    text = "\n".join(pages_text(pdf.render(statement(HOME_CARE, MONTH, lines), LETTERHEAD)))
    assert text.count("No-show") == 1
    assert "No-show or no" in text  # the "What happened" column (it wraps)
    assert "Personal care" in text


def test_the_demo_statements_cancellations_are_labelled_once(personas: Personas) -> None:
    bich = personas.cared_for("Bích")
    document = statement_pdf(personas.carer, bich, StatementRequest(month="2026-10"))
    text = "\n".join(pages_text(document.content))
    assert "No-show or no" in text
    assert text.count("No-show") == text.count("No-show or no")  # not also "No-show: <service>"
    assert "cancellation:" not in text
