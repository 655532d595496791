"""The worker app's cards, sized for a phone: an offer to accept or reject, and a coming shift with
the client's address and notes and, once it has started, "Mark completed". Times come in UTC and
are shown in the agency's `zone`."""

from collections.abc import Awaitable, Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from nicegui import ui

from domain.booking.worker_shifts import OfferView, WorkerShiftView
from domain.language import N_, _, ngettext
from domain.vocabulary import Recurrence, ShiftStatus

from .formatting import clock_time, long_date
from .text import Text, heading, paragraph

Act = Callable[[int], Awaitable[None] | None]
PATTERNS = {  # shown as _(PATTERNS[recurrence])
    Recurrence.ONCE: N_("Once only"),
    Recurrence.WEEKLY: N_("Every week"),
    Recurrence.FORTNIGHTLY: N_("Every fortnight"),
    Recurrence.FOUR_WEEKLY: N_("Every four weeks"),
}


def span(starts_at: datetime, ends_at: datetime, zone: ZoneInfo) -> str:
    starts, ends = starts_at.astimezone(zone), ends_at.astimezone(zone)
    return f"{long_date(starts.date())}, {clock_time(starts)} – {clock_time(ends)}"


def offer(found: OfferView, accept: Act, reject: Act, zone: ZoneInfo) -> None:
    who = _("{service} for {name}").format(service=found.service, name=found.client_first_name)
    with ui.element("article").classes("card worker-card").mark(f"offer-{found.id}"):
        heading(
            _("{service} for {name} ({suburb})").format(
                service=found.service, name=found.client_first_name, suburb=found.suburb
            ),
            3,
        )
        paragraph(
            _("{pattern}, first visit {when}").format(
                pattern=_(PATTERNS[found.recurrence]), when=span(found.starts_at, found.ends_at, zone)
            )
        )
        if len(found.occurrences) > 1:
            held = len(found.occurrences)
            paragraph(
                ngettext(
                    "{n} visit held for you, the last on {date}.",
                    "{n} visits held for you, the last on {date}.",
                    held,
                ).format(n=held, date=long_date(found.occurrences[-1].local_date))
            )
        for visit in found.occurrences:
            if visit.time_note:
                paragraph(f"{long_date(visit.local_date)}: {visit.time_note}").classes("notice")
        if found.notes:
            paragraph(_("Notes: {notes}").format(notes=found.notes))
        expires = found.expires_at.astimezone(zone)
        paragraph(
            _("Please answer by {time} on {date}.").format(
                time=clock_time(expires), date=long_date(expires.date())
            )
        ).classes("text-muted")
        accepting, rejecting = _("Accept {offer}").format(offer=who), _("Reject {offer}").format(offer=who)
        with ui.row().classes("gap-2"):
            ui.button(_("Accept"), icon="check", on_click=lambda: accept(found.id)).props(
                f'unelevated color=positive no-caps aria-label="{accepting}"'
            ).mark(f"accept-{found.id}")
            ui.button(_("Reject"), icon="close", on_click=lambda: reject(found.id)).props(
                f'outline color=negative no-caps aria-label="{rejecting}"'
            ).mark(f"reject-{found.id}")


def shift(found: WorkerShiftView, complete: Act, zone: ZoneInfo) -> None:
    with ui.element("article").classes("card worker-card").mark(f"shift-{found.id}"):
        starts, ends = found.starts_at.astimezone(zone), found.ends_at.astimezone(zone)
        Text(f"{clock_time(starts)} – {clock_time(ends)} · {found.service}", tag="h4").classes("heading-3")
        paragraph(found.client_name)
        paragraph(found.address)
        if found.time_note:
            paragraph(found.time_note).classes("notice")
        if found.notes:
            paragraph(_("Notes: {notes}").format(notes=found.notes))
        if found.status == ShiftStatus.COMPLETED:
            Text(_("Completed"), tag="p").classes("status-done")
        elif found.can_complete:
            ui.button(_("Mark completed"), icon="task_alt", on_click=lambda: complete(found.id)).props(
                "unelevated color=primary no-caps"
            ).mark(f"complete-{found.id}")


def reject_dialog(offer_id: int, reject: Callable[[int, str], Awaitable[bool]]) -> None:
    with ui.dialog() as dialog, ui.card().classes("dialog-card gap-3"):
        heading(_("Reject this offer?"), 2)
        paragraph(_("The roster team will find someone else. You can tell them why (optional)."))
        reason = ui.textarea(_("Reason (optional)")).props("outlined maxlength=500").classes("w-full")
        reason.mark("reject-reason")

        async def confirm() -> None:
            if await reject(offer_id, reason.value or ""):
                dialog.close()

        with ui.row().classes("gap-2"):
            ui.button(_("Reject offer"), on_click=confirm).props("unelevated color=negative no-caps").mark(
                "confirm-reject"
            )
            ui.button(_("Keep it"), on_click=dialog.close).props("outline no-caps")
    dialog.open()
