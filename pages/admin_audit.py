"""The audit log for administrators: who viewed or changed which client's record, when, and
whether through the portal or the API; searched by client, person and date."""

from dataclasses import dataclass

from nicegui import ui

from components import background, guard
from components.formatting import clock_time, short_date
from components.forms import date_input, submit, text_input
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.records import audit_log
from domain.records.audit_log import AuditLine, AuditPage
from domain.vocabulary import Role

PATH = "/admin/audit"
SEARCH_REGION = 'role="search" aria-label="Search the audit log"'
HEADINGS = ("When", "Who", "Client", "What", "Record", "Detail", "Through")


@dataclass
class Search:
    client: str = ""
    person: str = ""
    first: str = ""
    last: str = ""
    page: int = 0


@guard.page(admits={Role.ADMIN})
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    state = Search()
    found = await background.call(audit_log.search, actor)
    with frame("Audit log", viewer, nav=staff_sections(actor), current=PATH):
        paragraph(
            "Every time a client's record is opened or changed, in the portal or through the API, "
            "it is written here. Entries cannot be changed or deleted."
        )
        with (
            ui.element("div").classes("card q-mb-md").props(SEARCH_REGION),
            ui.element("div").classes("form-grid"),
        ):
            fields = {
                "client": text_input("Client (name, number or id)", mark="audit-client"),
                "person": text_input("Person (name or e-mail)", mark="audit-person"),
                "first": date_input("From", mark="audit-from"),
                "last": date_input("To", mark="audit-to"),
            }

        @ui.refreshable
        def results(shown: AuditPage) -> None:
            _results(shown)
            with ui.row().classes("gap-2 q-mt-sm"):
                if shown.page > 0:
                    ui.button("Newer", on_click=lambda: search(shown.page - 1)).props("outline no-caps")
                if shown.more:
                    ui.button("Older", on_click=lambda: search(shown.page + 1)).props("outline no-caps")

        async def search(page: int = 0) -> None:
            state.client = fields["client"].value or ""
            state.person = fields["person"].value or ""
            state.first = fields["first"].value or ""
            state.last = fields["last"].value or ""
            state.page = page
            shown = await submit(
                lambda: audit_log.search(
                    actor,
                    client=state.client,
                    person=state.person,
                    first=state.first,
                    last=state.last,
                    page=state.page,
                ),
                fields,
            )
            if shown is not None:
                results.refresh(shown)

        ui.button("Search", icon="search", on_click=lambda: search(0)).props("no-caps").mark("audit-search")
        results(found)


def _results(shown: AuditPage) -> None:
    with ui.element("section").classes("card q-mt-md").props('aria-labelledby="audit-results"'):
        heading("Entries", 2).props('id="audit-results"')
        if not shown.lines:
            Text("No entry matches this search.", tag="p")
            return
        region = ui.element("div").classes("table-scroll")
        region.props('role="region" tabindex="0" aria-labelledby="audit-results"')
        with region, ui.element("table").classes("data-table").mark("audit-table"):
            with ui.element("thead"), ui.element("tr"):
                for title in HEADINGS:
                    Text(title, tag="th").props('scope="col"')
            with ui.element("tbody"):
                for line in shown.lines:
                    _row(line)


def _row(line: AuditLine) -> None:
    who = f"{line.who} ({line.role})" if line.role else line.who
    client = f"{line.client} (#{line.client_id})" if line.client_id is not None else "—"
    with ui.element("tr"):
        Text(f"{short_date(line.at.date())}, {clock_time(line.at)}", tag="th").props('scope="row"')
        for cell in (who, client, line.action, line.record, line.detail or "—", line.channel):
            Text(cell, tag="td")
