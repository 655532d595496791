"""The language a person reads: which languages the portal speaks, translating its words, and
formatting dates, times, numbers and money the way that language writes them.

Text shown to a client or carer is marked where it is written and translated where it is used:

    from domain.language import _, N_, ngettext

    heading(_("My services"))
    SECTIONS = (N_("Calendar"), N_("History"))   # translated when shown: _(SECTIONS[0])
    _("Booked for {name}").format(name=client.first_name)
    ngettext("{n} visit", "{n} visits", n).format(n=n)

The language in force is the one chosen with `use(code)` (e-mails to a person, a statement PDF, a
domain call carried off the event loop), else the one the page being answered shows (the UI installs
that lookup with `set_ambient`), else English (Australia). Staff pages stay in English.
"""

from .catalogues import N_, _, gettext, ngettext
from .choice import DEFAULT, LANGUAGES, Language, by_code, carried, current, is_supported, set_ambient, use

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "N_",
    "Language",
    "_",
    "by_code",
    "carried",
    "current",
    "gettext",
    "is_supported",
    "ngettext",
    "set_ambient",
    "use",
]
