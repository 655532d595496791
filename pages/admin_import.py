"""Import and export (administrators): the agency's workers from its old system as a CSV or Excel
file. "Check the file" lists every row's problems with row and column and writes nothing; "Import"
writes all of it or, with any problem, nothing; the export writes the same columns back."""

from dataclasses import dataclass

from nicegui import events, ui

from components import guard
from components.forms import submit
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access
from domain.transfer import sheets, worker_rows, workers
from domain.transfer.workers import Report

PATH = "/admin/import"
SHOWN_PROBLEMS = 1000  # all of them in the table's pages; a larger file is usually the wrong file
COLUMN_NOTES = {
    "staff_number": "the worker's number in your old system: a row with a known number updates that worker",
    "gender": "female, male, non_binary or not_stated",
    "date_of_birth": "2026-11-27 or 27/11/2026 (every date column)",
    "charge_rate": "dollars an hour, like 43.25",
    "max_hours_per_week": "0 to 80; empty means 38",
    "rating": "1 to 5; empty means 3",
    "active": "yes or no; empty means yes",
    "competencies": (
        "codes from the catalogue, each with its expiry if it has one: FIRST_AID 2027-03-31; POLICE_CHECK"
    ),
    "availability": "weekly windows: Mon 08:00-16:00; Tue 09:00-12:30",
}


@dataclass
class Chosen:
    name: str = ""
    data: bytes = b""


@guard.page(admits=access.SCREENS[PATH])
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    with frame("Import and export", viewer, nav=staff_sections(actor), current=PATH):
        chosen = Chosen()
        with ui.element("section").classes("card section").props('aria-labelledby="workers-heading"'):
            heading("Workers").props('id="workers-heading"')
            paragraph(
                "A CSV (UTF-8) or Excel (.xlsx) file with a header row naming these columns; "
                "the order does not matter. Check the file first: nothing is written until every row "
                "is right."
            )
            with ui.element("ul").classes("column-list"):
                for column in worker_rows.COLUMNS:
                    note = COLUMN_NOTES.get(column, "")
                    required = " (required)" if column in worker_rows.REQUIRED else ""
                    with ui.element("li"):
                        Text(column, tag="code")
                        Text(f"{required}{': ' + note if note else ''}", tag="span")

            file_label = Text("No file chosen yet.", tag="p").mark("chosen-file")
            message = Text("", tag="p").props('role="status" aria-live="polite"').mark("import-message")

            async def picked(event: events.UploadEventArguments) -> None:
                chosen.name, chosen.data = event.file.name, await event.file.read()
                file_label.text = f"Chosen: {chosen.name} ({len(chosen.data) / 1024:,.0f} KB)"
                uploader.reset()
                report.refresh(None)

            uploader = (
                ui.upload(
                    auto_upload=True,
                    max_file_size=sheets.MAX_BYTES,
                    on_upload=picked,
                    on_rejected=lambda: ui.notify("That file is larger than 20 MB.", type="negative"),
                )
                .props('accept=".csv,.xlsx,text/csv"')
                .classes("hidden")
                .mark("workers-upload")
            )

            def say(text: str) -> None:
                message.text = text

            async def run(apply: bool) -> None:
                if not chosen.data:
                    say("Please choose a file first.")
                    return
                use_case = workers.apply if apply else workers.check
                name, data = chosen.name, chosen.data
                found = await submit(lambda: use_case(actor, name, data), say=say)
                if found is not None:
                    say("")
                    report.refresh(found)

            with ui.row().classes("gap-2 items-center"):
                ui.button(
                    "Choose a file", icon="upload_file", on_click=lambda: uploader.run_method("pickFiles")
                ).props("outline no-caps").mark("choose-file")
                ui.button("Check the file", icon="fact_check", on_click=lambda: run(False)).props(
                    "outline no-caps"
                ).mark("check-file")
                ui.button("Import", icon="publish", on_click=lambda: run(True)).props(
                    "unelevated color=primary no-caps"
                ).mark("import-file")

            @ui.refreshable
            def report(found: Report | None) -> None:
                if found is not None:
                    _report(found)

            report(None)

            heading("Export", 3)
            paragraph("Every worker in the same columns: imported again, the file changes nothing.")
            with ui.row().classes("gap-2"):
                for fmt, label in (
                    (sheets.Format.CSV, "Download CSV"),
                    (sheets.Format.XLSX, "Download Excel"),
                ):
                    ui.button(label, icon="download", on_click=lambda f=fmt: _export(actor, f)).props(
                        "outline no-caps"
                    ).mark(f"export-{fmt.value}")


async def _export(actor: access.Actor, fmt: sheets.Format) -> None:
    content = await submit(lambda: workers.export(actor, fmt))
    if content is not None:
        ui.download.content(content, f"workers.{fmt.value}")


def _report(found: Report) -> None:
    with ui.element("div").classes("import-report").mark("import-report"):
        if found.problems:
            Text(
                f"{len(found.problems)} problems in {found.rows} rows; nothing was written. "
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
            table.props("flat bordered wrap-cells").classes("w-full").mark("problems")
            table.props.update({"table-attrs": {"aria-label": "Problems by row and column"}})
            return
        verb = "Imported" if found.applied else "Ready to import"
        Text(
            f"{verb}: {found.added} new, {found.changed} changed, {found.unchanged} unchanged "
            f"of {found.rows} rows.",
            tag="p",
        ).classes("notice").props('role="status"').mark("import-summary")
