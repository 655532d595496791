"""Helpers for NiceGUI's simulated User: signing in and waiting for work done off the event loop."""

import asyncio
from collections.abc import Callable

from nicegui.testing import User

from demo import DEMO_PASSWORD

POLLS = 200  # a 20 ms poll: up to four seconds for a background task (argon2, a database write)


async def eventually(condition: Callable[[], bool], what: str) -> None:
    """Wait for a handler that runs off the event loop to finish; fail if it never does."""
    for _ in range(POLLS):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"never happened: {what}")


async def sign_in(user: User, email: str, password: str = DEMO_PASSWORD) -> None:
    """Fill in the login form and wait until the portal has either moved on or said why not."""
    await user.open("/login")
    user.find(marker="email").type(email)
    user.find(marker="password").type(password)
    before = len(user.back_history)
    user.find(marker="sign-in").click()

    def answered() -> bool:
        if len(user.back_history) > before:
            return True
        with user:
            return any(
                getattr(element, "visible", False)
                and element.props.get("role") == "alert"
                and getattr(element, "text", "")
                for element in user.client.layout.descendants()
            )

    await eventually(answered, f"signing in as {email}")
