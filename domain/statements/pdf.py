"""The statement as a PDF (fpdf2): the agency's name and logo, the client and package, the same
sentences and tables as the screen (domain.statements.wording), and "Page 2 of 5" on every page.

DejaVu Sans ships in assets/fonts and is embedded (subset), so every name prints as it is written:
"Bích Nguyễn", "Ζωή Alexiou".
"""

import io
import logging
from dataclasses import dataclass

from fpdf import FPDF

from adapters import pdf_fonts
from adapters.pdf_fonts import FAMILY
from domain.statements import pdf_tables, wording
from domain.statements.model import PackageStatement
from domain.statements.periods import day_label

log = logging.getLogger(__name__)

PRIMARY = (29, 79, 145)  # the theme's primary colour
TEXT = (28, 28, 28)
MUTED = (74, 74, 74)
# Column widths in mm for each table (the printable width is 180 mm), sized for 11 pt text
# (pdf_tables.SIZE): a date or an amount fits on one line; words wrap.
WIDTHS = {
    "summary": (140, 40),
    "categories": (56, 31, 31, 31, 31),
    "services": (28, 32, 22, 18, 26, 28, 26),
    "cancellations": (28, 34, 44, 24, 26, 24),
    "management": (28, 77, 20, 27, 28),
    "money_in": (28, 122, 30),
    "adjustments": (28, 92, 30, 30),
    "by_month": (60, 40, 40, 40),
}
# The same tables when a late charge adds its "For" column (wording.FOR): the service gives way.
WIDTHS_WITH_FOR = {
    "services": (28, 24, 23, 16, 17, 24, 24, 24),
    "cancellations": (28, 24, 26, 30, 24, 24, 24),
}


@dataclass(frozen=True)
class Letterhead:
    name: str
    phone: str
    email: str
    logo: bytes | None = None  # PNG or JPEG; None draws a simple mark with the agency's initials


class StatementPdf(FPDF):
    def __init__(self, statement: PackageStatement, letterhead: Letterhead) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.statement, self.letterhead = statement, letterhead
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=18)
        pdf_fonts.add_fonts(self)
        self.set_lang("en-AU")
        self.set_title(f"Statement: {statement.package.client_name}, {statement.period.label}")
        self.set_author(letterhead.name)
        self.set_creator("Care Portal")

    def header(self) -> None:
        """From the second page on: whose statement this is, so a loose page can be placed."""
        if self.page_no() == 1:
            return
        s = self.statement
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*MUTED)
        text = f"{self.letterhead.name} · {s.package.client_name} · {s.package.reference} · {s.period.label}"
        self.cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*TEXT)
        self.ln(3)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*MUTED)
        self.cell(120, 5, f"{self.letterhead.name} · {self.letterhead.phone} · {self.letterhead.email}")
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(*TEXT)


def render(statement: PackageStatement, letterhead: Letterhead) -> bytes:
    return bytes(compose(statement, letterhead).output())


def compose(statement: PackageStatement, letterhead: Letterhead) -> StatementPdf:
    """The laid-out document, before output (its pages_count is final)."""
    doc = StatementPdf(statement, letterhead)
    doc.add_page()
    _masthead(doc, letterhead)
    _addressee(doc, statement)
    _sentences(doc, statement)
    for table in (wording.summary(statement), *wording.tables(statement)):
        with_for = len(table.headings) > len(WIDTHS[table.key])
        pdf_tables.draw(doc, table, (WIDTHS_WITH_FOR if with_for else WIDTHS)[table.key])
    return doc


def _masthead(doc: FPDF, letterhead: Letterhead) -> None:
    top = doc.get_y()
    if not (letterhead.logo and _logo(doc, letterhead.logo)):
        _mark(doc, letterhead.name)
    doc.set_xy(doc.l_margin + 24, top + 1)
    doc.set_font(FAMILY, "B", 16)
    doc.set_text_color(*PRIMARY)
    doc.cell(0, 8, letterhead.name, new_x="LMARGIN", new_y="NEXT")
    doc.set_x(doc.l_margin + 24)
    doc.set_font(FAMILY, "", 9)
    doc.set_text_color(*MUTED)
    doc.cell(0, 5, f"{letterhead.phone} · {letterhead.email}", new_x="LMARGIN", new_y="NEXT")
    doc.set_text_color(*TEXT)
    doc.set_y(top + 24)


def _logo(doc: FPDF, logo: bytes) -> bool:
    try:
        doc.image(io.BytesIO(logo), x=doc.l_margin, y=doc.get_y(), h=18, keep_aspect_ratio=True, w=18)
    except Exception:  # a damaged upload must not stop the statement: the mark stands in
        log.warning("the agency logo could not be drawn; using the generated mark", exc_info=True)
        return False
    return True


def _mark(doc: FPDF, name: str) -> None:
    """A rounded square in the theme's colour with the agency's initials."""
    x, y, size = doc.l_margin, doc.get_y(), 18
    doc.set_fill_color(*PRIMARY)
    doc.rect(x, y, size, size, style="F", round_corners=True, corner_radius=3)
    initials = "".join(word[0] for word in name.split()[:2]).upper() or "?"
    doc.set_font(FAMILY, "B", 15)
    doc.set_text_color(255, 255, 255)
    doc.text(x + (size - doc.get_string_width(initials)) / 2, y + size / 2 + 2.6, initials)
    doc.set_text_color(*TEXT)


def _addressee(doc: FPDF, statement: PackageStatement) -> None:
    package, period = statement.package, statement.period
    doc.set_font(FAMILY, "B", 18)
    doc.cell(0, 9, "Package statement", new_x="LMARGIN", new_y="NEXT")
    doc.set_font(FAMILY, "", 12)
    doc.cell(0, 7, period.label, new_x="LMARGIN", new_y="NEXT")
    doc.ln(2)
    facts = (
        ("Client", f"{package.client_name} ({package.client_number})"),
        ("Package", package.label),
        ("Dates", f"{day_label(period.first)} to {day_label(period.last)}"),
    )
    for term, value in facts:
        doc.set_font(FAMILY, "B", 11)
        doc.cell(24, 6, term)
        doc.set_font(FAMILY, "", 11)
        doc.cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
    doc.ln(3)


def _sentences(doc: FPDF, statement: PackageStatement) -> None:
    doc.set_font(FAMILY, "B", 12)
    doc.set_text_color(*PRIMARY)
    doc.cell(0, 7, "In plain words", new_x="LMARGIN", new_y="NEXT")
    doc.set_text_color(*TEXT)
    doc.set_font(FAMILY, "", 11)
    for sentence in wording.summary_sentences(statement):
        doc.multi_cell(0, 5.6, sentence, align="L", new_x="LMARGIN", new_y="NEXT")
    doc.ln(4)
