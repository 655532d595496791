"""The outbox for staff: how many messages wait; every message being retried, with its last error
and its next attempt; every message that failed, with the error and a way to send it again once
the cause is fixed; and a way to cancel a message that should not go."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from nicegui import run, ui

from components import background, guard
from components.formatting import clock_time, short_date
from components.forms import submit
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access
from domain.messaging import outbox_review
from domain.messaging.outbox_review import OutboxSummary, TroubledMessage
from domain.vocabulary import Channel

PATH = "/admin/outbox"
Act = Callable[[int], Awaitable[None]]


@dataclass(frozen=True)
class Actions:
    send_again: Act
    cancel: Act


@guard.page(admits=access.SCREENS["/admin/outbox"])
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    first = await background.call(outbox_review.summary, actor)
    with frame("Outbox", viewer, nav=staff_sections(actor), current=PATH):
        shown = {"summary": first}

        @ui.refreshable
        def body() -> None:
            _render(shown["summary"], actions, viewer.zone)

        async def after(change: Callable[[], int], done: str) -> None:
            if await submit(change, done=done) is not None:
                shown["summary"] = await run.io_bound(outbox_review.summary, actor) or shown["summary"]
                body.refresh()

        actions = Actions(
            send_again=lambda message_id: after(
                lambda: outbox_review.send_again(actor, message_id), "The message is queued again."
            ),
            cancel=lambda message_id: after(
                lambda: outbox_review.cancel(actor, message_id),
                "The message is cancelled: it will not be sent.",
            ),
        )
        body()


def _render(summary: OutboxSummary, actions: Actions, zone: ZoneInfo) -> None:
    with ui.element("div").classes("form-grid q-mb-lg"):
        for label, value in (
            ("Waiting", summary.waiting),
            ("Retrying", summary.retrying),
            ("Sent", summary.sent),
            ("Failed", summary.failed),
            ("Cancelled", summary.cancelled),
        ):
            with ui.element("div").classes("card"):
                Text(str(value), tag="p").classes("text-h4 q-ma-none").mark(f"count-{label.lower()}")
                Text(label, tag="p").classes("q-ma-none")
    heading("Messages being retried")
    if not summary.retries:
        paragraph("No message is waiting to be tried again.")
    for retrying in summary.retries:
        _card(retrying, actions, zone, failed=False)
    heading("Messages that failed")
    if not summary.failures:
        paragraph("No message has failed.")
    for failed in summary.failures:
        _card(failed, actions, zone, failed=True)


def _card(message: TroubledMessage, actions: Actions, zone: ZoneInfo, *, failed: bool) -> None:
    facts = [
        ("To", message.to),
        ("Kind", "E-mail" if message.channel == Channel.EMAIL else "App message"),
        ("Queued", _when(message.created_at, zone)),
        ("Attempts", str(message.attempts)),
        ("Last error" if not failed else "Error", message.error),
    ]
    if message.next_attempt_at is not None:
        facts.append(("Next attempt", _when(message.next_attempt_at, zone)))
    marker = "failed" if failed else "retrying"
    with ui.element("article").classes("card q-mb-sm").mark(f"{marker}-{message.id}"):
        Text(message.subject, tag="h3").classes("heading-3")
        with ui.element("dl").classes("facts"):
            for label, value in facts:
                Text(label, tag="dt")
                Text(value, tag="dd")
        with ui.row().classes("gap-2 q-mt-sm"):
            if failed:
                ui.button("Send again", icon="replay", on_click=lambda: actions.send_again(message.id)).props(
                    "outline no-caps"
                ).mark(f"send-again-{message.id}")
            ui.button("Cancel this message", icon="block", on_click=lambda: actions.cancel(message.id)).props(
                "outline no-caps"
            ).mark(f"cancel-{message.id}")


def _when(moment: datetime, zone: ZoneInfo) -> str:
    local = moment.astimezone(zone)
    return f"{short_date(local.date())}, {clock_time(local)}"
