"""The office's home: today's shifts at a glance, and records that need checking."""

from fastapi.responses import RedirectResponse
from nicegui import run, ui

from components import session
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame, not_allowed
from domain.agency import office
from domain.errors import DomainError
from domain.vocabulary import ShiftStatus

TILES = (
    ("Clients", "groups"),
    ("Support workers", "badge"),
    ("Allocated today", "event_available"),
    ("Unallocated today", "event_busy"),
)


async def create() -> RedirectResponse | None:
    actor = await session.current_actor()
    if actor is None:
        return RedirectResponse("/login")
    try:
        figures = await run.io_bound(office.overview, actor)
    except DomainError as error:
        not_allowed(actor, error.message)
        return None
    with frame("Office", actor, nav=staff_sections(actor), current="/admin"):
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
        with ui.element("section").classes("card").props('aria-labelledby="check-heading"'):
            heading("Addresses to check").props('id="check-heading"')
            if not figures.addresses_to_check:
                paragraph("Every client's home is on the map.")
            with ui.element("ul"):
                for item in figures.addresses_to_check:
                    Text(f"{item.client}: {item.address}", tag="li")
    return None
