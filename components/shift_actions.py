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
from domain.language import _, ngettext
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
            ui.button(
                _("Cancel"), icon="event_busy", on_click=lambda: open_cancel(actor, line, changed)
            ).props("outline color=negative").mark(f"cancel-{line.shift_id}")
        if line.awaiting_approval:
            if may(ClientAction.APPROVE):
                ui.button(
                    _("Approve"), icon="thumb_up", on_click=lambda: confirm_approve(actor, line, changed)
                ).props("unelevated color=positive").mark(f"approve-{line.shift_id}")
            if may(ClientAction.QUERY):
                ui.button(_("Query"), icon="help", on_click=lambda: open_query(actor, line, changed)).props(
                    "outline"
                ).mark(f"query-{line.shift_id}")
        elif line.status == ShiftStatus.APPROVED and may(ClientAction.APPROVE):
            ui.button(
                _("Undo approval"), icon="undo", on_click=lambda: undo(actor, line.shift_id, changed)
            ).props("outline").mark(f"undo-{line.shift_id}")
        elif line.status == ShiftStatus.QUERIED:
            Text(_("Waiting for your case manager"), tag="span").classes("text-muted")
        if details:
            ui.button(
                _("Details"), icon="info", on_click=lambda: open_details(actor, line.shift_id, changed)
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
    return _("{day}, {start} to {end}").format(
        day=long_date(line.starts.date()), start=clock_time(line.starts), end=clock_time(line.ends)
    )


async def open_details(actor: Actor, shift_id: int, changed: Changed) -> None:
    found = await submit(lambda: views.details(actor, shift_id))
    if found is None:
        return
    line = found.line
    with ui.dialog() as dialog, ui.card().classes("dialog-card gap-3"):
        heading(line.service)
        shift_status.badge(line.status)
        bill = _("{quantity} at {rate}: {price}").format(
            quantity=line.quantity, rate=line.rate, price=money.dollars(line.price_cents)
        )
        facts = [
            (_("When"), when(line)),
            (_("Length"), duration(line.minutes)),
            (_("Worker"), line.worker or _("Not yet allocated")),
            (_("Program"), line.program),
            (_("Booking"), line.booking_number or "—"),
            (_("Bill"), bill),
        ]
        facts += [(_("Note"), note) for note in (line.time_note, line.cancellation, line.notes) if note]
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
            ui.button(_("Close"), on_click=dialog.close).props("flat").mark("close-details")
    dialog.open()


def _queries(notes: tuple[QueryNote, ...]) -> None:
    for note in notes:
        with ui.element("div").classes("notice"):
            raised = long_date(note.raised.date())
            paragraph(_("Your query ({day}): {message}").format(day=raised, message=note.message))
            if note.reply:
                paragraph(_("Reply: {reply}").format(reply=note.reply))
            paragraph(_("Resolved.") if note.resolved else _("Waiting for your case manager.")).classes(
                "text-muted"
            )


def confirm_approve(actor: Actor, line: ShiftLine, changed: Changed) -> None:
    """Approving asks once (Approve sits next to Query), then offers to undo it at once; the undo
    stays in the visit's details until the visit is billed."""
    with ui.dialog() as dialog, ui.card().classes("dialog-card gap-3").mark("approve-dialog"):
        heading(_("Approve the visit of {day}?").format(day=long_date(line.starts.date())))
        if line.worker:
            said = _("{service}, {when}, with {worker}.").format(
                service=line.service, when=when(line), worker=line.worker
            )
        else:
            said = _("{service}, {when}, with no worker recorded.").format(
                service=line.service, when=when(line)
            )
        paragraph(said)
        paragraph(_("Approving tells the agency the visit took place as shown, so it can be billed."))
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
                    _("Approved. Changed your mind? You can undo this until the visit is billed.")
                ).classes("notice notice-ok").props('role="status"')
                with ui.row().classes("gap-2"):

                    async def take_back() -> None:
                        await undo(actor, line.shift_id, changed)  # its message needs the dialog alive
                        dismiss()

                    ui.button(_("Undo approval"), icon="undo", on_click=take_back).props("outline").mark(
                        "undo-approval"
                    )
                    ui.button(_("Close"), on_click=dismiss).props("flat").mark("close-approve")

        with ui.row().classes("gap-2") as buttons_row:
            ui.button(_("Approve"), icon="thumb_up", on_click=yes).props("unelevated color=positive").mark(
                "confirm-approve"
            )
            ui.button(_("Not now"), on_click=dismiss).props("flat").mark("not-now")
    dialog.open()


async def approve(actor: Actor, shift_id: int, changed: Changed) -> bool:
    if await submit(lambda: approval.approve(actor, shift_id), done=_("Thank you: the visit is approved.")):
        await changed()
        return True
    return False


async def undo(actor: Actor, shift_id: int, changed: Changed) -> bool:
    if await submit(lambda: approval.undo_approval(actor, shift_id), done=_("The approval is undone.")):
        await changed()
        return True
    return False


def open_query(actor: Actor, line: ShiftLine, changed: Changed) -> None:
    with ui.dialog() as dialog, ui.card().classes("dialog-card gap-3"):
        heading(_("Query the visit of {day}").format(day=long_date(line.starts.date())))
        paragraph(
            _("Tell us what was not right. Your case manager will reply, and you can approve the visit then.")
        )
        message = (
            ui.textarea(_("Your question"))
            .props("outlined maxlength=2000")
            .classes("w-full")
            .mark("query-message")
        )

        async def send() -> None:
            sent = await submit(
                lambda: approval.lodge_query(actor, line.shift_id, message.value or ""),
                {"message": message},
                done=_("Your query was sent to your case manager."),
            )
            if sent:
                dialog.close()
                await changed()

        with ui.row().classes("gap-2"):
            ui.button(_("Send query"), icon="send", on_click=send).props("unelevated color=primary").mark(
                "send-query"
            )
            ui.button(_("Close"), on_click=dialog.close).props("flat")
    dialog.open()


def fee_words(plan: CancellationPlan) -> str:
    first = plan.first.quote
    if plan.fee_cents == 0:
        if first is None:
            return _("No fee: this request has not been given to a worker yet.")
        return _("No fee: you are giving enough notice.")
    charged = plan.charged
    bands = [_(band) for band in sorted({BAND_LABELS[o.quote.band] for o in charged if o.quote})]
    band = bands[0] if len(bands) == 1 else _("{first} and {second}").format(first=bands[0], second=bands[1])
    fee, n = money.dollars(plan.fee_cents), len(charged)
    if n == 1:
        return _(
            "Cancelling this visit is a {band} cancellation. A fee of {fee} will be charged to your package."
        ).format(band=band, fee=fee)
    return ngettext(
        "Cancelling {n} of these visits is a {band} cancellation. A fee of {fee} will be charged to "
        "your package.",
        "Cancelling {n} of these visits is a {band} cancellation. A fee of {fee} will be charged to "
        "your package.",
        n,
    ).format(n=n, band=band, fee=fee)


async def open_cancel(actor: Actor, line: ShiftLine, changed: Changed) -> None:
    state: dict = {"scope": Scope.ONLY_THIS, "plan": None, "problem": ""}
    with ui.dialog() as dialog, ui.card().classes("dialog-card gap-3"):
        heading(_("Cancel {service}").format(service=line.service))
        paragraph(when(line))
        if line.permanent:
            scopes = {
                Scope.ONLY_THIS: _("Only this visit"),
                Scope.THIS_AND_LATER: _("This visit and all later ones"),
            }
            ui.radio(scopes, value=Scope.ONLY_THIS, on_change=lambda e: _rescope(e.value)).mark(
                "cancel-scope"
            )
        reason = (
            ui.select(dict(rules.reason_choices(line.program_kind)), label=_("Why are you cancelling?"))
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
                paragraph(_("Working out whether there is a fee…")).props('role="status"')
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
                reason.error = _("Please choose a reason.")
                return
            plan = state["plan"]
            done = await submit(
                lambda: cancel.cancel(actor, line.shift_id, state["scope"], reason.value, plan.fee_cents),
                done=_("The visit is cancelled.")
                if plan.fee_cents == 0
                else _("The visit is cancelled and the fee charged."),
            )
            if done is None:
                await _preview()  # e.g. the fee changed: show the new one
                return
            dialog.close()
            await changed()

        with ui.row().classes("gap-2"):
            confirm = (
                ui.button(_("Confirm cancellation"), icon="event_busy", on_click=_confirm)
                .props("unelevated color=negative")
                .mark("confirm-cancel")
            )
            ui.button(_("Keep my visit"), on_click=dialog.close).props("outline").mark("keep-visit")
        confirm.set_enabled(False)
        with slot:
            warning()
    dialog.open()
    await _preview()
