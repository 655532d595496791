"""The messages the code marks for translation, as Babel extracts them (the same as `make messages`)."""

from functools import cache
from pathlib import Path

from babel.messages.extract import extract_from_dir

from domain.language import _, use

ROOT = Path(__file__).resolve().parents[2]
MARKED_IN = ("pages", "components", "domain")
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}


@cache
def marked() -> dict[str, tuple[str, str | None]]:
    """Each marked message: msgid -> (where it is first marked, its plural or None)."""
    found: dict[str, tuple[str, str | None]] = {}
    for folder in MARKED_IN:
        for filename, lineno, message, _comments, _context in extract_from_dir(
            ROOT / folder, [("**.py", "python")], keywords=KEYWORDS
        ):
            singular, plural = message if isinstance(message, tuple) else (message, None)
            found.setdefault(singular, (f"{folder}/{filename}:{lineno}", plural))
    return found


def said_in(code: str, message: str, **fields: object) -> str:
    """The message as the catalogue of `code` says it, with its fields; fails if it is untranslated."""
    with use(code):
        translated = _(message)
    assert translated != message, f"the {code} catalogue has no translation of {message!r}"
    return translated.format(**fields)


def english_on(text: str) -> list[str]:
    """Marked messages of three words or more that stand in `text` in English (with no fields, so
    each is a whole sentence or label as the page would show it untranslated)."""
    return sorted(
        message
        for message in marked()
        if "{" not in message and len(message.split()) >= 3 and message in text
    )
