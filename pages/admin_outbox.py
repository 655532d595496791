"""The outbox for staff: how many messages wait, and every message that failed, with the error and
a way to send it again once the cause is fixed."""

from collections.abc import Awaitable, Callable
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

PATH = "/admin/outbox"
SendAgain = Callable[[int], Awaitable[None]]


@guard.page(admits=access.STAFF_ROLES)
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    first = await background.call(outbox_review.summary, actor)
    with frame("Outbox", viewer, nav=staff_sections(actor), current=PATH):
        shown = {"summary": first}

        @ui.refreshable
        def body() -> None:
            _render(shown["summary"], send_again, viewer.zone)

        async def send_again(message_id: int) -> None:
            done = "The message is queued again."
            if await submit(lambda: outbox_review.send_again(actor, message_id), done=done) is not None:
                shown["summary"] = await run.io_bound(outbox_review.summary, actor) or shown["summary"]
                body.refresh()

        body()


def _render(summary: outbox_review.OutboxSummary, send_again: SendAgain, zone: ZoneInfo) -> None:
    with ui.element("div").classes("form-grid q-mb-lg"):
        for label, value in (
            ("Waiting", summary.pending),
            ("Sent", summary.sent),
            ("Failed", summary.failed),
        ):
            with ui.element("div").classes("card"):
                Text(str(value), tag="p").classes("text-h4 q-ma-none").mark(f"count-{label.lower()}")
                Text(label, tag="p").classes("q-ma-none")
    heading("Messages that failed")
    if not summary.failures:
        paragraph("No message has failed.")
    for failed in summary.failures:
        _failed_card(failed, send_again, zone)


def _failed_card(failed: outbox_review.FailedMessage, send_again: SendAgain, zone: ZoneInfo) -> None:
    queued = failed.created_at.astimezone(zone)
    with ui.element("article").classes("card q-mb-sm").mark(f"failed-{failed.id}"):
        Text(failed.subject, tag="h3").classes("heading-3")
        with ui.element("dl").classes("facts"):
            for label, value in (
                ("To", failed.to),
                ("Kind", "E-mail" if failed.channel == "email" else "App message"),
                ("Queued", f"{short_date(queued.date())}, {clock_time(queued)}"),
                ("Attempts", str(failed.attempts)),
                ("Error", failed.error),
            ):
                Text(label, tag="dt")
                Text(value, tag="dd")
        ui.button("Send again", icon="replay", on_click=lambda: send_again(failed.id)).props(
            "outline no-caps"
        ).classes("q-mt-sm").mark(f"send-again-{failed.id}")
