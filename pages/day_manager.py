"""The Day Manager (roster department; kiosk-style, readable on a wall screen): one day at a time,
its unallocated shifts, those waiting for a worker's answer and those allocated, filtered by status,
service or name; "Allocate" opens the ranked list with the reasons for everyone left out. The page
follows every booking, answer and allocation live.

`?wall=1` is the wall screen: large type across the whole width of a 1920-pixel screen, read from
three metres; it also reloads itself every minute, and when it shows today it moves on to the new
day at midnight."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TypedDict, Unpack
from urllib.parse import urlencode

from fastapi import Request
from nicegui import ui

from components import allocate_dialog, background, card_table, guard, live, pager
from components.formatting import clock_time, long_date
from components.forms import date_input, submit
from components.nav import staff_sections
from components.text import Text, heading
from components.theme import frame
from components.viewer import SignedInViewer
from domain import clock, validation
from domain.accounts import access
from domain.events import ShiftChanged
from domain.roster import day as day_manager
from domain.roster.day import Day, DayFilter, DayShift, Show
from domain.vocabulary import ShiftStatus

PATH = "/admin/day"
WALL_REFRESH_SECONDS = 60.0  # besides the live updates: a screen nobody touches stays current
Go = Callable[[date], Awaitable[None]]
SHOW_LABELS = {
    Show.ALL: "All",
    Show.UNALLOCATED: "Unallocated",
    Show.OFFERED: "Offered",
    Show.ALLOCATED: "Allocated",
}
STATUS_LABELS = {
    ShiftStatus.WAITING: "Past the approved hours, waiting for a decision",  # not allocatable yet
    ShiftStatus.UNALLOCATED: "Unallocated",
    ShiftStatus.OFFERED: "Offered, waiting for the worker",
    ShiftStatus.ALLOCATED: "Allocated",
    ShiftStatus.COMPLETED: "Completed",
    ShiftStatus.QUERIED: "Completed, queried",
    ShiftStatus.APPROVED: "Completed, approved",
    ShiftStatus.BILLED: "Completed, billed",
    ShiftStatus.CANCELLED: "Cancelled",
}
COLUMNS = ("Time", "Client", "Service", "Worker", "Status", "Booking")
ACTION = """
<q-btn v-if="props.row.can_allocate" unelevated no-caps color="primary" icon="person_add" label="Allocate"
       :aria-label="'Allocate ' + props.row.c2 + ' for ' + props.row.c1"
       @click="() => $parent.$emit('allocate', props.row.id)" />
"""


class Refinement(TypedDict, total=False):
    """What a click on the filters changes (DayFilter's fields)."""

    show: Show
    service_id: int | None
    search: str
    page: int


@dataclass
class Chosen:
    """The day and filters on screen (per client: it lives inside the page function)."""

    day: date
    filters: DayFilter
    wall: bool = False


@guard.page(admits=access.SCREENS[PATH])
async def create(viewer: SignedInViewer, request: Request) -> None:
    actor = viewer.actor
    chosen = _parse(request, viewer.today)
    first = await background.call(day_manager.day, actor, chosen.day, chosen.filters)
    ui.add_head_html('<link rel="stylesheet" href="/static/booking.css">')
    ui.add_head_html('<link rel="stylesheet" href="/static/self_service.css">')
    if chosen.wall:
        ui.add_head_html('<link rel="stylesheet" href="/static/wall.css">')
        ui.query("body").classes("wall-screen")
    with frame("Day Manager", viewer, nav=staff_sections(actor), current=PATH):
        ui.query("#main").classes("kiosk")
        state = Chosen(first.day, first.filters, chosen.wall)
        following = {"today": viewer.today}  # the day a wall screen showing "today" last knew

        async def reload(day: date | None = None, filters: DayFilter | None = None) -> None:
            state.day, state.filters = day or state.day, filters or state.filters
            wanted = (state.day, state.filters)
            fresh = await submit(lambda: day_manager.day(actor, *wanted))
            if fresh is not None and wanted == (state.day, state.filters):  # a later choice wins
                content.refresh(fresh)
                # a wall screen reloaded keeps its day; said through an element that outlives the
                # refresh (the button that asked was inside what it replaced, and is gone with it)
                with dialogs:
                    ui.navigate.history.replace(_address(*wanted, wall=state.wall))

        async def tick() -> None:
            """The wall screen's minute: past midnight, a screen that showed today shows the new day."""
            today, known = viewer.today, following["today"]
            following["today"] = today
            await reload(day=rolled_over(state.day, known, today))

        def refilter(**changes: Unpack[Refinement]) -> Awaitable[None]:
            changes.setdefault("page", 1)  # a changed filter shows its first page
            return reload(filters=replace(state.filters, **changes))

        dialogs = ui.element("div")

        async def allocate(shift: DayShift) -> None:
            with dialogs:
                await allocate_dialog.open_for(actor, shift, reload)

        @ui.refreshable
        def content(shown: Day) -> None:
            if state.wall:
                updated = clock_time(viewer.local(clock.now()))
                Text(f"Updated at {updated}", tag="p").classes("wall-updated").mark("wall-updated")
            _day_nav(shown.day, viewer, lambda d: reload(day=d, filters=replace(shown.filters, page=1)))
            _filters(shown, refilter)
            _table(shown, allocate)
            pager.create(
                shown.page,
                shown.pages,
                shown.counts[shown.filters.show],
                lambda n: refilter(page=n),
                what="shifts",
            )

        content(first)
        live.on(ShiftChanged, lambda _event: reload(), when=lambda _event: True)
        if state.wall:
            ui.timer(WALL_REFRESH_SECONDS, tick)


def _address(shown: date, filters: DayFilter, *, wall: bool = False) -> str:
    query = {
        "wall": "1" if wall else "",
        "day": shown.isoformat(),
        "show": filters.show.value,
        "service": filters.service_id or "",
        "q": filters.search,
    }
    return f"{PATH}?{urlencode({k: v for k, v in query.items() if v})}"


def _parse(request: Request, today: date) -> Chosen:
    params = request.query_params
    try:
        chosen_day = date.fromisoformat(params.get("day", ""))
    except ValueError:
        chosen_day = today
    show = params.get("show", Show.ALL)
    service = params.get("service", "")
    filters = DayFilter(
        show=Show(show) if show in set(Show) else Show.ALL,
        service_id=int(service) if service.isdigit() else None,
        search=params.get("q", ""),
    )
    return Chosen(chosen_day, filters, wall=params.get("wall") == "1")


def _day_nav(shown: date, viewer: SignedInViewer, go: Go) -> None:
    with ui.element("nav").classes("day-nav").props('aria-label="Choose the day"'):
        ui.button("Previous day", icon="chevron_left", on_click=lambda: go(shown - timedelta(days=1))).props(
            "outline no-caps"
        ).mark("previous-day")
        ui.button("Today", on_click=lambda: go(viewer.today)).props("outline no-caps").mark("today")
        ui.button("Next day", on_click=lambda: go(shown + timedelta(days=1))).props(
            "outline no-caps icon-right=chevron_right"
        ).mark("next-day")
        picker = date_input("Go to date", shown).classes(remove="w-full")
        picker.mark("go-to-date").on_value_change(lambda e: _go_to(e.value, shown, go))
    heading(long_date(shown), 2).props('aria-live="polite"').mark("day-heading")


def _go_to(value: object, shown: date, go: Go) -> Awaitable[None] | None:
    try:
        wanted = validation.day(str(value))
    except ValueError:
        return None  # a date still being typed
    return go(wanted) if wanted != shown else None


def _filters(shown: Day, refilter: Callable[..., Awaitable[None]]) -> None:
    with ui.row().classes("items-end gap-3 w-full q-mb-sm"):
        # ui.tabs takes a tab's name as its value too; NiceGUI's annotation leaves str out.
        with (
            ui.tabs(value=shown.filters.show, on_change=lambda e: refilter(show=Show(e.value)))  # type: ignore[arg-type]
            .props('inline-label no-caps aria-label="Which shifts"')
            .mark("show")
        ):
            for show, label in SHOW_LABELS.items():
                ui.tab(show.value, f"{label} ({shown.counts[show]})").mark(f"show-{show.value}")
        services = {0: "All services", **dict(shown.services)}
        ui.select(
            services,
            value=shown.filters.service_id or 0,
            label="Service",
            on_change=lambda e: refilter(service_id=e.value or None),
        ).props("outlined").classes("min-w-[220px]").mark("service-filter")
        search = ui.input("Client or worker name", value=shown.filters.search).props(
            "outlined clearable type=search"
        )
        search.classes("min-w-[220px]").mark("search")
        search.on("keydown.enter", lambda: refilter(search=search.value or ""))
        ui.button("Search", icon="search", on_click=lambda: refilter(search=search.value or "")).props(
            "outline no-caps"
        ).mark("search-button")


def _table(shown: Day, allocate: Callable[[DayShift], Awaitable[None]]) -> None:
    if not shown.shifts:
        Text("No shifts match on this day.", tag="p").classes("notice").mark("no-shifts")
        return
    names = [f"c{index}" for index in range(len(COLUMNS))]
    rows = [_row(shift, names) for shift in shown.shifts]
    # A table on a wide screen, cards on a tablet: Allocate is always on screen.
    table = card_table.create(
        f"Shifts on {long_date(shown.day)}", COLUMNS, rows, actions=ACTION, classes="day-table"
    )
    by_id = {shift.shift_id: shift for shift in shown.shifts}
    table.on("allocate", lambda e: allocate(by_id[e.args]) if e.args in by_id else None)
    table.mark("day-table")


def _row(shift: DayShift, names: list[str]) -> dict:
    status = STATUS_LABELS[shift.status]
    if shift.offer_expires is not None:
        status += f", answer due by {clock_time(shift.offer_expires)}"
    cells = (
        f"{clock_time(shift.starts)} – {clock_time(shift.ends)}",
        f"{shift.client} ({shift.suburb})",
        shift.service,
        _worker(shift),
        status,
        shift.booking_number or "—",
    )
    return {
        "id": shift.shift_id,
        "can_allocate": shift.status == ShiftStatus.UNALLOCATED,
        **dict(zip(names, cells, strict=True)),
    }


def _worker(shift: DayShift) -> str:
    """The worker with their suburb and staff number: two of the same name are told apart."""
    if shift.worker is None:
        return "Nobody yet"
    if shift.worker_staff_number is None:
        return shift.worker
    return f"{shift.worker} ({shift.worker_suburb}, {shift.worker_staff_number})"


def rolled_over(shown: date, known_today: date, today: date) -> date | None:
    """The day a wall screen moves to on its minute: the new day when it showed today and midnight
    has passed since; otherwise None (it stays on the day it shows)."""
    return today if shown == known_today != today else None
