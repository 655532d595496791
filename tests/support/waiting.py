"""Waiting for what the pages do off the event loop (a search, a booking) in NiceGUI's simulated User."""

import asyncio
from collections.abc import Callable

from nicegui import ElementFilter
from nicegui.testing import User

PATIENCE_SECONDS = 60.0  # a search over the demo agency runs off the event loop; never a timing assertion


async def until(condition: Callable[[], bool], what: str) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + PATIENCE_SECONDS
    while loop.time() < deadline:
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"never happened: {what}")


def visible(user: User, text: str) -> bool:
    """On the page, or in a notification."""
    with user:
        shown = any(True for _ in ElementFilter(content=text, only_visible=True))
    return shown or user.notify.contains(text)


async def seen(user: User, text: str) -> None:
    await until(lambda: visible(user, text), f"seeing {text!r}")


def choose(user: User, marker: str, value: object) -> None:
    """What picking an option of a select (or a radio) sends to the server."""
    with user:
        user.find(marker=marker).elements.pop().value = value


def has(user: User, marker: str) -> bool:
    with user:
        return any(True for _ in ElementFilter(marker=marker))


async def appears(user: User, marker: str) -> None:
    """Wait for an element a refresh (run in the background) puts on the page."""
    await until(lambda: has(user, marker), f"the element marked {marker!r}")
