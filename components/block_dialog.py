"""Asking before a worker is blocked or unblocked (from a provider card, a past visit, or the
Preferences page): a block is easy to undo, but it takes the worker out of every list at once."""

from collections.abc import Awaitable, Callable

from nicegui import ui

from domain.language import _

from .text import heading, paragraph

Then = Callable[[], Awaitable[object]]


def open_block(name: str, then: Then, where: ui.element) -> None:
    _confirm(
        _("Block {name}?").format(name=name),
        _(
            "{name} will not be offered to you again, for any service. Visits already booked with them "
            "stay as they are: please call the agency to change those. You can unblock them on your "
            "Preferences page."
        ).format(name=name),
        _("Yes, block {name}").format(name=name),
        then,
        where,
        "block",
    )


def open_unblock(name: str, then: Then, where: ui.element) -> None:
    _confirm(
        _("Unblock {name}?").format(name=name),
        _("{name} may be offered to you again when they suit a booking.").format(name=name),
        _("Yes, unblock {name}").format(name=name),
        then,
        where,
        "unblock",
    )


def _confirm(title: str, words: str, yes_label: str, then: Then, where: ui.element, mark: str) -> None:
    """A dialog that asks once; it is deleted when answered, so the next one asks afresh."""
    with where, ui.dialog() as dialog, ui.card().classes("dialog-card gap-3").mark(f"{mark}-dialog"):
        heading(title, 2)
        paragraph(words)

        def dismiss() -> None:
            dialog.close()
            if not dialog.is_deleted:  # answering may have redrawn the page around it
                dialog.delete()

        async def yes() -> None:
            await then()  # its message needs the dialog alive
            dismiss()

        with ui.row().classes("gap-2"):
            ui.button(yes_label, on_click=yes).props("unelevated color=negative no-caps").mark(
                f"confirm-{mark}"
            )
            ui.button(_("No, go back"), on_click=dismiss).props("outline no-caps").mark(f"cancel-{mark}")
    dialog.open()
