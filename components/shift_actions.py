"""What a client can do with one shift, wherever it is shown: see its details, cancel it (the band
and exact fee shown, and confirmed, before anything is billed), approve it, or query it.

Every action runs the domain off the event loop; `changed` is awaited afterwards so the screen
shows the new state.
"""

import functools
from collections.abc import Awaitable, Callable

from nicegui import ui

from domain import money
from domain.accounts import access
from domain.accounts.access import Actor
from domain.cancellation import cancel, rules
from domain.cancellation.cancel import CancellationPlan, Scope
from domain.signoff import approval
from domain.visits import views
from domain.visits.lines import BAND_LABELS, ShiftLine
from domain.visits.views import QueryNote
from domain.vocabulary import ClientAction, ShiftStatus

from . import shift_status
from .formatting import clock_time, duration, long_date
from .forms import submit
from .text import Text, heading, paragraph

Changed = Callable[[], Awaitable[None]]


def buttons(actor: Actor, line: ShiftLine, changed: Changed, *, details: bool = True) -> None:
    """The actions this shift allows, as buttons (the Action column, the details dialog)."""
    may = functools.partial(access.may, actor, line.client_id)  # a carer's access for this client
    with ui.row().classes("gap-2 no-wrap"):
        if line.cancellable and may(ClientAction.CANCEL):
            ui.button("Cancel", icon="event_busy", on_click=lambda: open_cancel(actor, line, changed)).props(
                "outline color=negative"
            ).mark(f"cancel-{line.shift_id}")
        if line.awaiting_approval:
            if may(ClientAction.APPROVE):
                ui.button(
                    "Approve", icon="thumb_up", on_click=lambda: confirm_approve(actor, line, changed)
                ).props("unelevated color=positive").mark(f"approve-{line.shift_id}")
            if may(ClientAction.QUERY):
                ui.button("Query", icon="help", on_click=lambda: open_query(actor, line, changed)).props(
                    "outline"
                ).mark(f"query-{line.shift_id}")
        elif line.status == ShiftStatus.APPROVED and may(ClientAction.APPROVE):
            ui.button(
                "Undo approval", icon="undo", on_click=lambda: undo(actor, line.shift_id, changed)
            ).props("outline").mark(f"undo-{line.shift_id}")
        elif line.status == ShiftStatus.QUERIED:
            Text("Waiting for your case manager", tag="span").classes("text-muted")
        if details:
            ui.button(
                "Details", icon="info", on_click=lambda: open_details(actor, line.shift_id, changed)
            ).props("flat").mark(f"details-{line.shift_id}")


async def act(actor: Actor, line: ShiftLine, action: str, changed: Changed) -> None:
    """An action chosen in a table row."""
    if action == "cancel":
        await open_cancel(actor, line, changed)
    elif action == "approve":
        confirm_approve(actor, line, changed)
    elif action == "query":
        open_query(actor, line, changed)
    else:
        await open_details(actor, line.shift_id, changed)


def when(line: ShiftLine) -> str:
    return f"{long_date(line.starts.date())}, {clock_time(line.starts)} to {clock_time(line.ends)}"


async def open_details(actor: Actor, shift_id: int, changed: Changed) -> None:
    found = await submit(lambda: views.details(actor, shift_id))
    if found is None:
        return
    line = found.line
    with ui.dialog() as dialog, ui.card().classes("dialog-card gap-3"):
        heading(line.service)
        shift_status.badge(line.status)
        facts = [
            ("When", when(line)),
            ("Length", duration(line.minutes)),
            ("Worker", line.worker or "Not yet allocated"),
            ("Program", line.program),
            ("Booking", line.booking_number or "—"),
            ("Bill", f"{line.quantity} at {line.rate}: {money.dollars(line.price_cents)}"),
        ]
        facts += [("Note", note) for note in (line.time_note, line.cancellation, line.notes) if note]
        with ui.element("dl").classes("facts"):
            for term, value in facts:
                Text(term, tag="dt")
                Text(value, tag="dd")
        _queries(found.queries)

        async def after() -> None:
            dialog.close()
            await changed()

        with ui.row().classes("gap-2 items-center"):
            buttons(actor, line, after, details=False)
            ui.button("Close", on_click=dialog.close).props("flat").mark("close-details")
    dialog.open()


def _queries(notes: tuple[QueryNote, ...]) -> None:
    for note in notes:
        with ui.element("div").classes("notice"):
            paragraph(f"Your query ({long_date(note.raised.date())}): {note.message}")
            if note.reply:
                paragraph(f"Reply: {note.reply}")
            paragraph("Resolved." if note.resolved else "Waiting for your case manager.").classes(
                "text-muted"
            )


def confirm_approve(actor: Actor, line: ShiftLine, changed: Changed) -> None:
    """Approving asks once (Approve sits next to Query), then offers to undo it at once; the undo
    stays in the visit's details until the visit is billed."""
    with ui.dialog() as dialog, ui.card().classes("dialog-card gap-3").mark("approve-dialog"):
        heading(f"Approve the visit of {long_date(line.starts.date())}?")
        paragraph(f"{line.service}, {when(line)}, with {line.worker or 'no worker recorded'}.")
        paragraph("Approving tells the agency the visit took place as shown, so it can be billed.")
        after = ui.element("div").classes("w-full")

        def dismiss() -> None:  # gone, not hidden: the next Approve asks afresh
            dialog.close()
            dialog.delete()

        async def yes() -> None:
            if not await approve(actor, line.shift_id, changed):
                dismiss()
                return
            buttons_row.delete()
            with after:
                paragraph(
                    "Approved. Changed your mind? You can undo this until the visit is billed."
                ).classes("notice notice-ok").props('role="status"')
                with ui.row().classes("gap-2"):

                    async def take_back() -> None:
                        await undo(actor, line.shift_id, changed)  # its message needs the dialog alive
                        dismiss()

                    ui.button("Undo approval", icon="undo", on_click=take_back).props("outline").mark(
                        "undo-approval"
                    )
                    ui.button("Close", on_click=dismiss).props("flat").mark("close-approve")

        with ui.row().classes("gap-2") as buttons_row:
            ui.button("Approve", icon="thumb_up", on_click=yes).props("unelevated color=positive").mark(
                "confirm-approve"
            )
            ui.button("Not now", on_click=dismiss).props("flat").mark("not-now")
    dialog.open()


async def approve(actor: Actor, shift_id: int, changed: Changed) -> bool:
    if await submit(lambda: approval.approve(actor, shift_id), done="Thank you: the visit is approved."):
        await changed()
        return True
    return False


async def undo(actor: Actor, shift_id: int, changed: Changed) -> bool:
    if await submit(lambda: approval.undo_approval(actor, shift_id), done="The approval is undone."):
        await changed()
        return True
    return False


def open_query(actor: Actor, line: ShiftLine, changed: Changed) -> None:
    with ui.dialog() as dialog, ui.card().classes("dialog-card gap-3"):
        heading(f"Query the visit of {long_date(line.starts.date())}")
        paragraph(
            "Tell us what was not right. Your case manager will reply, and you can approve the visit then."
        )
        message = (
            ui.textarea("Your question")
            .props("outlined maxlength=2000")
            .classes("w-full")
            .mark("query-message")
        )

        async def send() -> None:
            sent = await submit(
                lambda: approval.lodge_query(actor, line.shift_id, message.value or ""),
                {"message": message},
                done="Your query was sent to your case manager.",
            )
            if sent:
                dialog.close()
                await changed()

        with ui.row().classes("gap-2"):
            ui.button("Send query", icon="send", on_click=send).props("unelevated color=primary").mark(
                "send-query"
            )
            ui.button("Close", on_click=dialog.close).props("flat")
    dialog.open()


def fee_words(plan: CancellationPlan) -> str:
    first = plan.first.quote
    if plan.fee_cents == 0:
        if first is None:
            return "No fee: this request has not been given to a worker yet."
        return "No fee: you are giving enough notice."
    charged = plan.charged
    bands = sorted({BAND_LABELS[o.quote.band] for o in charged if o.quote})
    visits = "this visit" if len(charged) == 1 else f"{len(charged)} of these visits"
    return (
        f"Cancelling {visits} is a {' and '.join(bands)} cancellation. A fee of "
        f"{money.dollars(plan.fee_cents)} will be charged to your package."
    )


async def open_cancel(actor: Actor, line: ShiftLine, changed: Changed) -> None:
    state: dict = {"scope": Scope.ONLY_THIS, "plan": None, "problem": ""}
    with ui.dialog() as dialog, ui.card().classes("dialog-card gap-3"):
        heading(f"Cancel {line.service}")
        paragraph(when(line))
        if line.permanent:
            scopes = {
                Scope.ONLY_THIS: "Only this visit",
                Scope.THIS_AND_LATER: "This visit and all later ones",
            }
            ui.radio(scopes, value=Scope.ONLY_THIS, on_change=lambda e: _rescope(e.value)).mark(
                "cancel-scope"
            )
        reason = (
            ui.select(dict(rules.reason_choices(line.program_kind)), label="Why are you cancelling?")
            .props("outlined")
            .classes("w-full")
            .mark("cancel-reason")
        )
        slot = ui.element("div").classes("w-full")

        @ui.refreshable
        def warning() -> None:
            if state["problem"]:
                paragraph(state["problem"]).classes("notice notice-error").props('role="alert"')
            elif state["plan"] is None:
                paragraph("Working out whether there is a fee…").props('role="status"')
            else:
                plan = state["plan"]
                kind = "fee-warning" if plan.fee_cents else "notice notice-ok"
                paragraph(fee_words(plan)).classes(kind).props('role="alert"').mark("cancel-fee")
                confirm.set_enabled(True)

        async def _rescope(scope: Scope) -> None:
            state["scope"] = scope
            await _preview()

        async def _preview() -> None:
            state["plan"] = None
            confirm.set_enabled(False)
            state["plan"] = await submit(
                lambda: cancel.preview(actor, line.shift_id, state["scope"]),
                say=lambda problem: state.update(problem=problem),
            )
            warning.refresh()

        async def _confirm() -> None:
            if not reason.value:
                reason.error = "Please choose a reason."
                return
            plan = state["plan"]
            done = await submit(
                lambda: cancel.cancel(actor, line.shift_id, state["scope"], reason.value, plan.fee_cents),
                done="The visit is cancelled."
                if plan.fee_cents == 0
                else "The visit is cancelled and the fee charged.",
            )
            if done is None:
                await _preview()  # e.g. the fee changed: show the new one
                return
            dialog.close()
            await changed()

        with ui.row().classes("gap-2"):
            confirm = (
                ui.button("Confirm cancellation", icon="event_busy", on_click=_confirm)
                .props("unelevated color=negative")
                .mark("confirm-cancel")
            )
            ui.button("Keep my visit", on_click=dialog.close).props("outline").mark("keep-visit")
        confirm.set_enabled(False)
        with slot:
            warning()
    dialog.open()
    await _preview()
