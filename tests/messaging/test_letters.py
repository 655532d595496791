"""Every letter the portal sends is listed once, renders from its typed fields, and never lets what
people typed become markup. Pure: no database."""

import dataclasses
import importlib
import pkgutil
import typing
from datetime import UTC, date, datetime

import pytest

import domain
from domain import letters
from domain.agency.settings import AgencySettings
from domain.booking.letters import BookingFacts
from domain.language import LANGUAGES, use
from domain.messaging.letterhead import Letter

HOSTILE = "O'Brien <b>&</b>"
AGENCY = AgencySettings(
    name="Harbour <Care>",
    phone="02 9555 0100",
    email="office@example.com",
    roster_email="roster@example.com",
    timezone="Australia/Sydney",
    state="NSW",
    logo_media_id=None,
    booking_lead_minutes=1440,
    cancel_lead_minutes=1440,
    booking_horizon_days=84,
    shift_horizon_weeks=8,
    offer_expiry_minutes=60,
    reminder_lead_minutes=1440,
    travel_radius_km=25,
    travel_speed_kmh=30,
    travel_buffer_minutes=10,
)
MOMENT = datetime(2026, 11, 27, 22, 30, tzinfo=UTC)  # 9:30 am on Saturday 28 November in Sydney


def sample(kind: object) -> object:
    """A value of the field's type, with text that would break markup if it were not escaped."""
    if kind is str:
        return HOSTILE
    if kind is int:
        return 3
    if kind is bool:
        return True
    if kind in (datetime, datetime | None):
        return MOMENT
    if kind is date:
        return MOMENT.date()
    if kind is BookingFacts:
        return BookingFacts("BK000123", HOSTILE, HOSTILE, MOMENT, 2, HOSTILE)
    raise AssertionError(f"no sample for {kind}")


def filled(letter: type[Letter]) -> Letter:
    hints = typing.get_type_hints(letter)
    return letter(**{field.name: sample(hints[field.name]) for field in dataclasses.fields(letter)})


def defined_letters() -> set[type[Letter]]:
    """Every Letter subclass defined in the domain (tests may define their own)."""
    for module in pkgutil.walk_packages(domain.__path__, "domain."):
        importlib.import_module(module.name)
    found: set[type[Letter]] = set()
    pending = list(Letter.__subclasses__())
    while pending:
        kind = pending.pop()
        found.add(kind)
        pending.extend(kind.__subclasses__())
    return {kind for kind in found if kind.__module__.startswith("domain.")}


def test_every_letter_is_in_the_table_once_with_its_own_name() -> None:
    assert set(letters.ALL) == defined_letters()
    assert len({letter.name for letter in letters.ALL}) == len(letters.ALL)


@pytest.mark.parametrize("letter", letters.ALL, ids=lambda letter: letter.name)
def test_every_letter_renders_and_escapes_what_people_typed(letter: type[Letter]) -> None:
    rendered = filled(letter).render(AGENCY)
    assert rendered.subject.strip()
    assert rendered.text.strip()
    if rendered.html is not None:
        assert "<b>" not in rendered.html
        assert "&lt;b&gt;" in rendered.html or "O&#x27;Brien" in rendered.html
        assert "Harbour &lt;Care&gt;" in rendered.html


def test_times_in_letters_are_the_agencys_local_time() -> None:
    from domain.messaging.reminders import ShiftReminderToClient

    rendered = ShiftReminderToClient("Margaret Wilson", "Aisha Rahman", "Social support", MOMENT).render(
        AGENCY
    )
    assert "Saturday 28 November 2026 at 9:30 am" in rendered.text


@pytest.mark.parametrize("code", [language.code for language in LANGUAGES[1:]])
@pytest.mark.parametrize("letter", letters.ALL, ids=lambda letter: letter.name)
def test_every_letter_renders_in_every_language(letter: type[Letter], code: str) -> None:
    """A translation with a {field} the letter does not fill would raise here."""
    with use(code):
        rendered = filled(letter).render(AGENCY)
    assert rendered.subject.strip()
    assert rendered.text.strip()
    if rendered.html is not None:
        assert "<b>" not in rendered.html
