"""Counts and lengths of time said in words with the right plural, the same on pages and in e-mails."""

import re

from nicegui.testing import User

from domain.vocabulary import count, duration, hours
from tests.style.pagetext import said
from tests.support.personas import Personas
from tests.support.ui import eventually, sign_in

ABBREVIATED = re.compile(r"\b\d+(\.\d+)? (h|min)\b|\(s\)")


def test_lengths_of_time_are_said_in_words() -> None:
    assert duration(120) == "2 hours"
    assert duration(60) == "1 hour"
    assert duration(90) == "1 hour 30 minutes"
    assert duration(45) == "45 minutes"
    assert duration(61) == "1 hour 1 minute"
    assert hours(150) == "1.5 hours"
    assert hours(100) == "1 hour"


def test_counts_take_the_right_plural() -> None:
    assert count(1, "visit") == "1 visit"
    assert count(2, "visit") == "2 visits"
    assert count(0, "visit") == "0 visits"
    assert count(3, "e-mail") == "3 e-mails"


async def test_the_services_page_says_hours_not_h(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{portal_personas.client.client_id}/services")
    await user.should_see("Billed (")
    user.find(marker="tab-billed").click()
    await eventually(lambda: any(text.endswith(" hours") for text in said(user)), "the billed visits")
    texts = said(user)
    assert any(re.fullmatch(r"\d+ hours?( \d+ minutes?)?|\d+ minutes", text) for text in texts)
    assert any(re.fullmatch(r"\d+(\.\d+)? hours?", text) for text in texts)  # the quantity billed
    assert not [text for text in texts if ABBREVIATED.search(text)]
