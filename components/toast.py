"""Short messages after an action ("Phone and e-mail saved."). They appear in a strip of the page
header, which is fixed at the top and pushes the page down as it grows, so a message never covers a
button or a field — a floating notification did (issue 18) — and a screen reader hears it (the
strip is a polite live region, there from the start). A newer message replaces an older one."""

import weakref
from typing import Literal

from nicegui import Client, context, ui

from .text import Text

Kind = Literal["positive", "negative", "warning", "info"]
SECONDS = {"positive": 10.0, "info": 10.0, "warning": 20.0, "negative": 30.0}
_STRIPS: "weakref.WeakKeyDictionary[Client, ui.element]" = weakref.WeakKeyDictionary()


def strip() -> None:
    """The strip, once per page: the frame puts it in the header."""
    area = ui.element("div").classes("toast-area").props('role="status" aria-live="polite"').mark("toasts")
    _STRIPS[context.client] = area


def show(message: str, kind: Kind = "positive") -> None:
    area = _STRIPS.get(context.client)
    if area is None or area.is_deleted:  # a page without the frame: Quasar's own, at the top
        ui.notify(message, type=kind, position="top", multi_line=True)
        return
    area.clear()
    with area:
        note = Text(message, tag="p").classes(f"toast toast-{kind}")
        ui.timer(SECONDS[kind], lambda: area.clear() if not note.is_deleted else None, once=True)
