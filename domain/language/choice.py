"""Which languages the portal speaks, and which one is in force for the work being done."""

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Language:
    code: str  # the catalogue's folder and Babel's locale
    name: str  # in the language itself, as its readers look for it in a list
    english: str  # for staff
    html: str  # the page's lang attribute (BCP 47): Quasar's language pack of that name sets it
    right_to_left: bool = False


LANGUAGES: tuple[Language, ...] = (
    Language("en_AU", "English", "English", "en-GB"),  # Quasar has no en-AU pack; en-GB is nearest
    Language("zh_Hans", "简体中文", "Chinese (Simplified)", "zh-CN"),
    Language("vi", "Tiếng Việt", "Vietnamese", "vi"),
    Language("it", "Italiano", "Italian", "it"),
    Language("el", "Ελληνικά", "Greek", "el"),
    Language("ar", "العربية", "Arabic", "ar", right_to_left=True),
)
DEFAULT = LANGUAGES[0]
_BY_CODE = {language.code: language for language in LANGUAGES}

_chosen: ContextVar[str | None] = ContextVar("language", default=None)
_ambient: Callable[[], str | None] | None = None


def is_supported(code: str) -> bool:
    return code in _BY_CODE


def by_code(code: str | None) -> Language:
    """The language of that code; English (Australia) for an unknown or empty one."""
    return _BY_CODE.get(code or "", DEFAULT)


def set_ambient(lookup: Callable[[], str | None] | None) -> None:
    """Where the language comes from when nothing chose one: the UI's page being answered."""
    global _ambient
    _ambient = lookup


def current() -> Language:
    code = _chosen.get()
    if code is None and _ambient is not None:
        code = _ambient()
    return by_code(code)


@contextmanager
def use(code: str | None) -> Iterator[Language]:
    """Work in this language until the block ends (an e-mail to a person, a statement PDF)."""
    token = _chosen.set(by_code(code).code)
    try:
        yield current()
    finally:
        _chosen.reset(token)


def carried(callback: Callable[P, R]) -> Callable[P, R]:
    """The callback, run later on another thread, in the language in force now."""
    code = current().code

    @functools.wraps(callback)
    def in_language(*args: P.args, **kwargs: P.kwargs) -> R:
        with use(code):
            return callback(*args, **kwargs)

    return in_language
