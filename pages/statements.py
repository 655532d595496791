"""Package statements for clients and carers: choose a package and a month (or any dates), read the
statement in plain words, and print it or save it as a PDF."""

from urllib.parse import urlencode

from fastapi import HTTPException
from fastapi.responses import Response
from nicegui import ui

from components import background, carer_access, client_switcher, guard, statement_view
from components import language as page_language
from components.forms import date_input
from components.guard import RecordId
from components.nav import client_sections
from components.text import Text, heading
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access
from domain.accounts.access import Actor
from domain.errors import DomainError, InvalidInput, SetByAgency
from domain.language import _, use
from domain.statements import reading
from domain.statements.reading import StatementRequest, StatementView
from domain.vocabulary import ClientAction, Role


def address(client_id: int, **query: str | int | None) -> str:
    chosen = {name: value for name, value in query.items() if value}
    return f"/clients/{client_id}/statements" + (f"?{urlencode(chosen)}" if chosen else "")


@guard.page(admits=guard.CLIENT_RECORDS)
async def create(
    viewer: SignedInViewer,
    client_id: RecordId,
    package: str | None = None,
    month: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> None:
    actor = viewer.actor
    access.require_client(actor, client_id)  # someone else's client: "You do not have access to that."
    if not access.may(actor, client_id, ClientAction.STATEMENTS):  # a carer without the statements right
        with frame(
            _("Statements"), viewer, nav=client_sections(actor, client_id), current=address(client_id)
        ):
            client_switcher.create(actor, client_id, "statements")
            carer_access.refused(actor, client_id, ClientAction.STATEMENTS)
        return
    request = StatementRequest(package, month, start, end)
    problem = ""
    try:
        view = await background.call(reading.open_statement, actor, client_id, request)
    except InvalidInput as error:  # say what was wrong, and show this month instead
        problem = error.message
        request = StatementRequest(package)
        view = await background.call(reading.open_statement, actor, client_id, request)
    ui.add_head_html('<link rel="stylesheet" href="/static/statements.css">')
    with frame(_("Statements"), viewer, nav=client_sections(actor, client_id), current=address(client_id)):
        if actor.role == Role.CARER:
            carer_access.note(actor, client_id)
            _client_switcher(actor, client_id)
        if problem:
            Text(problem, tag="p").classes("notice notice-error q-mb-md").props('role="alert"')
        with ui.element("div").classes("stack"):
            _page(view, request)


def _page(view: StatementView, request: StatementRequest) -> None:
    if view.statement is None:
        none_yet = _("{name} has no funding package to show yet.").format(name=view.client_name)
        Text(none_yet, tag="p").classes("notice")
        return
    _chooser(view, request)
    period = view.statement.period
    pdf_query: dict[str, int | str] = {"package": view.statement.package.package_id}
    if period.month is not None:
        pdf_query["month"] = f"{period.month:%Y-%m}"
    else:
        pdf_query |= {"start": period.first.isoformat(), "end": period.last.isoformat()}
    statement_view.create(view.statement, f"/clients/{view.client_id}/statements/pdf?{urlencode(pdf_query)}")


def _chooser(view: StatementView, request: StatementRequest) -> None:
    statement = view.statement
    assert statement is not None
    chosen = next(p for p in view.packages if p.package_id == statement.package.package_id)
    month = f"{statement.period.month:%Y-%m}" if statement.period.month else None
    with ui.element("section").classes("card").props('aria-labelledby="choose-heading"'):
        heading(_("Choose a statement")).props('id="choose-heading"')
        with ui.element("div").classes("chooser"):
            packages = {p.package_id: p.label for p in view.packages}
            package = ui.select(packages, value=chosen.package_id, label=_("Package")).props("outlined")
            months = {m.value: m.label for m in chosen.months}
            picked = ui.select(months, value=month if month in months else None, label=_("Month"))
            picked.props("outlined").mark("month")
            ui.button(
                _("Show this month"),
                on_click=lambda: ui.navigate.to(
                    address(view.client_id, package=package.value, month=picked.value)
                ),
            ).mark("show-month")
        with ui.element("div").classes("chooser q-mt-md"):
            start = date_input(_("From (any date)"), request.start, mark="start")
            end = date_input(_("To"), request.end, mark="end")
            ui.button(
                _("Show these dates"),
                on_click=lambda: ui.navigate.to(
                    address(view.client_id, package=package.value, start=start.value, end=end.value)
                ),
            ).props("outline").mark("show-dates")


def _client_switcher(actor: Actor, client_id: int) -> None:
    with ui.row().classes("items-center gap-3 q-mb-md"):
        ui.select(
            dict(actor.linked_clients),
            value=client_id,
            label=_("Acting for"),
            on_change=lambda e: ui.navigate.to(address(e.value)),
        ).props("outlined").classes("min-w-[260px]").mark("client-switcher")


async def pdf(
    client_id: RecordId,
    package: str | None = None,
    month: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Response:
    """The statement as a PDF download, rendered off the event loop, behind the same check as the page."""
    actor = await guard.signed_in_or_401()
    request = StatementRequest(package, month, start, end)
    # not a page: the statement is printed in the reader's own language (English for staff)
    with use(page_language.for_actor(actor, None).code):
        try:
            document = await background.call(reading.statement_pdf, actor, client_id, request)
        except InvalidInput as error:
            raise HTTPException(status_code=400, detail=error.message) from None
        except SetByAgency as error:  # their own client: saying why gives nothing away
            raise HTTPException(status_code=403, detail=error.message) from None
        except DomainError:  # the same answer whether it exists or not, so ids cannot be probed
            raise HTTPException(status_code=404, detail=_("No such statement.")) from None
    return Response(
        document.content,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'attachment; filename="{document.filename}"',
            "Cache-Control": "private, no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )
