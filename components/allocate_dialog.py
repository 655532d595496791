"""The Day Manager's "Allocate": the ranked workers for one unallocated shift, each with an Allocate
button, and every worker left out with every reason, so the roster officer sees why."""

from collections.abc import Awaitable, Callable, Sequence

from nicegui import ui

from domain import matching
from domain.accounts.access import Actor
from domain.booking import allocation
from domain.roster.day import DayShift

from .formatting import clock_time, long_date
from .forms import submit
from .provider_card import stars
from .text import Text, heading, paragraph

SHOWN_LEFT_OUT = 50
SHOWN_PROVIDERS = 20  # the best suited; a large agency may list thousands


async def open_for(actor: Actor, shift: DayShift, changed: Callable[[], Awaitable[None]]) -> None:
    found = await submit(lambda: allocation.candidates(actor, shift.shift_id))
    if found is None:
        return
    with ui.dialog() as dialog, ui.card().classes("dialog-card dialog-wide gap-3").mark("allocate-dialog"):
        heading(f"Allocate {shift.service} for {shift.client}", 2)
        paragraph(f"{long_date(shift.starts.date())}, {clock_time(shift.starts)} to {clock_time(shift.ends)}")

        async def give(provider: matching.Provider) -> None:
            # A refusal (the time just taken) is shown; either way the day is shown as it is now.
            await submit(
                lambda: allocation.allocate(actor, shift.shift_id, provider.worker_id),
                done=f"Allocated to {provider.name}; the client and the worker are told.",
            )
            dialog.close()
            await changed()

        _providers(found, give)
        left_out(found.left_out, open_first=not found.providers)
        ui.button("Close", on_click=dialog.close).props("outline no-caps").mark("close-allocate")
    dialog.open()


def _providers(found: matching.Match, give: Callable[[matching.Provider], Awaitable[None]]) -> None:
    heading(f"{len(found.providers)} can do it, best suited first", 3)
    if not found.providers:
        paragraph("No worker can do this shift: see the reasons below.")
    with ui.element("ol").classes("candidate-list"):
        for provider in found.providers[:SHOWN_PROVIDERS]:
            with ui.element("li").classes("candidate"):
                with ui.element("div"):
                    Text(provider.name + (" (preferred)" if provider.preferred else ""), tag="strong")
                    with ui.row().classes("items-center gap-2"):
                        stars(provider.rating)
                        Text(_facts(provider), tag="span")
                ui.button(f"Allocate {provider.name}", on_click=lambda p=provider: give(p)).props(
                    "unelevated color=primary no-caps"
                ).mark(f"allocate-{provider.worker_id}")
    if len(found.providers) > SHOWN_PROVIDERS:
        paragraph(f"and {len(found.providers) - SHOWN_PROVIDERS} more who are less suited.").classes(
            "text-muted"
        )


def _facts(provider: matching.Provider) -> str:
    facts = [f"{provider.distance_km:.1f} km"]
    if provider.desirables_total:
        facts.append(f"{provider.desirables_met} of {provider.desirables_total} wishes")
    return " · ".join(facts)


def left_out(workers: Sequence[matching.LeftOut], *, open_first: bool = False) -> None:
    """Staff only: every worker who cannot do it, and every reason, the first few of them."""
    count = len(workers)
    with ui.expansion(f"Left out ({count}) and why", value=open_first).classes("w-full").mark("left-out"):
        with ui.element("ul").classes("left-out-list"):
            for worker in workers[:SHOWN_LEFT_OUT]:
                Text(f"{worker.name}: {'; '.join(worker.reasons)}", tag="li")
        if count > SHOWN_LEFT_OUT:
            paragraph(f"and {count - SHOWN_LEFT_OUT} more.").classes("text-muted")
