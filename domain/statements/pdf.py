"""The statement as a PDF (fpdf2): the agency's name and logo, the client and package, the same
sentences and tables as the screen (domain.statements.wording), and "Page 2 of 5" on every page, in
the reader's language (domain.language.use).

DejaVu Sans ships in assets/fonts and is embedded (subset), so every name prints as it is written:
"Bích Nguyễn", "Ζωή Alexiou"; Droid Sans Fallback is added for the letters DejaVu lacks (Chinese).
Arabic is shaped (fpdf2 with HarfBuzz) and laid out from the right.
"""

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fpdf import FPDF
from fpdf.enums import TextEmphasis

from adapters import pdf_fonts
from adapters.pdf_fonts import FAMILY
from domain.language import DEFAULT, _, current
from domain.statements import pdf_tables, periods, wording
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
        language = current()
        self.right_to_left = language.right_to_left
        self.text_start = "R" if language.right_to_left else "L"  # where a line of text starts
        self.period_label = periods.label(statement.period)
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=18)
        pdf_fonts.add_fonts(self)
        if not pdf_fonts.covers(self, _texts(statement, letterhead)):
            pdf_fonts.add_fallback(self)
        if language.right_to_left:
            self.set_text_shaping(True)
        self.set_lang(language.code.replace("_", "-"))  # BCP 47: en-AU, zh-Hans
        title = _("Statement: {client}, {period}").format(
            client=statement.package.client_name, period=self.period_label
        )
        self.set_title(title)
        self.set_author(letterhead.name)
        self.set_creator("Care Portal")

    # fpdf2 2.8.9: a line that starts with a letter of the fallback font (Chinese) sets the page's font
    # only inside that line's own graphics state, so the next line could be drawn in whatever font came
    # before (unreadable letters). Setting the font on the page as soon as it is chosen avoids that.
    def set_font(self, family: str | None = None, style: str | TextEmphasis = "", size: float = 0) -> None:
        super().set_font(family, style, size)
        self._pin_font()

    def set_font_size(self, size: float) -> None:
        super().set_font_size(size)
        self._pin_font()

    def add_page(self, *args: Any, **kwargs: Any) -> None:
        super().add_page(*args, **kwargs)
        self._pin_font()

    def _pin_font(self) -> None:
        if (
            self._fallback_font_ids
            and self.page
            and self.current_font
            and not self.current_font_is_set_on_page
        ):
            self._out(self._set_font_for_page(self.current_font, self.font_size_pt))

    def header(self) -> None:
        """From the second page on: whose statement this is, so a loose page can be placed."""
        if self.page_no() == 1:
            return
        s = self.statement
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*MUTED)
        parts = [self.letterhead.name, s.package.client_name, s.package.reference, self.period_label]
        text = " · ".join(reversed(parts) if self.right_to_left else parts)  # from where a line starts
        self.cell(0, 5, text, align=self.text_start, new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(*TEXT)
        self.ln(3)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(*MUTED)
        contact = f"{self.letterhead.name} · {self.letterhead.phone} · {self.letterhead.email}"
        page = _("Page {page} of {pages}").format(page=self.page_no(), pages="{nb}")
        if self.right_to_left:
            self.cell(60, 5, page)
            self.cell(0, 5, contact, align="R")
        else:
            self.cell(120, 5, contact)
            self.cell(0, 5, page, align="R")
        self.set_text_color(*TEXT)


def _texts(statement: PackageStatement, letterhead: Letterhead) -> list[str]:
    """What decides whether the fallback font is needed: the agency's and the client's names and the
    lines' descriptions as they were written, and a sample of the words in the reader's language."""
    package = statement.package
    people = [letterhead.name, letterhead.phone, letterhead.email, package.client_name, package.label]
    words = [
        _("Package statement"),
        _("In plain words"),
        _("Summary"),
        _("Date"),
        periods.label(statement.period),
    ]
    return [*people, *words, *(line.description for line in statement.lines)]


def render(statement: PackageStatement, letterhead: Letterhead) -> bytes:
    return bytes(compose(statement, letterhead).output())


def compose(statement: PackageStatement, letterhead: Letterhead) -> StatementPdf:
    """The laid-out document, before output (its pages_count is final)."""
    doc = StatementPdf(statement, letterhead)
    english = current().code == DEFAULT.code
    doc.add_page()
    _masthead(doc, letterhead)
    _addressee(doc, statement)
    _sentences(doc, statement)
    for table in (wording.summary(statement), *wording.tables(statement)):
        with_for = len(table.headings) > len(WIDTHS[table.key])
        widths: Sequence[float] = (WIDTHS_WITH_FOR if with_for else WIDTHS)[table.key]
        if not english:  # the widths are made for English words and "$" amounts
            widths = pdf_tables.fitted(doc, table, widths)
        pdf_tables.draw(doc, table, widths)
    return doc


def _masthead(doc: StatementPdf, letterhead: Letterhead) -> None:
    """The logo (or mark) at the start of the line, the agency's name and contacts beside it."""
    top = doc.get_y()
    if not (letterhead.logo and _logo(doc, letterhead.logo)):
        _mark(doc, letterhead.name)
    beside = 0 if doc.right_to_left else 24  # where the name starts; from the right it ends 24 mm short
    width = doc.epw - 24 if doc.right_to_left else 0
    doc.set_xy(doc.l_margin + beside, top + 1)
    doc.set_font(FAMILY, "B", 16)
    doc.set_text_color(*PRIMARY)
    doc.cell(width, 8, letterhead.name, align=doc.text_start, new_x="LMARGIN", new_y="NEXT")
    doc.set_x(doc.l_margin + beside)
    doc.set_font(FAMILY, "", 9)
    doc.set_text_color(*MUTED)
    doc.cell(
        width,
        5,
        f"{letterhead.phone} · {letterhead.email}",
        align=doc.text_start,
        new_x="LMARGIN",
        new_y="NEXT",
    )
    doc.set_text_color(*TEXT)
    doc.set_y(top + 24)


def _logo_x(doc: StatementPdf, size: float = 18) -> float:
    return doc.w - doc.r_margin - size if doc.right_to_left else doc.l_margin


def _logo(doc: StatementPdf, logo: bytes) -> bool:
    try:
        doc.image(io.BytesIO(logo), x=_logo_x(doc), y=doc.get_y(), h=18, keep_aspect_ratio=True, w=18)
    except Exception:  # a damaged upload must not stop the statement: the mark stands in
        log.warning("the agency logo could not be drawn; using the generated mark", exc_info=True)
        return False
    return True


def _mark(doc: StatementPdf, name: str) -> None:
    """A rounded square in the theme's colour with the agency's initials."""
    x, y, size = _logo_x(doc), doc.get_y(), 18
    doc.set_fill_color(*PRIMARY)
    doc.rect(x, y, size, size, style="F", round_corners=True, corner_radius=3)
    initials = "".join(word[0] for word in name.split()[:2]).upper() or "?"
    doc.set_font(FAMILY, "B", 15)
    doc.set_text_color(255, 255, 255)
    pdf_tables.put(doc, x + (size - doc.get_string_width(initials)) / 2, y + size / 2 + 2.6, initials)
    doc.set_text_color(*TEXT)


def _addressee(doc: StatementPdf, statement: PackageStatement) -> None:
    package, period = statement.package, statement.period
    doc.set_font(FAMILY, "B", 18)
    doc.cell(0, 9, _("Package statement"), align=doc.text_start, new_x="LMARGIN", new_y="NEXT")
    doc.set_font(FAMILY, "", 12)
    doc.cell(0, 7, doc.period_label, align=doc.text_start, new_x="LMARGIN", new_y="NEXT")
    doc.ln(2)
    facts = (
        (_("Client"), f"{package.client_name} ({package.client_number})"),
        (_("Package"), package.label),
        (
            _("Dates"),
            _("{first} to {last}").format(first=day_label(period.first), last=day_label(period.last)),
        ),
    )
    doc.set_font(FAMILY, "B", 11)
    terms = max(24, *(doc.get_string_width(term) + 4 for term, _value in facts))  # 24 mm, or a longer word
    for term, value in facts:
        if doc.right_to_left:  # the term on the right, its value before it
            doc.set_font(FAMILY, "", 11)
            doc.cell(doc.epw - terms, 6, value, align="R")
            doc.set_font(FAMILY, "B", 11)
            doc.cell(terms, 6, term, align="R", new_x="LMARGIN", new_y="NEXT")
            continue
        doc.set_font(FAMILY, "B", 11)
        doc.cell(terms, 6, term)
        doc.set_font(FAMILY, "", 11)
        doc.cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
    doc.ln(3)


def _sentences(doc: StatementPdf, statement: PackageStatement) -> None:
    doc.set_font(FAMILY, "B", 12)
    doc.set_text_color(*PRIMARY)
    doc.cell(0, 7, _("In plain words"), align=doc.text_start, new_x="LMARGIN", new_y="NEXT")
    doc.set_text_color(*TEXT)
    doc.set_font(FAMILY, "", 11)
    for sentence in wording.summary_sentences(statement):
        doc.multi_cell(0, 5.6, sentence, align=doc.text_start, new_x="LMARGIN", new_y="NEXT")
    doc.ln(4)
