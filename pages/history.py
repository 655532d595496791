"""The client's service-delivery history: pick a date range, read every visit with its outcome,
worker, hours and amount, 50 to a page (paged on the server), and download the range as CSV or PDF."""

from dataclasses import dataclass
from datetime import date, timedelta

from fastapi import Request
from nicegui import ui

from components import background, client_switcher, guard, pager, shift_status, shift_table
from components.formatting import clock_time, short_date
from components.forms import date_input, submit
from components.guard import RecordId
from components.nav import client_sections
from components.theme import frame
from components.viewer import SignedInViewer
from domain import money, validation
from domain.accounts.access import Actor
from domain.errors import InvalidInput
from domain.language import N_, _, formats
from domain.visits import export, views
from domain.visits.lines import ShiftLine
from domain.visits.views import ListPage

HEADERS = (N_("Date"), N_("Time"), N_("Service"), N_("Worker"), N_("Outcome"), N_("Hours"), N_("Amount"))


@dataclass
class Shown:
    """The dates and page on screen (per client: it lives inside the page function)."""

    first: date
    last: date
    page: int = 1


def _day(value: str | None, default: date) -> date:
    try:
        return date.fromisoformat(value) if value else default
    except ValueError:
        return default


@guard.page(admits=guard.CLIENT_RECORDS)
async def create(viewer: SignedInViewer, client_id: RecordId, request: Request) -> None:
    actor, today = viewer.actor, viewer.today
    params = request.query_params
    state = Shown(
        _day(params.get("from"), today - timedelta(days=90)),
        _day(params.get("to"), today),
        int(params["page"]) if params.get("page", "").isdigit() else 1,
    )
    try:
        page = await background.call(_load, actor, client_id, state)
    except InvalidInput:
        state.first, state.last = today - timedelta(days=90), today
        page = await background.call(_load, actor, client_id, state)
    ui.add_head_html(shift_status.CSS)
    path = f"/clients/{client_id}/history"
    with frame(_("History"), viewer, nav=client_sections(actor, client_id), current=path):
        client_switcher.create(actor, client_id, "history")
        fields = _range_form(state)

        async def show(number: int = 1) -> None:
            state.page = number
            chosen = {"first": fields["first"].value, "last": fields["last"].value}
            loaded = await submit(
                lambda: _load(actor, client_id, Shown(*_parsed(chosen), state.page)), fields
            )
            if loaded is not None:
                state.first, state.last = _parsed(chosen)
                results.refresh(loaded)

        async def download(kind: str) -> None:
            make = export.history_csv if kind == "csv" else export.history_pdf
            found = await submit(lambda: make(actor, client_id, state.first, state.last))
            if found is not None:
                ui.download.content(found.content, found.filename, found.media_type)

        with ui.row().classes("gap-2 q-mb-md"):
            ui.button(_("Show"), icon="search", on_click=lambda: show(1)).props(
                "unelevated color=primary"
            ).mark("show")
            ui.button(_("Download CSV"), icon="download", on_click=lambda: download("csv")).props(
                "outline"
            ).mark("download-csv")
            ui.button(_("Download PDF"), icon="picture_as_pdf", on_click=lambda: download("pdf")).props(
                "outline"
            ).mark("download-pdf")

        @ui.refreshable
        def results(page: ListPage) -> None:
            caption = _("Visits from {first} to {last}").format(
                first=short_date(state.first), last=short_date(state.last)
            )
            headers = [_(header) for header in HEADERS]
            shift_table.create(caption, headers, page.lines, _cells, empty=_("No visits in these dates."))
            pager.create(page.page, page.pages, page.total, show, what="visits")

        results(page)


def _range_form(state: Shown) -> dict[str, ui.input]:
    with ui.element("div").classes("form-grid q-mb-sm").style("max-width: 520px"):
        return {
            "first": date_input(_("From"), state.first, mark="from"),
            "last": date_input(_("To"), state.last, mark="to"),
        }


def _parsed(chosen: dict[str, str | None]) -> tuple[date, date]:
    """The first and last dates typed, or every problem with them."""
    problems: dict[str, str] = {}
    parsed: dict[str, date] = {}
    for name, value in chosen.items():
        try:
            parsed[name] = validation.day(value or "")
        except ValueError as error:
            problems[name] = str(error)
    if problems:
        raise InvalidInput(problems)
    return parsed["first"], parsed["last"]


def _load(actor: Actor, client_id: int, state: Shown) -> ListPage:
    return views.history(actor, client_id, state.first, state.last, state.page)


def _cells(line: ShiftLine) -> tuple[str, ...]:
    return (
        short_date(line.starts.date()),
        f"{clock_time(line.starts)} – {clock_time(line.ends)}",
        line.service,
        line.worker or "—",
        line.cancellation or line.label,
        formats.decimal(round(line.minutes / 60, 2)),
        money.dollars(line.bill_cents),
    )
