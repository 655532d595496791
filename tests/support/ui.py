"""Helpers for NiceGUI's simulated User: signing in, waiting for work done off the event loop,
picking options, and tapping the shift table's buttons."""

import asyncio
from collections.abc import Callable

from nicegui import ElementFilter
from nicegui.testing import User

from demo import DEMO_PASSWORD
from domain.accounts import auth
from tests.support import second_factor

POLLS = 200  # a 20 ms poll: up to four seconds for a background task (argon2, a database write)
PATIENCE_SECONDS = 60.0  # a search over the demo agency runs off the event loop; never a timing assertion


async def eventually(condition: Callable[[], bool], what: str) -> None:
    """Wait for a handler that runs off the event loop to finish; fail if it never does."""
    for _ in range(POLLS):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"never happened: {what}")


async def sign_in(user: User, email: str, password: str = DEMO_PASSWORD) -> None:
    """Fill in the login form (with the authenticator app's code for an account that has two-step
    sign-in, the test administrator's) and wait until the portal has moved on or said why not."""
    await user.open("/login")
    user.find(marker="email").type(email)
    user.find(marker="password").type(password)
    before = len(user.back_history)
    if password == DEMO_PASSWORD and await asyncio.to_thread(second_factor.needs_code, email):
        user.find(marker="sign-in").click()
        await eventually(lambda: _code_asked(user), f"the code asked of {email}")
        user.find(marker="code").type(await asyncio.to_thread(second_factor.code, email=email))
    user.find(marker="sign-in").click()

    def answered() -> bool:
        if len(user.back_history) > before:
            return True
        with user:
            return any(
                getattr(element, "visible", False)
                and element.props.get("role") == "alert"
                and getattr(element, "text", "") not in ("", auth.CODE_NEEDED)  # the code step's prompt
                for element in user.client.layout.descendants()
            )

    await eventually(answered, f"signing in as {email}")


def _code_asked(user: User) -> bool:
    with user:
        return any(True for _ in ElementFilter(marker="code", only_visible=True))


async def shown(user: User, text: str) -> None:
    """Wait until the text is on screen: the work behind it runs off the event loop."""

    def visible_now() -> bool:
        with user:
            return any(True for _ in ElementFilter(content=text, only_visible=True))

    await eventually(visible_now, f"seeing {text!r}")


async def until(condition: Callable[[], bool], what: str) -> None:
    """Wait, as patiently as a search over the whole demo agency needs, for a condition."""
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
        on_page = any(True for _ in ElementFilter(content=text, only_visible=True))
    return on_page or user.notify.contains(text)


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


def table_cells(user: User) -> list[str]:
    """Every cell of every shift table on the page, as the browser will show it."""
    with user:
        tables = user.find(marker="shift-table").elements if user.find(marker="shift-table") else []
        return [str(value) for table in tables for row in table.rows for value in row.values()]


def act(user: User, shift_id: int, action: str) -> None:
    """What a tap on a shift table row's action button sends to the server."""
    user.find(marker="shift-table").trigger("act", {"id": shift_id, "action": action})
