"""The Day Manager's "Allocate": the ranked workers for one unallocated shift, each with an Allocate
button (and, for a repeating booking, one that allocates every waiting visit of the series), and
every worker left out with every reason, so the roster officer sees why. Each worker is shown with
their suburb and staff number: two of the same name are told apart."""

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass

from nicegui import ui

from domain import matching
from domain.accounts.access import Actor
from domain.booking import allocation
from domain.roster import day as day_manager
from domain.roster.day import DayShift, WorkerIdentity
from domain.vocabulary import count

from .formatting import clock_time, long_date
from .forms import submit
from .provider_card import stars
from .text import Text, heading, paragraph

SHOWN_LEFT_OUT = 50
SHOWN_PROVIDERS = 20  # the best suited; a large agency may list thousands


@dataclass(frozen=True)
class Loaded:
    found: matching.Match
    waiting: int  # visits of the series from this one on that wait for a worker (1: a one-off)
    who: Mapping[int, WorkerIdentity]


def load(actor: Actor, shift_id: int) -> Loaded:
    """Everything the dialog shows, off the event loop."""
    found = allocation.candidates(actor, shift_id)
    waiting = allocation.series_waiting(actor, shift_id)
    shown = [p.worker_id for p in found.providers[:SHOWN_PROVIDERS]]
    shown += [w.worker_id for w in found.left_out[:SHOWN_LEFT_OUT]]
    return Loaded(found, waiting, day_manager.identities(actor, shown))


async def open_for(actor: Actor, shift: DayShift, changed: Callable[[], Awaitable[None]]) -> None:
    loaded = await submit(lambda: load(actor, shift.shift_id))
    if loaded is None:
        return
    with ui.dialog() as dialog, ui.card().classes("dialog-card dialog-wide gap-3").mark("allocate-dialog"):
        heading(f"Allocate {shift.service} for {shift.client}", 2)
        paragraph(f"{long_date(shift.starts.date())}, {clock_time(shift.starts)} to {clock_time(shift.ends)}")
        if loaded.waiting > 1:
            paragraph(
                f"This visit is one of {loaded.waiting} in a repeating booking still waiting for a worker."
            )
        body = ui.element("div").classes("w-full")

        async def give(provider: matching.Provider) -> None:
            # A refusal (the time just taken) is shown; either way the day is shown as it is now.
            await submit(
                lambda: allocation.allocate(actor, shift.shift_id, provider.worker_id),
                done=f"Allocated to {provider.name}; the client and the worker are told.",
            )
            dialog.close()
            await changed()

        async def give_series(provider: matching.Provider) -> None:
            done = await submit(lambda: allocation.allocate_series(actor, shift.shift_id, provider.worker_id))
            await changed()
            if done is None:
                dialog.close()
                return
            body.clear()
            with body:
                _series_result(provider.name, done)

        with body:
            _providers(loaded, give, give_series)
            left_out(loaded.found.left_out, loaded.who, open_first=not loaded.found.providers)
        ui.button("Close", on_click=dialog.close).props("outline no-caps").mark("close-allocate")
    dialog.open()


def _name(worker_id: int, name: str, who: Mapping[int, WorkerIdentity]) -> str:
    identity = who.get(worker_id)
    return f"{name} ({identity})" if identity else name


def _providers(
    loaded: Loaded,
    give: Callable[[matching.Provider], Awaitable[None]],
    give_series: Callable[[matching.Provider], Awaitable[None]],
) -> None:
    found = loaded.found
    heading(f"{len(found.providers)} can do it, best suited first", 3)
    if not found.providers:
        paragraph("No worker can do this shift: see the reasons below.")
    with ui.element("ol").classes("candidate-list"):
        for provider in found.providers[:SHOWN_PROVIDERS]:
            named = _name(provider.worker_id, provider.name, loaded.who)
            with ui.element("li").classes("candidate"):
                with ui.element("div"):
                    Text(named + (" (preferred)" if provider.preferred else ""), tag="strong")
                    with ui.row().classes("items-center gap-2"):
                        stars(provider.rating)
                        Text(_facts(provider), tag="span")
                with ui.row().classes("gap-2"):
                    ui.button("Allocate this visit", on_click=lambda p=provider: give(p)).props(
                        f'unelevated color=primary no-caps aria-label="Allocate this visit to {named}"'
                    ).mark(f"allocate-{provider.worker_id}")
                    if loaded.waiting > 1:
                        ui.button(
                            f"Allocate all {loaded.waiting} visits",
                            on_click=lambda p=provider: give_series(p),
                        ).props(
                            f'outline no-caps aria-label="Allocate all {loaded.waiting} visits to {named}"'
                        ).mark(f"allocate-series-{provider.worker_id}")
    if len(found.providers) > SHOWN_PROVIDERS:
        paragraph(f"and {len(found.providers) - SHOWN_PROVIDERS} more who are less suited.").classes(
            "text-muted"
        )


def _series_result(name: str, done: allocation.SeriesAllocated) -> None:
    Text(
        f"{count(len(done.allocated), 'visit')} allocated to {name}; the client and the worker are told.",
        tag="p",
    ).classes("notice").props('role="status"').mark("series-allocated")
    if not done.left:
        return
    heading(f"{len(done.left)} left unallocated: {name} cannot do them", 3)
    with ui.element("ul").classes("left-out-list").mark("series-left"):
        for starts, why in done.left:
            Text(f"{long_date(starts.date())}, {clock_time(starts)}: {why}", tag="li")


def _facts(provider: matching.Provider) -> str:
    facts = [f"{provider.distance_km:.1f} km"]
    if provider.desirables_total:
        facts.append(f"{provider.desirables_met} of {provider.desirables_total} wishes")
    return " · ".join(facts)


def left_out(
    workers: Sequence[matching.LeftOut],
    who: Mapping[int, WorkerIdentity] | None = None,
    *,
    open_first: bool = False,
) -> None:
    """Staff only: every worker who cannot do it, and every reason, the first few of them."""
    count = len(workers)
    with ui.expansion(f"Left out ({count}) and why", value=open_first).classes("w-full").mark("left-out"):
        with ui.element("ul").classes("left-out-list"):
            for worker in workers[:SHOWN_LEFT_OUT]:
                Text(
                    f"{_name(worker.worker_id, worker.name, who or {})}: {'; '.join(worker.reasons)}",
                    tag="li",
                )
        if count > SHOWN_LEFT_OUT:
            paragraph(f"and {count - SHOWN_LEFT_OUT} more.").classes("text-muted")
