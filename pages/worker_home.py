"""The worker app's home, on a phone: offers waiting for an answer (accept, or reject with an
optional reason), then the coming shifts with the client's address and notes, and "Mark completed"
once a shift has started. It follows new offers and changes live."""

from zoneinfo import ZoneInfo

from nicegui import run, ui

from components import background, feed_panel, guard, live, worker_cards
from components.formatting import long_date
from components.forms import succeeded
from components.nav import worker_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access
from domain.accounts.access import Actor
from domain.booking import answers, worker_shifts
from domain.events import AppMessageArrived, ShiftChanged
from domain.feeds import addresses

POLL_SECONDS = 30


def _load(
    actor: Actor,
) -> tuple[tuple[worker_shifts.OfferView, ...], tuple[worker_shifts.WorkerShiftView, ...]]:
    return worker_shifts.pending_offers(actor), worker_shifts.upcoming(actor)


@guard.page(admits=access.SCREENS["/worker"])
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    first = await background.call(_load, actor)
    calendar = await background.call(addresses.state, actor)
    ui.add_head_html('<link rel="stylesheet" href="/static/booking.css">')
    with frame("My shifts", viewer, nav=worker_sections(), current="/worker"):
        announcer = Text("", tag="p").props('aria-live="polite"').classes("text-muted")
        dialogs = ui.element("div")

        shown = {"data": first}  # this page's own state: never shared between tabs

        async def reload() -> None:
            fresh = await run.io_bound(_load, actor)
            if fresh is not None and fresh != shown["data"]:  # None: the app is shutting down
                shown["data"] = fresh
                content.refresh(*fresh)

        async def accept(offer_id: int) -> None:
            if await succeeded(
                lambda: answers.accept(actor, offer_id), done="Accepted: the shifts are yours."
            ):
                await reload()

        async def reject(offer_id: int, note: str) -> bool:
            done = await succeeded(
                lambda: answers.reject(actor, offer_id, note), done="Rejected: the roster team is told."
            )
            await reload()
            return done

        def ask_reason(offer_id: int) -> None:
            with dialogs:
                worker_cards.reject_dialog(offer_id, reject)

        async def complete(shift_id: int) -> None:
            if await succeeded(
                lambda: worker_shifts.mark_completed(actor, shift_id), done="Marked completed."
            ):
                await reload()

        @ui.refreshable
        def content(offers: tuple, shifts: tuple) -> None:
            _offers(offers, accept, ask_reason, viewer.zone)
            _shifts(shifts, complete, viewer.zone)

        async def on_change(_event: object) -> None:
            await reload()
            announcer.text = "Your offers and shifts were updated."

        content(*first)
        with ui.element("div").classes("q-mt-lg"):
            feed_panel.create(actor, calendar, viewer.zone, client_id=None, whose="your shifts")
        live.on(ShiftChanged, on_change, when=lambda e: actor.worker_id in e.worker_ids)
        live.on(AppMessageArrived, on_change, when=lambda e: e.account_id == actor.account_id)
        ui.timer(POLL_SECONDS, reload)  # the dispatcher or another app process may change them


def _offers(offers: tuple, accept: worker_cards.Act, reject: worker_cards.Act, zone: ZoneInfo) -> None:
    with ui.element("section").props('aria-labelledby="offers-heading"').mark("offers"):
        heading(f"Offers waiting for you ({len(offers)})", 2).props('id="offers-heading"')
        if not offers:
            paragraph("No offers are waiting for an answer.")
        for found in offers:
            worker_cards.offer(found, accept, reject, zone)


def _shifts(shifts: tuple, complete: worker_cards.Act, zone: ZoneInfo) -> None:
    with ui.element("section").props('aria-labelledby="shifts-heading"').classes("q-mt-lg").mark("shifts"):
        heading("Coming shifts", 2).props('id="shifts-heading"')
        if not shifts:
            paragraph("You have no shifts in the next two weeks.")
        day = None
        for found in shifts:
            local_day = found.starts_at.astimezone(zone).date()
            if local_day != day:
                day = local_day
                Text(long_date(day), tag="h3").classes("heading-3 q-mt-md")
            worker_cards.shift(found, complete, zone)
