"""Live updates on open pages: domain events, delivered on NiceGUI's event loop to the pages that
subscribed, and forgotten when the page goes away."""

from collections.abc import Callable
from typing import Any

from nicegui import background_tasks, core, ui

from domain import events


def on(
    topic: str, handler: Callable[[dict[str, Any]], Any], *, when: Callable[[dict[str, Any]], bool]
) -> None:
    """Run handler(payload) in this page when `when(payload)` holds; stops when the page closes.

    Use cases publish from worker threads, so the call is handed to the event loop first.
    """
    client = ui.context.client

    def deliver(payload: dict[str, Any]) -> None:
        if client.is_deleted or not when(payload) or core.loop is None:
            return
        core.loop.call_soon_threadsafe(lambda: background_tasks.create(_run(handler, payload, client)))

    stop = events.listen(topic, deliver)
    client.on_delete(stop)


async def _run(handler: Callable[[dict[str, Any]], Any], payload: dict[str, Any], client: Any) -> None:
    if client.is_deleted:
        return
    with client:
        result = handler(payload)
        if hasattr(result, "__await__"):
            await result
