"""Messages that say what to do next: an empty sign-in asks for what is missing, and counts for nothing."""

import asyncio
from datetime import date

import pytest
from nicegui.testing import User
from sqlalchemy import select

from domain.accounts import auth
from domain.errors import InvalidInput
from domain.statements import periods
from storage import db
from storage.models import Account
from tests.support.personas import Personas


def failed_logins(email: str) -> int:
    with db.read() as session:
        return session.scalar(select(Account.failed_logins).where(Account.email == email)) or 0


def test_an_empty_sign_in_names_each_missing_field(personas: Personas) -> None:
    with pytest.raises(InvalidInput) as empty:
        auth.sign_in("", "")
    assert empty.value.fields == {"email": "Enter your e-mail address.", "password": "Enter your password."}
    with pytest.raises(InvalidInput) as no_password:
        auth.sign_in("margaret@example.com", "")
    assert no_password.value.fields == {"password": "Enter your password."}
    assert failed_logins("margaret@example.com") == 0  # not an attempt: nothing counted


async def test_the_login_page_asks_for_what_is_missing(user: User, portal_personas: Personas) -> None:
    await user.open("/login")
    user.find(marker="sign-in").click()
    await user.should_see("Enter your e-mail address.")
    await user.should_see("Enter your password.")
    await user.should_not_see("do not match")
    user.find(marker="email").type("margaret@example.com")
    user.find(marker="sign-in").click()
    await user.should_see("Enter your password.")
    await user.should_not_see("Enter your e-mail address.")
    assert await asyncio.to_thread(failed_logins, "margaret@example.com") == 0


def test_a_statement_opens_on_the_last_full_month() -> None:
    today = date(2026, 12, 1)
    assert periods.choose(None, None, None, today, date(2025, 7, 1)).label == "November 2026"
    assert periods.choose(None, None, None, date(2027, 1, 3), None).label == "December 2026"
    # A package that began this month has no full month yet: this month so far.
    assert periods.choose(None, None, None, today, date(2026, 12, 1)).so_far
    assert periods.choose("2026-12", None, None, today, date(2025, 7, 1)).so_far  # still one choice away
