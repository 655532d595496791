"""Submitting a form to the domain off the event loop, and showing what was wrong next to each field."""

from collections.abc import Callable, Mapping
from contextlib import suppress
from datetime import date
from typing import Any, TypeVar

from nicegui import context, run, ui
from nicegui.elements.mixins.validation_element import ValidationElement

from domain import language, validation
from domain.errors import DomainError, InvalidInput
from domain.language import _

from . import toast

T = TypeVar("T")


async def submit(
    action: Callable[[], T],
    fields: Mapping[str, ValidationElement] | None = None,
    *,
    done: str = "",
    say: Callable[[str], None] | None = None,
) -> T | None:
    """Run a domain use case off the event loop; on bad input mark the fields and say what is wrong.
    Returns None on failure. What is wrong is a notification, or, given `say`, a message the page
    keeps on screen (`say("")` clears it first)."""
    fields = fields or {}
    tell = say or _notify
    if say is not None:
        say("")
    for field in fields.values():
        field.error = None
    # The page, taken now: the element that asked may be redrawn while the use case runs (a live
    # update of its list), and what comes after still belongs on that page.
    page = context.client
    try:
        result = await run.io_bound(language.carried(action))
    except InvalidInput as error:
        unplaced = []
        for name, message in error.fields.items():
            if name in fields:
                fields[name].error = message
            else:
                unplaced.append(message)
        with page:
            tell(" ".join(unplaced) or _("Please check the highlighted fields."))
        return None
    except DomainError as error:
        with page:
            tell(error.message)
        return None
    if done:
        with page:
            toast.show(done)
    return result


async def succeeded(
    action: Callable[[], None],
    fields: Mapping[str, ValidationElement] | None = None,
    *,
    done: str = "",
    say: Callable[[str], None] | None = None,
) -> bool:
    """`submit` for a use case that answers nothing: whether it went through."""

    def carried_out() -> bool:
        action()
        return True

    return await submit(carried_out, fields, done=done, say=say) is not None


def _notify(problem: str) -> None:
    toast.show(problem, "negative")


def text_input(
    label: str,
    value: str = "",
    *,
    autocomplete: str = "off",
    kind: str = "text",
    mark: str = "",
    **props: Any,
) -> ui.input:
    """A labelled, outlined input with the browser hints that help people who type slowly."""
    field = ui.input(label, value=value).props(f'outlined type={kind} autocomplete="{autocomplete}"')
    if kind == "tel":
        field.props("inputmode=tel")
    if kind == "email":
        field.props("inputmode=email")
    if mark:
        field.mark(mark)
    return field.classes("w-full")


def date_input(label: str, value: date | str | None = None, *, mark: str = "") -> ui.input:
    """A date typed the Australian way, dd/mm/yyyy, whatever the browser's language: a text field
    (a browser's own date field follows its locale, mm/dd/yyyy in a US-English browser). The domain
    reads what is typed with domain.validation.day; a date given as text (from an address) is shown
    dd/mm/yyyy when it is one, else as it was typed, for the domain to explain."""
    shown = validation.day_as_typed(value) if isinstance(value, date) else value or ""
    with suppress(ValueError):
        shown = validation.day_as_typed(validation.day(shown)) if shown else ""
    field = text_input(label, shown, mark=mark)
    hint = _(validation.DATE_HINT)
    return field.props(f'placeholder="{hint}" hint="{hint}" inputmode=numeric stack-label')
