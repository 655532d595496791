"""The history export: a CSV a spreadsheet opens safely, and a PDF that keeps every name intact."""

import csv
import io
from datetime import date

from pypdf import PdfReader

from domain.visits import export
from tests.support.personas import Personas

FIRST, LAST = date(2026, 10, 1), date(2026, 11, 26)


def test_the_pdf_keeps_vietnamese_names_as_written(personas: Personas) -> None:
    bich = personas.cared_for("Bích")
    document = export.history_pdf(personas.carer, bich, FIRST, LAST)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(document.content)).pages)
    assert "Bích Nguyễn" in text
    assert document.media_type == "application/pdf"


def test_the_csv_lists_the_same_visits_as_the_pdf_summary(personas: Personas) -> None:
    margaret = personas.client.client_id
    rows = list(
        csv.reader(
            io.StringIO(
                export.history_csv(personas.client, margaret, FIRST, LAST).content.decode("utf-8-sig")
            )
        )
    )
    document = export.history_pdf(personas.client, margaret, FIRST, LAST)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(document.content)).pages)
    assert rows[0][0] == "Date"
    assert f"{len(rows) - 1} visits" in text
