"""Import and export (administrators): the agency's clients and workers from its old system as CSV
or Excel files. "Check the file" lists every row's problems with row and column and writes nothing;
"Import" writes all of it or, with any problem, nothing; the export writes the same columns back."""

from collections.abc import Callable
from dataclasses import dataclass

from nicegui import events, ui

from components import file_picker, guard, toast
from components.forms import submit
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access
from domain.accounts.access import Actor
from domain.transfer import approved, approved_rows, client_rows, clients, sheets, worker_rows, workers
from domain.transfer.workers import Report
from domain.vocabulary import count

PATH = "/admin/import"
SHOWN_PROBLEMS = 1000  # all of them in the table's pages; a larger file is usually the wrong file
COLUMN_NOTES = {
    "staff_number": "the worker's number in your old system: a row with a known number updates that worker",
    "client_number": "the client's number in your old system: a row with a known number updates that client",
    "interpreter_needed": "yes or no; empty means no",
    "language": "empty means English",
    "package_reference": "the funding package's reference, like SAH-00004",
    "service": "the service's code in the catalogue",
    "units_per_period": "hours (or visits) approved each period, like 1.5",
    "period": "week, month, quarter or plan; empty means week",
    "rate": "dollars a unit where it differs from the program's rate; empty for the program's",
    "gender": "female, male, non_binary or not_stated",
    "date_of_birth": "2026-11-27 or 27/11/2026 (every date column)",
    "charge_rate": "dollars an hour, like 43.25",
    "max_hours_per_week": "0 to 80; empty means 38",
    "rating": "1 to 5; empty means 3",
    "active": "yes or no; empty means yes",
    "competencies": (
        "codes from the catalogue, each with its expiry if it has one: first_aid 2027-03-31; police_check"
    ),
    "availability": "weekly windows: Mon 08:00-16:00; Tue 09:00-12:30",
}


@dataclass
class Chosen:
    name: str = ""
    data: bytes = b""


@dataclass(frozen=True)
class Kind:
    """One kind of file the page moves: its columns and its use cases."""

    key: str  # "workers", "clients", "approved": the file's name, the markers and the ids
    name: str  # as a sentence says it
    title: str
    columns: tuple[str, ...]
    required: frozenset[str]
    check: Callable[[Actor, str, bytes], Report]
    apply: Callable[[Actor, str, bytes], Report]
    export: Callable[[Actor, sheets.Format], bytes]


KINDS = (
    Kind(
        "clients",
        "clients",
        "Clients",
        client_rows.COLUMNS,
        client_rows.REQUIRED,
        clients.check,
        clients.apply,
        clients.export,
    ),
    Kind(
        "workers",
        "workers",
        "Workers",
        worker_rows.COLUMNS,
        worker_rows.REQUIRED,
        workers.check,
        workers.apply,
        workers.export,
    ),
    Kind(
        "approved",
        "approved services",
        "Approved services",
        approved_rows.COLUMNS,
        approved_rows.REQUIRED,
        approved.check,
        approved.apply,
        approved.export,
    ),
)


@guard.page(admits=access.SCREENS[PATH])
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    with frame("Import and export", viewer, nav=staff_sections(actor), current=PATH):
        paragraph(
            "Move your agency's records from its old system: a CSV (UTF-8) or Excel (.xlsx) file with a "
            "header row naming the columns, in any order. Check a file first: nothing is written until "
            "every row is right, and a record already here (the same client number, staff number, or "
            "package and service) is updated, so the same file twice changes nothing."
        )
        for kind in KINDS:
            _section(actor, kind)


def _section(actor: Actor, kind: Kind) -> None:
    chosen = Chosen()
    with ui.element("section").classes("card section").props(f'aria-labelledby="{kind.key}-heading"'):
        heading(kind.title).props(f'id="{kind.key}-heading"')
        with ui.element("ul").classes("column-list"):
            for column in kind.columns:
                note = COLUMN_NOTES.get(column, "")
                required = " (required)" if column in kind.required else ""
                with ui.element("li"):
                    Text(column, tag="code")
                    Text(f"{required}{': ' + note if note else ''}", tag="span")

        file_label = Text("No file chosen yet.", tag="p").mark(f"{kind.key}-chosen")
        message = Text("", tag="p").props('role="status" aria-live="polite"').mark(f"{kind.key}-message")

        async def picked(event: events.UploadEventArguments) -> None:
            chosen.name, chosen.data = event.file.name, await event.file.read()
            file_label.text = f"Chosen: {chosen.name} ({len(chosen.data) / 1024:,.0f} KB)"
            uploader.reset()
            report.refresh(None)

        def say(text: str) -> None:
            message.text = text

        async def run(apply: bool) -> None:
            if not chosen.data:
                say("Please choose a file first.")
                return
            use_case = kind.apply if apply else kind.check
            name, data = chosen.name, chosen.data
            found = await submit(lambda: use_case(actor, name, data), say=say)
            if found is not None:
                say("")
                report.refresh(found)

        with ui.row().classes("gap-2 items-center"):
            uploader, choose = file_picker.create(
                f"Choose a {kind.name} file",
                "upload_file",
                accept=".csv,.xlsx,text/csv",
                max_bytes=sheets.MAX_BYTES,
                on_upload=picked,
                on_rejected=lambda: toast.show("That file is larger than 20 MB.", "negative"),
                mark=f"{kind.key}-upload",
            )
            choose.props("outline no-caps").mark(f"{kind.key}-choose")
            ui.button(f"Check the {kind.name} file", icon="fact_check", on_click=lambda: run(False)).props(
                "outline no-caps"
            ).mark(f"{kind.key}-check")
            ui.button(f"Import the {kind.name} file", icon="publish", on_click=lambda: run(True)).props(
                "unelevated color=primary no-caps"
            ).mark(f"{kind.key}-import")

        @ui.refreshable
        def report(found: Report | None) -> None:
            if found is not None:
                _report(kind, found)

        report(None)

        with ui.row().classes("gap-2 items-center q-mt-md"):
            for fmt, label in ((sheets.Format.CSV, "CSV"), (sheets.Format.XLSX, "Excel")):
                ui.button(
                    f"Export {kind.name} as {label}",
                    icon="download",
                    on_click=lambda f=fmt: _export(actor, kind, f),
                ).props("outline no-caps").mark(f"{kind.key}-export-{fmt.value}")


async def _export(actor: Actor, kind: Kind, fmt: sheets.Format) -> None:
    content = await submit(lambda: kind.export(actor, fmt))
    if content is not None:
        ui.download.content(content, f"{kind.key}.{fmt.value}")


def _report(kind: Kind, found: Report) -> None:
    with ui.element("div").classes("import-report").mark(f"{kind.key}-report"):
        if found.problems:
            Text(
                f"{count(len(found.problems), 'problem')} in {count(found.rows, 'row')}; "
                "nothing was written. "
                "Correct them in the file and check it again.",
                tag="p",
            ).classes("notice notice-error").props('role="alert"')
            columns = [
                {"name": "row", "label": "Row", "field": "row", "align": "left"},
                {"name": "column", "label": "Column", "field": "column", "align": "left"},
                {"name": "message", "label": "Problem", "field": "message", "align": "left"},
            ]
            rows = [
                {"id": n, "row": p.row, "column": p.column, "message": p.message}
                for n, p in enumerate(found.problems[:SHOWN_PROBLEMS])
            ]
            table = ui.table(columns=columns, rows=rows, row_key="id", pagination=50, title="Problems")
            table.props("flat bordered wrap-cells").classes("w-full").mark(f"{kind.key}-problems")
            table.props.update({"table-attrs": {"aria-label": f"Problems in the {kind.name} file, by row"}})
            return
        verb = "Imported" if found.applied else "Ready to import"
        Text(
            f"{verb}: {found.added} new, {found.changed} changed, {found.unchanged} unchanged "
            f"of {found.rows} rows.",
            tag="p",
        ).classes("notice").props('role="status"').mark(f"{kind.key}-summary")
