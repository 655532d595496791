"""Dates are typed the Australian way, dd/mm/yyyy, whatever the browser's language: text fields
that say so (never the browser's own date field), read by domain.validation.day."""

from datetime import date

import pytest
from nicegui.testing import User

from domain import validation
from tests.support.personas import Personas
from tests.support.ui import sign_in


def test_a_date_is_read_day_first() -> None:
    assert validation.day("05/11/2026") == date(2026, 11, 5)
    assert validation.day("5/1/2027") == date(2027, 1, 5)
    assert validation.day(" 2026-11-05 ") == date(2026, 11, 5)  # as addresses and the API carry it
    assert validation.day_as_typed(date(2027, 1, 5)) == "05/01/2027"


@pytest.mark.parametrize("typed", ["11/27/2026", "31/02/2026", "27-11-2026", "tomorrow", ""])
def test_anything_else_says_how_to_write_a_date(typed: str) -> None:
    with pytest.raises(ValueError, match=r"dd/mm/yyyy, like 27/11/2026"):
        validation.day(typed)


async def test_the_statement_dates_are_typed_dd_mm_yyyy(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/statements?start=2026-09-15&end=2026-10-20")
    await user.should_see("Statement for 15 September 2026 to 20 October 2026")
    with user:
        for mark, shown in (("start", "15/09/2026"), ("end", "20/10/2026")):
            [field] = user.find(marker=mark).elements
            assert field.value == shown
            assert field.props["type"] == "text"  # not the browser's own, locale-bound date field
            assert field.props["placeholder"] == "dd/mm/yyyy"
    user.find(marker="start").clear().type("01/09/2026")
    user.find(marker="end").clear().type("05/10/2026")
    user.find(marker="show-dates").click()
    await user.should_see("Statement for 1 September 2026 to 5 October 2026")


async def test_a_us_style_date_is_explained_and_nothing_is_shown_for_it(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/statements?start=09/15/2026&end=10/20/2026")
    await user.should_see("Please enter a date as dd/mm/yyyy, like 27/11/2026.")
    await user.should_see("Statement for October 2026")  # the usual statement instead
    await user.should_not_see("15 September 2026")


async def test_the_history_dates_are_typed_dd_mm_yyyy(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{portal_personas.client.client_id}/history")
    await user.should_see(marker="from")
    with user:
        for mark in ("from", "to"):
            [field] = user.find(marker=mark).elements
            assert field.props["type"] == "text"
            assert validation.day_as_typed(validation.day(field.value)) == field.value  # dd/mm/yyyy
