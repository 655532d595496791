"""The worker app's home: the support worker's coming shifts, on a phone."""

from fastapi.responses import RedirectResponse
from nicegui import run, ui

from components import session
from components.formatting import clock_time, long_date
from components.nav import worker_sections
from components.text import Text, heading, paragraph
from components.theme import frame, not_allowed
from domain import shifts
from domain.errors import DomainError


async def create() -> RedirectResponse | None:
    actor = await session.current_actor()
    if actor is None:
        return RedirectResponse("/login")
    try:
        coming = await run.io_bound(shifts.upcoming_for_worker, actor)
    except DomainError as error:
        not_allowed(actor, error.message)
        return None
    with frame("My shifts", actor, nav=worker_sections(), current="/worker"):
        if not coming:
            paragraph("You have no shifts in the next two weeks.")
        day = None
        for shift in coming:
            if shift.starts.date() != day:
                day = shift.starts.date()
                heading(long_date(day), 2).classes("q-mt-md")
            with ui.element("article").classes("card q-mb-sm"):
                Text(
                    f"{clock_time(shift.starts)} – {clock_time(shift.ends)} · {shift.service}", tag="h3"
                ).classes("heading-3")
                paragraph(f"{shift.client}, {shift.address}")
                if shift.notes:
                    paragraph(shift.notes).classes("text-muted")
    return None
