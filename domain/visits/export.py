"""The service history of a date range as a CSV file and as a PDF (fpdf2), for the client's records."""

import csv
import io
from dataclasses import dataclass
from datetime import date

from fpdf import FPDF

from adapters import pdf_fonts
from domain import action, money
from domain.accounts import access
from domain.accounts.access import Actor
from domain.errors import NotFound
from domain.language import N_, _, formats, ngettext
from domain.visits.lines import ShiftLine, from_row
from domain.visits.views import check_range
from storage.queries import client_shifts
from storage.queries import clients as client_queries

MAX_EXPORT_ROWS = 5_000
COLUMNS = (  # translated where written: _(column)
    *(N_("Date"), N_("Start"), N_("End"), N_("Service"), N_("Program")),
    *(N_("Worker"), N_("Outcome"), N_("Hours"), N_("Amount"), N_("Booking")),
)
PDF_WIDTHS = (24, 15, 15, 34, 30, 32, 34, 13, 19, 21)  # millimetres across a landscape A4 page


@dataclass(frozen=True)
class Export:
    filename: str
    content: bytes
    media_type: str


@dataclass(frozen=True)
class _History:
    agency: str
    client: str
    lines: list[ShiftLine]


def history_csv(actor: Actor, client_id: int, first: date, last: date) -> Export:
    lines = _history(actor, client_id, first, last).lines
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_columns())
    writer.writerows([_safe_cell(value) for value in _cells(line)] for line in lines)
    # A byte-order mark, so spreadsheet programs read the names in UTF-8.
    content = ("\ufeff" + out.getvalue()).encode("utf-8")
    return Export(_filename(first, last, "csv"), content, "text/csv; charset=utf-8")


def history_pdf(actor: Actor, client_id: int, first: date, last: date) -> Export:
    history = _history(actor, client_id, first, last)
    name, lines = history.client, history.lines
    pdf = FPDF(orientation="landscape", format="A4")
    pdf_fonts.add_fonts(pdf)
    pdf.set_title(_("Service history: {name}").format(name=name))
    pdf.add_page()
    pdf.set_font(pdf_fonts.FAMILY, "B", 16)
    title = _("{agency}: service history of {name}").format(agency=history.agency, name=name)
    pdf.cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf_fonts.FAMILY, size=11)
    total = sum(line.bill_cents for line in lines)
    summary = ngettext(
        "{first} to {last}: {n} visit, {amount} in all.",
        "{first} to {last}: {n} visits, {amount} in all.",
        len(lines),
    ).format(first=_day(first), last=_day(last), n=len(lines), amount=money.dollars(total))
    pdf.cell(0, 8, summary, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(pdf_fonts.FAMILY, size=9)
    with pdf.table(col_widths=PDF_WIDTHS, text_align="LEFT", first_row_as_headings=True) as table:
        table.row(_columns())
        for line in lines:
            table.row(list(_cells(line)))
    return Export(_filename(first, last, "pdf"), bytes(pdf.output()), "application/pdf")


def _history(actor: Actor, client_id: int, first: date, last: date) -> _History:
    access.require_client(actor, client_id)
    check_range(first, last)
    with action.reading(actor) as act:
        client = client_queries.by_id(client_id, session=act.session)
        if client is None:
            raise NotFound(_("That client record no longer exists."))
        start, end = act.day_bounds(first, last)
        rows = client_shifts.history_page(
            client_id, start, end, offset=0, limit=MAX_EXPORT_ROWS, session=act.session
        )
        return _History(act.settings.name, client.full_name, [from_row(row, act.zone) for row in rows])


def _columns() -> list[str]:
    return [_(column) for column in COLUMNS]


def _cells(line: ShiftLine) -> tuple[str, ...]:
    outcome = line.cancellation or line.label
    return (
        line.starts.date().isoformat(),
        f"{line.starts:%H:%M}",
        f"{line.ends:%H:%M}",
        line.service,
        line.program,
        line.worker or "",
        outcome,
        f"{line.minutes / 60:.2f}",
        _amount(line.bill_cents),
        line.booking_number,
    )


def _amount(cents: int) -> str:
    """14846 -> "148.46", in integers: a spreadsheet-friendly number, never a float's rounding."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole}.{part:02d}"


def _safe_cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _day(value: date) -> str:
    return formats.short_date(value)


def _filename(first: date, last: date, extension: str) -> str:
    return f"service-history-{first.isoformat()}-to-{last.isoformat()}.{extension}"
