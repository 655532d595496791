"""Service management: the client's visits by stage — requests, accepted, completed, queried,
approved, billed — each a table with the agency's columns and what can be done (cancel, approve,
query). Paged on the server, 50 rows at most."""

import functools
from dataclasses import dataclass

from fastapi import Request
from nicegui import ui

from components import (
    background,
    carer_access,
    client_switcher,
    guard,
    live,
    pager,
    shift_actions,
    shift_status,
    shift_table,
)
from components.formatting import clock_time, duration, short_date
from components.guard import RecordId
from components.nav import client_sections
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access
from domain.events import ShiftChanged
from domain.language import N_, _
from domain.visits import views
from domain.visits.lines import ShiftLine
from domain.visits.views import ServicesPage, Tab

# Words are marked here and translated where shown: _(TAB_LABELS[tab]).
HEADERS = (
    N_("Shift"),
    N_("Booking No"),
    N_("Date"),
    N_("Start Time"),
    N_("Duration"),
    N_("Provider"),
    N_("Program"),
    N_("Activity"),
    N_("Bill Quantity"),
    N_("Bill Rate"),
    N_("Bill To"),
    N_("Notes"),
)
EMPTY = {
    Tab.REQUESTS: N_("You have no booking requests waiting."),
    Tab.ACCEPTED: N_("No visits are booked with a worker yet."),
    Tab.COMPLETED: N_("No completed visits are waiting for you to approve."),
    Tab.QUERIED: N_("You have no open queries."),
    Tab.APPROVED: N_("No approved visits are waiting to be billed."),
    Tab.BILLED: N_("No visits have been billed yet."),
}
TAB_LABELS = {
    Tab.REQUESTS: N_("Requests"),
    Tab.ACCEPTED: N_("Accepted"),
    Tab.COMPLETED: N_("Completed"),
    Tab.QUERIED: N_("Queried"),
    Tab.APPROVED: N_("Approved"),
    Tab.BILLED: N_("Billed"),
}
CAPTIONS = {  # the table's caption on each tab
    Tab.REQUESTS: N_("Requests visits"),
    Tab.ACCEPTED: N_("Accepted visits"),
    Tab.COMPLETED: N_("Completed visits"),
    Tab.QUERIED: N_("Queried visits"),
    Tab.APPROVED: N_("Approved visits"),
    Tab.BILLED: N_("Billed visits"),
}


@dataclass
class Shown:
    """The tab and page on screen (per client: it lives inside the page function)."""

    tab: Tab
    page: int = 1


@guard.page(admits=guard.CLIENT_RECORDS)
async def create(viewer: SignedInViewer, client_id: RecordId, request: Request) -> None:
    actor = viewer.actor
    tab = request.query_params.get("tab", Tab.REQUESTS)
    state = Shown(Tab(tab) if tab in set(Tab) else Tab.REQUESTS)
    first = await background.call(views.services, actor, client_id, state.tab, 1)
    ui.add_head_html(shift_status.CSS)
    path = f"/clients/{client_id}/services"
    with frame(_("Services"), viewer, nav=client_sections(actor, client_id), current=path):
        client_switcher.create(actor, client_id, "services")
        carer_access.visit_actions(actor, client_id)

        async def reload() -> None:
            wanted = (state.tab, state.page)
            page = await background.call(views.services, actor, client_id, *wanted)
            if wanted == (state.tab, state.page):  # a later choice (another tab) wins over a live update
                content.refresh(page)

        dialogs = ui.element("div")  # dialogs opened from a table row live here, not inside the table

        async def act(line: ShiftLine, action: str) -> None:
            with dialogs:
                await shift_actions.act(actor, line, action, reload)

        async def show(tab: Tab | None = None, page: int = 1) -> None:
            state.tab, state.page = tab or state.tab, page
            await reload()

        @ui.refreshable
        def content(page: ServicesPage) -> None:
            # ui.tabs takes a tab's name as its value too; NiceGUI's annotation leaves str out.
            tabs = ui.tabs(value=page.tab, on_change=lambda e: show(Tab(e.value)))  # type: ignore[arg-type]
            tabs.props('align="left" inline-label outside-arrows mobile-arrows no-caps')
            tabs.props.update({"aria-label": _("Stages")})
            with tabs.classes("w-full q-mb-md").mark("tabs"):
                for tab, label in TAB_LABELS.items():
                    ui.tab(tab.value, f"{_(label)} ({page.counts[tab]})").mark(f"tab-{tab.value}")
            shift_table.create(
                _(CAPTIONS[page.tab]),
                [_(header) for header in HEADERS],
                page.rows.lines,
                lambda line: _cells(line, page),
                on_action=act,
                empty=_(EMPTY[page.tab]),
                may=functools.partial(access.may, actor, client_id),
            )
            pager.create(
                page.rows.page, page.rows.pages, page.rows.total, lambda n: show(page=n), what="visits"
            )

        content(first)
        live.on(ShiftChanged, lambda _event: reload(), when=lambda e: client_id in e.client_ids)


def _cells(line: ShiftLine, page: ServicesPage) -> tuple[str, ...]:
    return (
        line.number,
        line.booking_number or "—",
        short_date(line.starts.date()),
        clock_time(line.starts),
        duration(line.minutes),
        line.worker or _("Not yet allocated"),
        line.program,
        line.service,
        line.quantity,
        line.rate,
        line.bill_to_label,
        _notes(line, page),
    )


def _notes(line: ShiftLine, page: ServicesPage) -> str:
    parts = [line.waiting, line.cancellation, line.time_note or "", line.notes]
    for note in page.queries.get(line.shift_id, ()):
        parts.append(_("Your query: {message}").format(message=note.message))
        if note.reply:
            parts.append(_("Reply: {reply}").format(reply=note.reply))
    return " · ".join(part for part in parts if part) or "—"
