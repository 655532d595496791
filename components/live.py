"""Live updates on open pages: domain events, delivered on NiceGUI's event loop to the pages that
subscribed, and forgotten when the page goes away."""

from collections.abc import Awaitable, Callable
from typing import Any

from nicegui import background_tasks, core, ui

from domain import events
from domain.events import E


def on(kind: type[E], handler: Callable[[E], Awaitable[None] | None], *, when: Callable[[E], bool]) -> None:
    """Run handler(event) in this page when `when(event)` holds; stops when the page closes.

    Use cases announce from worker threads, so the call is handed to the event loop first.
    """
    client = ui.context.client

    def deliver(event: E) -> None:
        if client.is_deleted or not when(event) or core.loop is None:
            return
        core.loop.call_soon_threadsafe(lambda: background_tasks.create(_run(handler, event, client)))

    stop = events.listen(kind, deliver)
    client.on_delete(stop)


async def _run(handler: Callable[[Any], Awaitable[None] | None], event: Any, client: Any) -> None:
    if client.is_deleted:
        return
    with client:
        result = handler(event)
        if result is not None:
            await result
