"""The office's home: today's shifts at a glance, and records that need checking."""

from nicegui import ui

from components import background, guard
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access
from domain.agency import office
from domain.pricing import over_hours
from domain.vocabulary import ShiftStatus

TILES = (
    ("Clients", "groups"),
    ("Support workers", "badge"),
    ("Allocated today", "event_available"),
    ("Unallocated today", "event_busy"),
)


@guard.page(admits=access.SCREENS["/admin"])
async def create(viewer: SignedInViewer) -> None:
    figures = await background.call(office.overview, viewer.actor)
    beyond = await background.call(over_hours.waiting, viewer.actor)
    with frame("Office", viewer, nav=staff_sections(viewer.actor), current="/admin"):
        values = (
            figures.active_clients,
            figures.active_workers,
            figures.today_by_status.get(ShiftStatus.ALLOCATED, 0),
            figures.today_by_status.get(ShiftStatus.UNALLOCATED, 0),
        )
        with ui.element("div").classes("form-grid q-mb-lg"):
            for (label, icon), value in zip(TILES, values, strict=True):
                with ui.element("div").classes("card"), ui.row().classes("items-center gap-3 no-wrap"):
                    ui.icon(icon, size="40px").classes("text-primary").props('aria-hidden="true"')
                    with ui.column().classes("gap-0"):
                        Text(str(value), tag="p").classes("text-h4 q-ma-none")
                        Text(label, tag="p").classes("q-ma-none")
        with ui.element("section").classes("card q-mb-lg").props('aria-labelledby="beyond-heading"'):
            heading("Past the approved hours").props('id="beyond-heading"')
            waiting = len(beyond)
            ui.link(
                f"{waiting} booking{'' if waiting == 1 else 's'} waiting for a decision"
                if waiting
                else "No booking is waiting for a decision",
                "/admin/over-hours",
            ).mark("over-hours-link")
        with ui.element("section").classes("card").props('aria-labelledby="check-heading"'):
            heading("Addresses to check").props('id="check-heading"')
            if not figures.addresses_to_check:
                paragraph("Every client's home is on the map.")
            with ui.element("ul"):
                for item in figures.addresses_to_check:
                    Text(f"{item.client}: {item.address}", tag="li")
