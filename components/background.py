"""Domain work off the event loop, for a page that cannot go on without its answer."""

import asyncio
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from nicegui import run

from domain import language

P = ParamSpec("P")
R = TypeVar("R")


async def call(callback: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """`run.io_bound` for a callback that never answers None.

    NiceGUI answers None instead when the call was cancelled or the app is stopping; a page cannot be
    drawn from that, so this raises CancelledError, as NiceGUI 4 itself will.
    """
    answer = await run.io_bound(language.carried(callback), *args, **kwargs)
    if answer is None:
        raise asyncio.CancelledError
    return answer
