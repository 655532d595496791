"""Bookings past the approved hours, for case managers, roster officers and administrators: each
with what goes beyond and what it costs, "Allow" (its waiting visits become unallocated work), and
"Decline" with the reason the client is e-mailed (its waiting visits are cancelled, no fee). Both
are recorded on the booking and audited (domain.pricing.over_hours)."""

from collections.abc import Callable

from nicegui import ui

from components import background, guard
from components.formatting import long_date
from components.forms import submit, text_input
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access
from domain.accounts.access import Actor
from domain.pricing import over_hours
from domain.pricing.over_hours import Waiting

PATH = "/admin/over-hours"


@guard.page(admits=access.SCREENS[PATH])
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    state = {"lines": await background.call(over_hours.waiting, actor)}
    with (
        frame("Past the approved hours", viewer, nav=staff_sections(actor), current="/admin"),
        ui.element("section").classes("card section").props('aria-labelledby="waiting-heading"'),
    ):
        heading("Waiting for a decision").props('id="waiting-heading"')
        paragraph(
            "These bookings go past the hours (or visits) approved for their period; the client was "
            "told how many were left and what the rest costs. The visits beyond are held back: nobody "
            "is offered them until you allow the booking. Decline one, with the reason the client is "
            "e-mailed, to cancel those visits without any cancellation charge."
        )

        @ui.refreshable
        def shown() -> None:
            if not state["lines"]:
                paragraph("No booking is waiting for a decision.").mark("none-waiting")
            with ui.element("ul").classes("plain-list").props('aria-label="Bookings waiting"'):
                for line in state["lines"]:
                    _line(actor, line, state, shown.refresh)

        shown()


def _line(actor: Actor, line: Waiting, state: dict, redraw: Callable[[], object]) -> None:
    with ui.element("li").classes("row items-center gap-2 q-py-sm"):
        Text(
            f"{line.client} · {line.service} · booking {line.number} from {long_date(line.first_date)}: "
            f"{line.beyond}",
            tag="span",
        )

        async def decided(left: list[Waiting] | None) -> None:
            if left is not None:
                state["lines"] = left
                redraw()

        async def allow() -> None:
            await decided(
                await submit(
                    lambda: over_hours.allow(actor, line.booking_id), done=f"Booking {line.number} allowed."
                )
            )

        button = ui.button("Allow", icon="check", on_click=allow).props("unelevated color=primary no-caps")
        button.props.update({"aria-label": f"Allow booking {line.number} for {line.client}"})
        button.mark(f"allow-{line.booking_id}")
        reason = text_input(f"Why not, for {line.client}", mark=f"reason-{line.booking_id}")

        async def decline() -> None:
            await decided(
                await submit(
                    lambda: over_hours.decline(actor, line.booking_id, str(reason.value or "")),
                    {"reason": reason},
                    done=f"Booking {line.number} declined: its visits beyond are cancelled.",
                )
            )

        refuse = ui.button("Decline", icon="block", on_click=decline).props("outline no-caps")
        refuse.props.update({"aria-label": f"Decline booking {line.number} for {line.client}"})
        refuse.mark(f"decline-{line.booking_id}")
