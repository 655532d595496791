"""The translations: one gettext catalogue (.po) per language under assets/locales, read once.

The .po files are the source: they are compiled in memory on first use, so no compiled .mo file is
kept in the repository or has to be built before the portal runs. A string a catalogue lacks (or
has only a fuzzy guess for) is shown in English.
"""

import functools
import gettext as gnu
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from .choice import DEFAULT, current

LOCALES = Path(__file__).resolve().parent.parent.parent / "assets" / "locales"
DOMAIN = "messages"


def catalogue_path(code: str) -> Path:
    return LOCALES / code / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(code: str) -> gnu.NullTranslations:
    path = catalogue_path(code)
    if code == DEFAULT.code or not path.exists():
        return gnu.NullTranslations()
    with path.open("rb") as po:
        catalogue = read_po(po, locale=code)
    compiled = BytesIO()
    write_mo(compiled, catalogue)
    compiled.seek(0)
    return gnu.GNUTranslations(compiled)


def gettext(message: str) -> str:
    """The message in the language in force."""
    return translations(current().code).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural message as the language in force says it for n."""
    return translations(current().code).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for "mark, translate later"
    """Marks a message for the catalogue where it is defined; it is translated where it is shown."""
    return message


_ = gettext
