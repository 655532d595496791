"""Tables in the statement PDF that break across pages and repeat their headings on each new page.

Drawn with fpdf2's low-level text(): its table() lays out every cell with the full text engine,
which takes seconds for a year of services; this takes a fraction of that (bench/statements.py).
A cell text() cannot draw (letters only the fallback font has, or Arabic, which needs shaping) is
drawn with cell(). In a right-to-left language the columns run from the right.
"""

import re
from collections.abc import Sequence

from fpdf import FPDF

from adapters import pdf_fonts
from adapters.pdf_fonts import FAMILY
from domain.language import _, current
from domain.statements.wording import Row, Table

SIZE = 11  # points: the smallest a reader with low vision can be asked to read
LINE = 5.4  # mm per line of text in a cell
PAD = 1.2  # mm inside each cell, left and right
HEADING_FILL = (219, 231, 245)
TEXT = (28, 28, 28)
RULE = (160, 166, 174)
# Text widths by (family, style, size, text): a year of services repeats the same dates and amounts, and
# fpdf2's get_string_width() costs as much as drawing the text. Bounded; the fonts never change.
_widths: dict[tuple[str, str, float, str, bool], float] = {}
MAX_REMEMBERED = 20_000
_covered: dict[str, bool] = {}  # whether DejaVu has every letter of a text (pdf_fonts.covers)
IDEOGRAPHS = 0x2E80  # CJK radicals onwards: Chinese is written without spaces between words
# a run of other letters up to and including one such character ("2026年"), or the run of others at the end
BREAKABLE = re.compile("[^\u2e80-\U0010ffff]*[\u2e80-\U0010ffff]|[^\u2e80-\U0010ffff]+")


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
        pdf.multi_cell(0, 5, table.empty, align=_start(), new_x="LMARGIN", new_y="NEXT")
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
            _title(pdf, _("{title} (continued)").format(title=table.title))
            _headings(pdf, table, widths)
        _row(pdf, lines, widths, table.numeric, strong=row.strong)
    pdf.ln(5)


def _keep_together(pdf: FPDF, height: float) -> None:
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def _title(pdf: FPDF, title: str) -> None:
    pdf.set_font(FAMILY, "B", 12)
    pdf.set_text_color(29, 79, 145)
    pdf.cell(0, 7, title, align=_start(), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*TEXT)
    pdf.ln(1)


def _start() -> str:
    """Where a line of text starts: the left, or the right in a right-to-left language."""
    return "R" if current().right_to_left else "L"


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
    mirrored = current().right_to_left  # columns from the right; words to the right, amounts to the left
    for texts, width, number_column in zip(lines, widths, numeric, strict=True):
        right = number_column != mirrored
        column = pdf.l_margin + sum(widths) - (x - pdf.l_margin) - width if mirrored else x
        for number, text in enumerate(texts):
            baseline = top + LINE * number + LINE - 1.4
            if text:
                left = column + width - PAD - text_width(pdf, text) if right else column + PAD
                put(pdf, left, baseline, text)
        x += width
    bottom = top + _height(lines)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.3 if strong else 0.1)
    pdf.line(pdf.l_margin, bottom, pdf.l_margin + sum(widths), bottom)
    pdf.set_y(bottom)


def put(pdf: FPDF, left: float, baseline: float, text: str) -> None:
    """The text from `left` on `baseline`: with text() when the font has all its letters as they are
    written, else with cell(), which takes them from the fallback font and shapes them."""
    if not pdf.text_shaping and _plain(pdf, text):
        pdf.text(left, baseline, text)
        return
    x, y, breaking = pdf.get_x(), pdf.get_y(), pdf.auto_page_break
    pdf.auto_page_break = False  # the row has been measured to fit on this page
    pdf.set_xy(left - pdf.c_margin, baseline - LINE / 2 - 0.3 * pdf.font_size)
    pdf.cell(text_width(pdf, text) + 2 * pdf.c_margin, LINE, text)
    pdf.auto_page_break = breaking
    pdf.set_xy(x, y)


def _plain(pdf: FPDF, text: str) -> bool:
    known = _covered.get(text)
    if known is None:
        if len(_covered) >= MAX_REMEMBERED:
            _covered.clear()
        known = _covered[text] = pdf_fonts.covers(pdf, [text])
    return known


def _lines(pdf: FPDF, cells: Sequence[str], widths: Sequence[float], strong: bool = False) -> list[list[str]]:
    pdf.set_font(FAMILY, "B" if strong else "", SIZE)
    return [wrap(pdf, text, width - 2 * PAD) for text, width in zip(cells, widths, strict=True)]


def _height(lines: list[list[str]]) -> float:
    return LINE * max(len(texts) for texts in lines) + 0.8


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """The text in lines no wider than width (a word longer than that stands on its own line; a
    Chinese one, written without spaces, is broken between its characters)."""
    if text_width(pdf, text) <= width:
        return [text]
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(pdf, candidate) <= width:
            lines[-1] = candidate
        elif _ideographic(word) and text_width(pdf, word) > width:
            lines.extend(_broken(pdf, word, width))
        else:
            lines.append(word)
    return lines or [""]


def _ideographic(word: str) -> bool:
    return any(ord(char) >= IDEOGRAPHS for char in word)


def _broken(pdf: FPDF, word: str, width: float) -> list[str]:
    """A word written without spaces, in lines no wider than width: broken after a Chinese character,
    never inside a number ("2025年12月" / "31日")."""
    lines = [""]
    for piece in BREAKABLE.findall(word):
        if lines[-1] and text_width(pdf, lines[-1] + piece) > width:
            lines.append(piece)
        else:
            lines[-1] += piece
    return lines


def fitted(pdf: FPDF, table: Table, widths: Sequence[float]) -> list[float]:
    """The columns' widths, a column widened where what must stay on one line would not fit: an amount
    ("AU$1,234.50" is longer than "$1,234.50", "74,23 A$" has a space), a heading's word, or a date
    written without spaces ("2026年10月31日"). The room comes first from columns of words that do not
    use all of theirs, then from the table's widest column of words (the service, the description),
    down to its longest word; what still does not fit wraps."""
    result = list(widths)
    words = [column for column, numeric in enumerate(table.numeric) if not numeric]
    prose = max(words, key=lambda c: widths[c], default=None)
    needed = [_needed(pdf, table, column) for column in range(len(result))]
    used = {column: _used(pdf, table, column) for column in words}
    for column in range(len(result)):
        if needed[column] <= result[column]:
            continue
        others = sorted((c for c in words if c != column), key=lambda c: used[c] - result[c])
        donors = [(c, used[c]) for c in others] + (
            [(prose, needed[prose])] if prose not in (None, column) else []
        )
        for donor, floor in donors:
            given = min(needed[column] - result[column], result[donor] - max(floor, needed[donor]))
            if given > 0:
                result[column] += given
                result[donor] -= given
    return result


def _needed(pdf: FPDF, table: Table, column: int) -> float:
    """The narrowest the column can be: its longest heading word, and its longest word, or for numbers
    its widest whole entry."""
    pdf.set_font(FAMILY, "B", SIZE)
    needed = max((text_width(pdf, word) for word in table.headings[column].split()), default=0) + 2 * PAD
    for row in table.rows:
        pdf.set_font(FAMILY, "B" if row.strong else "", SIZE)
        text = row.cells[column]
        if table.numeric[column]:
            needed = max(needed, text_width(pdf, text) + 2 * PAD)
        else:
            needed = max(needed, *(text_width(pdf, word) + 2 * PAD for word in text.split() or [""]))
    return needed


def _used(pdf: FPDF, table: Table, column: int) -> float:
    """The width of the column's widest entry, on one line."""
    widest = 0.0
    for row in table.rows:
        pdf.set_font(FAMILY, "B" if row.strong else "", SIZE)
        widest = max(widest, text_width(pdf, row.cells[column]))
    return widest + 2 * PAD


def text_width(pdf: FPDF, text: str) -> float:
    """The width of text in the current font (DejaVu, which ships with the portal) in mm."""
    # shaped text, or letters from the fallback font, measure otherwise than the same text in DejaVu alone
    engine = bool(pdf.text_shaping) or pdf_fonts.FALLBACK.lower() in pdf.fonts
    key = (pdf.font_family, pdf.font_style, pdf.font_size_pt, text, engine)
    width = _widths.get(key)
    if width is None:
        if len(_widths) >= MAX_REMEMBERED:
            _widths.clear()
        width = _widths[key] = pdf.get_string_width(text)
    return width
