"""The catalogues: every message the code marks for translation is translated in every language
(not fuzzy, the same {fields}, the plural forms the language needs), and what a catalogue lacks
reads in English."""

import re

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from domain.language import LANGUAGES, _, ngettext, use
from domain.language.catalogues import catalogue_path
from tests.support.catalogues import marked

TRANSLATED = [language.code for language in LANGUAGES[1:]]
FIELD = re.compile(r"\{[^{}]*\}")


def catalogue(code: str) -> Catalog:
    with catalogue_path(code).open("rb") as po:
        return read_po(po, locale=code)


MARKED = marked()


def test_the_code_marks_the_client_pages_text() -> None:
    # a floor, not a count: the client pages, their components, the domain's messages to clients
    # and the letters together mark over seven hundred distinct messages
    assert len(MARKED) > 700
    assert "Save language" in MARKED


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_marked_message_is_translated(code: str) -> None:
    messages = catalogue(code)
    problems = []
    for msgid, (where, plural) in sorted(MARKED.items()):
        entry = messages.get(msgid)
        if entry is None or entry.fuzzy:
            problems.append(f"{where}: no translation of {msgid!r}")
            continue
        strings = list(entry.string) if isinstance(entry.string, tuple) else [entry.string]
        if plural is not None and len(strings) != messages.num_plurals:
            problems.append(f"{where}: {msgid!r} needs {messages.num_plurals} plural forms")
        wanted = set(FIELD.findall(msgid + (plural or "")))
        for text in strings:
            if not text:
                problems.append(f"{where}: empty translation of {msgid!r}")
            elif not set(FIELD.findall(text)) <= wanted:
                problems.append(f"{where}: {text!r} has fields that {msgid!r} has not")
            elif plural is None and set(FIELD.findall(text)) != wanted:
                problems.append(f"{where}: {text!r} drops a field of {msgid!r}")
    assert not problems, f"{code}: {len(problems)} problems, e.g. " + "\n".join(problems[:20])


def test_a_message_no_catalogue_has_reads_in_english() -> None:
    with use("vi"):
        assert _("A sentence nobody has translated yet.") == "A sentence nobody has translated yet."
        assert ngettext("{n} thing nobody translated", "{n} things nobody translated", 3) == (
            "{n} things nobody translated"
        )


def test_a_translated_message_reads_in_the_language_in_force() -> None:
    assert _("Save language") == "Save language"
    with use("vi"):
        assert _("Save language") == "Lưu ngôn ngữ"
    with use("ar"):
        assert _("Save language") == "حفظ اللغة"
        # Arabic has six plural forms: two hours is the dual, not the plural
        assert ngettext("{n} hour", "{n} hours", 2).format(n=2) == "ساعتان"


def test_an_unknown_language_code_reads_in_english() -> None:
    with use("xx"):
        assert _("Save language") == "Save language"
