"""A faster answer to a question NiceGUI asks for every element it builds.

Each element makes several observable collections (its classes, style and props), and each asks
`nicegui.helpers.expects_arguments` about its change handler, a bound method: an
`inspect.signature` call every time, about a third of an element's construction in a profile of
the booking page. A bound method's answer depends only on its function, so it is kept per function
(weakly: a function that goes, goes from here too). Anything else is asked as before.
"""

import inspect
import weakref
from collections.abc import Callable
from typing import Any

from nicegui import helpers

_asked: weakref.WeakKeyDictionary[Callable[..., Any], bool] = weakref.WeakKeyDictionary()
_original: Callable[[Callable[..., Any]], bool] = helpers.expects_arguments


def expects_arguments(func: Callable[..., Any]) -> bool:
    if not inspect.ismethod(func):
        return _original(func)
    known = _asked.get(func.__func__)
    if known is None:
        known = _asked[func.__func__] = _original(func)
    return known


def install() -> None:
    """Once, before any page is built (main.serve). NiceGUI's modules look it up on `helpers`."""
    helpers.expects_arguments = expects_arguments

