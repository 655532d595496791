"""Tables in the statement PDF that break across pages and repeat their headings on each new page.

Drawn with fpdf2's low-level text(): its table() lays out every cell with the full text engine,
which takes seconds for a year of services; this takes a fraction of that (bench/statements.py).
"""

from collections.abc import Sequence

from fpdf import FPDF

from adapters.pdf_fonts import FAMILY
from domain.statements.wording import Row, Table

SIZE = 11  # points: the smallest a reader with low vision can be asked to read
LINE = 5.4  # mm per line of text in a cell
PAD = 1.2  # mm inside each cell, left and right
HEADING_FILL = (219, 231, 245)
TEXT = (28, 28, 28)
RULE = (160, 166, 174)
# Text widths by (family, style, size, text): a year of services repeats the same dates and amounts, and
# fpdf2's get_string_width() costs as much as drawing the text. Bounded; the fonts never change.
_widths: dict[tuple[str, str, float, str], float] = {}
MAX_REMEMBERED = 20_000


def draw(pdf: FPDF, table: Table, widths: Sequence[float]) -> None:
    """The table's title, headings and rows; a new page repeats the title and headings."""
    if len(widths) != len(table.headings):
        raise ValueError(f"table {table.key}: {len(table.headings)} columns, {len(widths)} widths")
    first = table.rows[0] if table.rows else Row(("",) * len(widths))
    headings = _lines(pdf, table.headings, widths, strong=True)
    _keep_together(pdf, 9 + _height(headings) + _height(_lines(pdf, first.cells, widths, first.strong)))
    _title(pdf, table.title)
    if not table.rows:
        pdf.set_font(FAMILY, "", SIZE + 1)
        pdf.multi_cell(0, 5, table.empty, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        return
    _headings(pdf, table, widths)
    total = table.rows[-1] if table.rows[-1].strong else None
    for number, row in enumerate(table.rows):
        lines = _lines(pdf, row.cells, widths, row.strong)
        needed = _height(lines)
        if total is not None and number == len(table.rows) - 2:  # the total never stands alone on a page
            needed += _height(_lines(pdf, total.cells, widths, strong=True))
        if pdf.get_y() + needed > pdf.page_break_trigger:
            pdf.add_page()
            _title(pdf, f"{table.title} (continued)")
            _headings(pdf, table, widths)
        _row(pdf, lines, widths, table.numeric, strong=row.strong)
    pdf.ln(5)


def _keep_together(pdf: FPDF, height: float) -> None:
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def _title(pdf: FPDF, title: str) -> None:
    pdf.set_font(FAMILY, "B", 12)
    pdf.set_text_color(29, 79, 145)
    pdf.cell(0, 7, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*TEXT)
    pdf.ln(1)


def _headings(pdf: FPDF, table: Table, widths: Sequence[float]) -> None:
    lines = _lines(pdf, table.headings, widths, strong=True)
    pdf.set_fill_color(*HEADING_FILL)
    pdf.rect(pdf.l_margin, pdf.get_y(), sum(widths), _height(lines), style="F")
    # fpdf2 wraps every text() in its own colour state while the fill and text colours differ
    pdf.set_fill_color(*TEXT)
    _row(pdf, lines, widths, table.numeric, strong=True)


def _row(
    pdf: FPDF,
    lines: list[list[str]],
    widths: Sequence[float],
    numeric: Sequence[bool],
    *,
    strong: bool = False,
) -> None:
    """Draw one row whose cells are already wrapped into lines; the rule under it marks totals."""
    pdf.set_font(FAMILY, "B" if strong else "", SIZE)
    top, x = pdf.get_y(), pdf.l_margin
    for texts, width, right in zip(lines, widths, numeric, strict=True):
        for number, text in enumerate(texts):
            baseline = top + LINE * number + LINE - 1.4
            if text:
                left = x + width - PAD - text_width(pdf, text) if right else x + PAD
                pdf.text(left, baseline, text)
        x += width
    bottom = top + _height(lines)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.3 if strong else 0.1)
    pdf.line(pdf.l_margin, bottom, pdf.l_margin + sum(widths), bottom)
    pdf.set_y(bottom)


def _lines(pdf: FPDF, cells: Sequence[str], widths: Sequence[float], strong: bool = False) -> list[list[str]]:
    pdf.set_font(FAMILY, "B" if strong else "", SIZE)
    return [wrap(pdf, text, width - 2 * PAD) for text, width in zip(cells, widths, strict=True)]


def _height(lines: list[list[str]]) -> float:
    return LINE * max(len(texts) for texts in lines) + 0.8


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """The text in lines no wider than width (a word longer than that stands on its own line)."""
    if text_width(pdf, text) <= width:
        return [text]
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(pdf, candidate) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines or [""]


def text_width(pdf: FPDF, text: str) -> float:
    """The width of text in the current font (DejaVu, which ships with the portal) in mm."""
    key = (pdf.font_family, pdf.font_style, pdf.font_size_pt, text)
    width = _widths.get(key)
    if width is None:
        if len(_widths) >= MAX_REMEMBERED:
            _widths.clear()
        width = _widths[key] = pdf.get_string_width(text)
    return width
