"""The "Calendar feed" section: a private address that puts someone's visits (or a worker's shifts)
in their phone's calendar — turn it on, copy it, make a new one, turn it off — in plain words.

Only a hash of the address is kept, so the address itself is shown once, right after it is made."""

from collections.abc import Callable
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from nicegui import ui

import config
from components import toast
from components.formatting import short_date
from components.forms import submit, succeeded
from components.text import Text, heading, paragraph
from domain.accounts.access import Actor
from domain.feeds import addresses
from domain.feeds.addresses import FeedState
from domain.language import _


def create(actor: Actor, state: FeedState, zone: ZoneInfo, *, client_id: int | None, whose: str) -> None:
    """`whose`: "your visits", "Thanh's visits", "your shifts" — what the calendar will show, in the
    reader's language (the words of the sentence "Add {whose} to your phone's … calendar")."""
    with ui.element("section").classes("card").props('aria-labelledby="feed-heading"').mark("calendar-feed"):
        heading(_("Calendar feed"), 2).props('id="feed-heading"')
        paragraph(
            _(
                "Add {whose} to your phone's or computer's calendar. Turn the feed on, then copy the "
                "address into your calendar app (on an iPhone: Settings, Calendar, Accounts, Add "
                "subscribed calendar; in Google Calendar: Other calendars, From URL). Your calendar "
                "then shows every change by itself within a few hours."
            ).format(whose=whose)
        )
        announcer = Text("", tag="p").props('aria-live="polite"')

        @ui.refreshable
        def body(current: FeedState, made: str | None) -> None:
            if made is not None:
                _address(made)
            if current.on:
                since = short_date(current.since.astimezone(zone).date()) if current.since else ""
                paragraph(
                    _("The calendar feed is on (this address was made on {date}).").format(date=since)
                ).mark("feed-state")
                paragraph(
                    _(
                        "Lost your phone, or gave the address to someone by mistake? Make a new address: "
                        "the old one stops working at once. Turning the feed off stops it altogether."
                    )
                ).classes("text-muted")
                with ui.row().classes("gap-3"):
                    ui.button(_("Make a new address"), icon="autorenew", on_click=make_new).props(
                        "outline no-caps"
                    ).mark("feed-new")
                    ui.button(_("Turn off the calendar feed"), icon="event_busy", on_click=turn_off).props(
                        "outline no-caps"
                    ).mark("feed-off")
            else:
                paragraph(_("The calendar feed is off: no address shows your visits.")).mark("feed-state")
                ui.button(_("Turn on the calendar feed"), icon="event_available", on_click=turn_on).props(
                    "no-caps"
                ).mark("feed-on")

        async def turn_on() -> None:
            await _made(lambda: addresses.turn_on(actor, client_id), _("The calendar feed is on."))

        async def make_new() -> None:
            await _made(
                lambda: addresses.make_new(actor, client_id),
                _("A new address was made. The old address no longer works."),
            )

        async def _made(make: Callable[[], str], done: str) -> None:
            def made() -> tuple[str, FeedState]:
                return make(), addresses.state(actor, client_id)

            found = await submit(made)
            if found is not None:
                token, current = found
                announcer.text = done
                toast.show(done)
                body.refresh(current, addresses.address(config.public_url(), token))

        async def turn_off() -> None:
            if await succeeded(lambda: addresses.turn_off(actor, client_id)):
                done = _("The calendar feed is off. Its address no longer works.")
                announcer.text = done
                toast.show(done)
                body.refresh(FeedState(False, None), None)

        body(state, None)


def _address(address: str) -> None:
    paragraph(
        _(
            "Here is your private address. Copy it into your calendar now: for your privacy we show it "
            "only this once. Keep it to yourself — anyone who has it can see these visits."
        )
    )
    ui.input(_("Your calendar address"), value=address).props("outlined readonly").classes("w-full").mark(
        "feed-address"
    )

    def copy() -> None:
        ui.clipboard.write(address)
        toast.show(_("The address was copied."))

    with ui.row().classes("gap-3"):
        ui.button(_("Copy the address"), icon="content_copy", on_click=copy).props("outline no-caps").mark(
            "feed-copy"
        )
        parts = urlsplit(address)
        ui.link(_("Open it in this device's calendar"), f"webcal://{parts.netloc}{parts.path}").classes(
            "q-py-sm"
        ).mark("feed-webcal")
