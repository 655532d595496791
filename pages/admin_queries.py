"""Case managers answer clients' queries on completed visits: reply, and resolve so the client
can approve. Their own clients' queries come first."""

from collections.abc import Awaitable, Callable

from nicegui import ui

from components import background, guard
from components.formatting import clock_time, long_date
from components.forms import submit
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access
from domain.accounts.access import Actor
from domain.signoff import approval
from domain.signoff.approval import OpenQuery


@guard.page(admits=access.SCREENS["/admin/queries"])
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    found = await background.call(approval.open_queries, actor)
    with frame("Queries", viewer, nav=staff_sections(actor), current="/admin/queries"):

        async def reload() -> None:
            listing.refresh(await background.call(approval.open_queries, actor))

        @ui.refreshable
        def listing(queries: list[OpenQuery]) -> None:
            if not queries:
                paragraph("There are no open queries.")
            for query in queries:
                _query(actor, query, reload)

        listing(found)


def _query(actor: Actor, query: OpenQuery, reload: Callable[[], Awaitable[None]]) -> None:
    anchor = f"query-{query.query_id}"
    with ui.element("article").classes("card q-mb-md section").props(f'aria-labelledby="{anchor}"'):
        heading(f"{query.client}: {query.service}, {long_date(query.starts.date())}", 3).props(
            f'id="{anchor}"'
        )
        paragraph(
            f"{clock_time(query.starts)} with {query.worker}" + (" · your client" if query.mine else "")
        )
        Text(f"“{query.message}”", tag="blockquote").classes("notice q-ma-none")
        if query.reply:
            paragraph(f"Your earlier reply: {query.reply}").classes("text-muted")
        answer = ui.textarea("Reply to the client").props("outlined maxlength=2000").classes("w-full")
        answer.mark(f"reply-{query.query_id}")

        async def send(resolve: bool) -> None:
            done = await submit(
                lambda: approval.reply(actor, query.query_id, answer.value or "", resolve=resolve),
                {"reply": answer},
                done="Resolved: the client can now approve the visit." if resolve else "Reply sent.",
            )
            if done is not None:
                await reload()

        with ui.row().classes("gap-2"):
            ui.button("Reply", icon="reply", on_click=lambda: send(False)).props("outline").mark(
                f"send-reply-{query.query_id}"
            )
            ui.button("Reply and resolve", icon="task_alt", on_click=lambda: send(True)).props(
                "unelevated color=positive"
            ).mark(f"resolve-{query.query_id}")
