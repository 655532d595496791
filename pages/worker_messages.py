"""The worker app's messages: offers, reminders and changes, newest first. A new message appears
by itself while the page is open (pushed from the dispatcher through domain events)."""

from collections.abc import Awaitable, Callable
from zoneinfo import ZoneInfo

from nicegui import ui

from components import background, guard, live
from components.formatting import clock_time, long_date
from components.forms import submit
from components.nav import worker_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access
from domain.events import AppMessageArrived
from domain.messaging import inbox

PATH = "/worker/messages"
POLL_SECONDS = 30


@guard.page(admits=access.SCREENS[PATH])
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    first = await background.call(inbox.messages, actor)
    with frame("Messages", viewer, nav=worker_sections(), current=PATH):
        announcer = Text("", tag="p").props('aria-live="polite"').classes("text-muted")
        shown = {"messages": first}  # this page's own state: never shared between tabs

        @ui.refreshable
        def message_list() -> None:
            _render(shown["messages"], mark_read, viewer.zone)

        async def reload() -> list[inbox.InboxMessage]:
            before, latest = shown["messages"], await background.call(inbox.messages, actor)
            if latest is None:  # the app is shutting down
                return []
            shown["messages"] = latest
            if latest != before:
                message_list.refresh()
            return [message for message in shown["messages"] if message.id not in {m.id for m in before}]

        async def on_new(_event: object) -> None:
            fresh = await reload()
            if fresh:
                announcer.text = f"New message: {fresh[0].title}"

        async def mark_read(message_id: int) -> None:
            if await submit(lambda: inbox.mark_read(actor, message_id)) is not None:
                await reload()

        message_list()
        live.on(AppMessageArrived, on_new, when=lambda e: e.account_id == actor.account_id)
        # Events are announced within one process; with several app processes the dispatcher may
        # run in another, so the page also looks for new messages now and then.
        ui.timer(POLL_SECONDS, lambda: on_new({}))


def _render(
    messages: list[inbox.InboxMessage], mark_read: Callable[[int], Awaitable[None]], zone: ZoneInfo
) -> None:
    unread = sum(1 for message in messages if message.unread)
    paragraph(f"{unread} unread" if unread else "No unread messages.").mark("unread-count")
    if not messages:
        paragraph("You have no messages yet.")
    for message in messages:
        with ui.element("article").classes("card q-mb-sm").mark(f"message-{message.id}"):
            heading(message.title, 2).classes("" if message.unread else "text-muted")
            sent = message.created_at.astimezone(zone)
            paragraph(
                f"{long_date(sent.date())}, {clock_time(sent)}" + (" · unread" if message.unread else "")
            )
            for line in message.body.split("\n\n"):
                paragraph(line)
            if message.unread:
                ui.button("Mark as read", icon="done", on_click=lambda m=message: mark_read(m.id)).props(
                    "outline no-caps"
                ).mark(f"read-{message.id}")
