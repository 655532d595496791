"""The parts of the booking page's steps: where you are, what you chose, who chooses the worker,
the list of workers (or why there is none) and the confirmation."""

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol

from nicegui import background_tasks, ui

from domain import matching
from domain.accounts.access import Actor
from domain.booking import requests
from domain.booking.catalogue import CatalogueItem
from domain.language import _, ngettext
from domain.pricing import words
from domain.vocabulary import BookingStatus
from domain.workers import reviews

from . import allocate_dialog, block_dialog, catalogue_grid, provider_card, review_list, when_picker
from .formatting import long_date
from .forms import submit
from .text import Text, heading, paragraph

# The first cards are drawn with the step; the rest follow a couple per turn of the event loop.
FIRST_CARDS = 3
CARDS_PER_TURN = 2


class Chosen(Protocol):
    """What the booking page has chosen so far (pages.book.Choices)."""

    item: CatalogueItem | None
    when: when_picker.When
    visits: tuple[requests.Occurrence, ...]
    agency_chooses: bool
    found: matching.SeriesMatch | None
    shown_providers: int
    booked: requests.Booked | None
    worker: str
    prices: dict[int, str]
    beyond: str


def progress(steps: Sequence[str], current: int) -> None:
    """`steps`: the steps' names as marked (N_), translated here."""
    label = _("Booking steps")
    with ui.element("ol").classes("step-list").props(f'aria-label="{label}"'):
        for index, name in enumerate(steps):
            item = Text(f"{index + 1}. {_(name)}", tag="li")
            if index == current:
                item.props('aria-current="step"').classes("step-current")
            elif index < current:
                item.classes("step-done")


def step_heading(text: str) -> Text:
    """The heading of a step: focus moves to it when the step opens (so a screen reader reads it
    out), which is why a mouse or keyboard can focus it only by script (tabindex -1)."""
    return heading(text, 2).classes("step-heading").props('tabindex="-1"')


def focus_step(drawn: ui.element) -> None:
    """Move focus to the step heading drawn inside `drawn`, once Vue has put it on the page."""
    found = [e for e in drawn.descendants() if "step-heading" in e.classes]
    if not found:
        return
    ui.run_javascript(
        "(() => { let tries = 0; const go = () => {"
        f" const h = document.getElementById('c{found[0].id}');"
        " if (h) { h.focus(); } else if (tries++ < 100) { setTimeout(go, 50); } }; go(); })()"
    )


def nav_buttons(label: str, forward: Callable[[], Any], back: Callable[[], Any], *, mark: str) -> None:
    with ui.row().classes("gap-3 q-mt-md"):
        ui.button(_("Back"), icon="arrow_back", on_click=back).props("outline no-caps").mark("back")
        ui.button(label, icon="arrow_forward", on_click=forward).props(
            "unelevated color=primary no-caps"
        ).mark(mark)


def chosen_service(item: CatalogueItem) -> None:
    step_heading(_("When would you like {service}?").format(service=item.name))
    said = _("{price}. {allowance}").format(
        price=catalogue_grid.price(item), allowance=catalogue_grid.allowance(item)
    )
    paragraph(said).classes("text-muted")


def summary(state: Chosen) -> None:
    assert state.item is not None
    with ui.element("div").classes("card q-mb-md").mark("booking-summary"):
        heading(state.item.name, 3)
        paragraph(when_picker.summary(state.when))
        if state.visits:
            rates = [visit.rate_cents for visit in state.visits]
            paragraph(_("Price: {price}").format(price=words.visits(rates, state.item.unit))).mark(
                "summary-price"
            )
        if state.beyond:
            Text(state.beyond, tag="p").classes("notice").props('role="status"').mark("beyond")
        if len(state.visits) > 1:
            paragraph(
                ngettext(
                    "That is {n} visit for now, the last on {date}; more are added as time goes on.",
                    "That is {n} visits for now, the last on {date}; more are added as time goes on.",
                    len(state.visits),
                ).format(n=len(state.visits), date=long_date(state.visits[-1].local_date))
            )
        for visit in state.visits:
            if visit.time_note:
                paragraph(f"{long_date(visit.local_date)}: {visit.time_note}").classes("notice")


def who(state: Chosen, choose: Callable[[bool], None], back: Callable[[], None]) -> None:
    summary(state)
    step_heading(_("Who should do it?"))
    with ui.element("div").classes("choice-grid"):
        ui.button(_("Choose my worker"), icon="person_search", on_click=lambda: choose(False)).props(
            "unelevated color=primary no-caps"
        ).classes("choice").mark("choose-my-worker")
        ui.button(_("Let the agency choose"), icon="groups", on_click=lambda: choose(True)).props(
            "outline color=primary no-caps"
        ).classes("choice").mark("agency-chooses")
    ui.button(_("Back"), icon="arrow_back", on_click=back).props("outline no-caps").classes("q-mt-md").mark(
        "back"
    )


def preferences_intro(state: Chosen) -> None:
    summary(state)
    step_heading(_("What matters to you in a worker?"))
    paragraph(
        _(
            "A must have leaves out every worker without it. A nice to have puts the workers with it first. "
            "Change them for this booking, or save them for every booking."
        )
    )


def providers(
    state: Chosen,
    actor: Actor,
    nominate: Callable[[matching.Provider], Awaitable[None]],
    agency_instead: Callable[[], Awaitable[None]],
    back: Callable[[], None],
    more: Callable[[], None],
    block: Callable[[matching.Provider], Awaitable[None]] | None = None,
) -> None:
    """The best-suited workers first, a few at a time (a large agency may list thousands)."""
    summary(state)
    found = state.found.providers if state.found else ()
    if not found:
        _none_found(agency_instead)
    else:
        step_heading(
            ngettext("{n} worker can do it", "{n} workers can do it", len(found)).format(n=len(found))
        ).props(f'data-workers="{len(found)}"')  # for scripts and tests, in any language
        paragraph(
            _("Best suited first. Choose one and we will ask them; you get an e-mail when they accept.")
        )
    dialogs = ui.element("div")

    def card(listed: matching.SeriesProvider) -> None:
        provider_card.create(
            listed,
            len(state.visits),
            state.prices.get(listed.provider.worker_id, ""),
            lambda p: _confirm(p, nominate, dialogs),
            lambda p: _reviews(actor, p, dialogs),
            (lambda p: block_dialog.open_block(p.name, lambda: block(p), dialogs)) if block else None,
        )

    shown = found[: state.shown_providers]
    with ui.element("div").classes("w-full").mark("workers-found") as cards:
        for listed in shown[:FIRST_CARDS]:
            card(listed)
    if len(shown) > FIRST_CARDS:
        background_tasks.create(_draw_rest(cards, shown[FIRST_CARDS:], card), name="provider cards")
    if state.found and state.found.left_out:  # staff booking for a client see why
        allocate_dialog.left_out(state.found.left_out, open_first=not found)
    if len(found) > state.shown_providers:
        left = len(found) - state.shown_providers
        ui.button(_("Show more workers ({n} more)").format(n=left), icon="expand_more", on_click=more).props(
            "outline no-caps"
        ).classes("w-full").mark("more-providers")
    with ui.row().classes("gap-3 q-mt-md"):
        ui.button(_("Back"), icon="arrow_back", on_click=back).props("outline no-caps").mark("back")
        if found:
            ui.button(_("Let the agency choose instead"), icon="groups", on_click=agency_instead).props(
                "outline no-caps"
            ).mark("agency-instead")


async def _draw_rest(
    cards: ui.element,
    rest: Sequence[matching.SeriesProvider],
    card: Callable[[matching.SeriesProvider], None],
) -> None:
    """The cards after the first few, a couple per turn of the event loop: ten cards at once held
    the loop for about 70 ms, and every other tablet on the process waited that long."""
    for start in range(0, len(rest), CARDS_PER_TURN):
        await asyncio.sleep(0)
        if cards.is_deleted:  # the person moved on before the list was complete
            return
        with cards:
            for listed in rest[start : start + CARDS_PER_TURN]:
                card(listed)


def _none_found(agency_instead: Callable[[], Awaitable[None]]) -> None:
    with ui.element("div").classes("notice").props('role="status"').mark("no-providers"):
        step_heading(_("No worker is free for all of this")).props('data-workers="0"')
        paragraph(
            _(
                "No worker who has everything you must have is free at that time, close enough to you. "
                "You could try another day or time, make some must haves nice to haves, "
                "or let the agency choose: the roster team will find someone and e-mail you."
            )
        )
        ui.button(_("Let the agency choose"), icon="groups", on_click=agency_instead).props(
            "unelevated color=primary no-caps"
        ).mark("agency-instead")


def _confirm(
    provider: matching.Provider, nominate: Callable[[matching.Provider], Awaitable[None]], where: ui.element
) -> None:
    with where, ui.dialog() as dialog, ui.card().classes("dialog-card gap-3"):
        heading(_("Ask {name}?").format(name=provider.name), 2)
        paragraph(
            _("We will send {name} your request and hold the time for them until they answer.").format(
                name=provider.name
            )
        )

        async def yes() -> None:
            dialog.close()
            await nominate(provider)

        with ui.row().classes("gap-2"):
            ui.button(_("Yes, ask {name}").format(name=provider.name), on_click=yes).props(
                "unelevated color=primary no-caps"
            ).mark("confirm-choice")
            ui.button(_("No, go back"), on_click=dialog.close).props("outline no-caps")
    dialog.open()


async def _reviews(actor: Actor, provider: matching.Provider, where: ui.element) -> None:
    found = await submit(lambda: reviews.reviews(actor, provider.worker_id))
    if found is None:
        return
    with where, ui.dialog() as dialog, ui.card().classes("dialog-card gap-3"):
        review_list.create(found, level=2)
        with ui.row().classes("gap-2"):
            if found.pages > 1:
                ui.link(_("All reviews"), f"/workers/{provider.worker_id}/reviews")
            ui.button(_("Close"), on_click=dialog.close).props("outline no-caps").mark("close-reviews")
    dialog.open()


def confirmation(state: Chosen, client_id: int, again: Callable[[], Any]) -> None:
    booked = state.booked
    assert booked is not None
    with ui.element("div").classes("notice notice-ok").props('role="status"').mark("booked"):
        step_heading(_("Your booking is sent"))
        paragraph(
            _("Booking number {number}: {when}.").format(
                number=booked.number, when=when_picker.summary(state.when)
            )
        )
        paragraph(_("Price: {price}").format(price=booked.price)).mark("booked-price")
        if booked.beyond:
            paragraph(booked.beyond).mark("booked-beyond")
        if booked.status == BookingStatus.OFFERED:
            paragraph(
                _("We have asked {name}. You will get an e-mail as soon as they accept.").format(
                    name=state.worker
                )
            )
        else:
            paragraph(_("The roster team will choose a worker for you and let you know."))
        for note in booked.time_notes:
            paragraph(note)
    with ui.row().classes("gap-3 q-mt-md"):
        ui.link(_("See my calendar"), f"/clients/{client_id}/calendar").classes("text-lg")
        ui.button(_("Book another service"), icon="add", on_click=again).props("outline no-caps").mark(
            "book-again"
        )
