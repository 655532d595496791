"""The language a page is shown in: the signed-in client's or carer's choice; English for staff;
for someone not signed in (the sign-in page, an invitation), the first of their browser's languages
the portal speaks.

`show` is called by the guard before a page draws; from then on every `_()` on that page, in its
event handlers too, reads the page's language (domain.language asks `_of_page`), and work carried
off the event loop by components.background and components.forms takes the language with it.
"""

import copy
from typing import cast
from weakref import WeakKeyDictionary

from babel.core import parse_locale
from fastapi import Request
from nicegui import Client, context
from nicegui.language import Language as QuasarLanguage
from nicegui.slot import Slot

from domain import language
from domain.accounts.access import Actor

_shown: "WeakKeyDictionary[Client, str]" = WeakKeyDictionary()


def install() -> None:
    """Once per process: pages' `_()` follow the page being answered."""
    language.set_ambient(_of_page)


def _of_page() -> str | None:
    # The slot stack itself, not `context.client`: with no page being answered (a job, the API, a
    # test calling the domain, a thread without a carried language) that would make NiceGUI open
    # a script-mode page of its own before the server starts.
    stack = Slot.get_stack()
    if not stack:
        return None
    return _shown.get(stack[-1].parent.client)


def for_actor(actor: Actor | None, request: Request | None) -> language.Language:
    if actor is not None:
        return language.DEFAULT if actor.is_staff else language.by_code(actor.language)
    return from_browser(request.headers.get("accept-language", "") if request is not None else "")


def from_browser(accept_language: str) -> language.Language:
    """The first language the browser asks for that the portal speaks; English otherwise.
    Chinese counts only in its simplified script (zh, zh-CN, zh-SG, zh-Hans)."""
    by_language = {item.code.split("_")[0]: item for item in language.LANGUAGES}
    for part in accept_language.split(","):
        tag = part.split(";")[0].strip()
        try:
            said, territory, script, *_rest = parse_locale(tag, sep="-")
        except ValueError:  # "*", or not a language tag at all
            continue
        if said == "zh" and (script == "Hant" or territory in {"TW", "HK", "MO"}):
            continue
        if said in by_language:
            return by_language[said]
    return language.DEFAULT


def show(actor: Actor | None) -> language.Language:
    """This page in the reader's language: its text, its html lang attribute and, for Arabic, right
    to left (Quasar's language pack sets dir="rtl" on the page)."""
    client = context.client
    chosen = for_actor(actor, client.request)
    _shown[client] = chosen.code
    if client.page.resolve_language() != chosen.html:
        # the page route is shared by every reader; this client gets its own copy of its settings
        client.page = copy.copy(client.page)
        client.page.language = cast(QuasarLanguage, chosen.html)
    return chosen
