"""The client's calendar: a month at a glance, or a week or day as a list that reads well on a
tablet. Status by colour and by text; tap a visit for its details and actions. It updates live
when staff allocate a visit or a worker accepts."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date

from fastapi import Request
from nicegui import ui

from components import (
    background,
    carer_access,
    client_switcher,
    guard,
    live,
    month_grid,
    shift_actions,
    shift_status,
)
from components.formatting import clock_time, long_date, month_year
from components.guard import RecordId
from components.nav import client_sections
from components.shift_actions import Changed
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts.access import Actor
from domain.events import ShiftChanged
from domain.language import N_, _, ngettext
from domain.visits import views
from domain.visits.lines import ShiftLine
from domain.visits.views import CalendarPage, CalendarView

VIEW_LABELS = {CalendarView.MONTH: N_("Month"), CalendarView.WEEK: N_("Week"), CalendarView.DAY: N_("Day")}


@dataclass
class Shown:
    """The view and the day it is anchored on (per client: it lives inside the page function)."""

    view: CalendarView
    anchor: date | None  # None: today


def _anchor(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@guard.page(admits=guard.CLIENT_RECORDS)
async def create(viewer: SignedInViewer, client_id: RecordId, request: Request) -> None:
    actor = viewer.actor
    params = request.query_params
    view = CalendarView(params["view"]) if params.get("view") in set(CalendarView) else CalendarView.MONTH
    state = Shown(view, _anchor(params.get("day")))
    page = await background.call(_load, actor, client_id, state, viewer.today)
    path = f"/clients/{client_id}/calendar"
    ui.add_head_html(shift_status.CSS)
    with frame(_("Calendar"), viewer, nav=client_sections(actor, client_id), current=path):
        client_switcher.create(actor, client_id, "calendar")
        carer_access.visit_actions(actor, client_id)

        async def reload() -> None:
            wanted = (state.view, state.anchor)
            page = await background.call(_load, actor, client_id, state, viewer.today)
            if wanted == (state.view, state.anchor):  # a later choice wins over a live update
                body.refresh(page)

        dialogs = ui.element("div")  # a visit's dialog lives here, not inside the month grid

        async def open_visit(shift_id: int) -> None:
            with dialogs:
                await shift_actions.open_details(actor, shift_id, reload)

        async def go(view: CalendarView | None = None, direction: int = 0, today: bool = False) -> None:
            state.view = view or state.view
            state.anchor = None if today else views.step(state.view, state.anchor or viewer.today, direction)
            await reload()

        @ui.refreshable
        def body(page: CalendarPage) -> None:
            state.anchor = page.anchor
            _controls(page, go)
            if page.more:
                shown = len(page.lines)
                paragraph(
                    ngettext(
                        "Only the first {n} visit is shown: choose Week to see the rest.",
                        "Only the first {n} visits are shown: choose Week to see the rest.",
                        shown,
                    ).format(n=shown)
                ).classes("notice")
            if page.view == CalendarView.MONTH:
                _month(page, open_visit)
            else:
                _days(actor, page, reload)

        body(page)
        live.on(ShiftChanged, lambda _event: reload(), when=lambda e: client_id in e.client_ids)


def _load(actor: Actor, client_id: int, state: Shown, today: date) -> CalendarPage:
    return views.calendar(actor, client_id, state.view, state.anchor or today)


def _title(page: CalendarPage) -> str:
    if page.view == CalendarView.MONTH:
        return month_year(page.first)
    if page.view == CalendarView.WEEK:
        return _("Week of {day}").format(day=long_date(page.first))
    return long_date(page.first)


def _controls(page: CalendarPage, go: Callable[..., Awaitable[None]]) -> None:
    with ui.row().classes("items-center gap-2 q-mb-md w-full"):
        views_toggle = ui.toggle(
            {v: _(label) for v, label in VIEW_LABELS.items()},
            value=page.view,
            on_change=lambda e: go(view=e.value),
        ).props("no-caps unelevated toggle-color=primary")
        views_toggle.props.update({"aria-label": _("Show a month, a week or a day")})
        views_toggle.mark("calendar-view")
        earlier = ui.button(icon="chevron_left", on_click=lambda: go(direction=-1)).props("outline")
        earlier.props.update({"aria-label": _("Earlier")})
        earlier.mark("earlier")
        ui.button(_("Today"), on_click=lambda: go(today=True)).props("outline").mark("today")
        later = ui.button(icon="chevron_right", on_click=lambda: go(direction=1)).props("outline")
        later.props.update({"aria-label": _("Later")})
        later.mark("later")
    heading(_title(page)).props('aria-live="polite"')


def _month(page: CalendarPage, open_visit: Callable[[int], Awaitable[None]]) -> None:
    month_grid.create(page.first, page.last, page.today, page.lines, open_visit)


def _days(actor: Actor, page: CalendarPage, changed: Changed) -> None:
    by_day: dict[date, list[ShiftLine]] = {}
    for line in page.lines:
        by_day.setdefault(line.starts.date(), []).append(line)
    day = page.first
    while day <= page.last:
        with ui.element("section").classes("q-mb-md").props(f'aria-label="{long_date(day)}"'):
            Text(long_date(day), tag="h3").classes("heading-3")
            lines = by_day.get(day, [])
            if not lines:
                paragraph(_("No visits.")).classes("text-muted")
            for line in lines:
                _visit(actor, line, changed)
        day = date.fromordinal(day.toordinal() + 1)


def _visit(actor: Actor, line: ShiftLine, changed: Changed) -> None:
    with ui.element("article").classes("card q-mb-sm visit"):
        with ui.column().classes("gap-1"):
            Text(f"{clock_time(line.starts)} – {clock_time(line.ends)} · {line.service}", tag="h4").classes(
                "heading-3"
            )
            if line.worker:
                paragraph(_("Worker: {name}").format(name=line.worker))
            else:
                paragraph(_("Worker: not yet allocated"))
            shift_status.badge(line.status)
            if line.time_note:
                paragraph(line.time_note).classes("text-muted")
        shift_actions.buttons(actor, line, changed)
