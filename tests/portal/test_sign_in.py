"""Signing in through the login page, as each role, and what stops it."""

import asyncio
from datetime import timedelta

import pytest
from nicegui.testing import User

from demo import DEMO_PASSWORD
from domain import clock
from domain.accounts import auth, passwords
from domain.errors import AccountLocked, SignInFailed
from tests.support.personas import Personas
from tests.support.ui import sign_in


async def test_client_lands_on_their_profile(user: User) -> None:
    await sign_in(user, "margaret@example.com")
    await user.should_see("Margaret Wilson")
    await user.should_see("Phone and e-mail")


async def test_wrong_password_says_so_and_stays_on_login(user: User) -> None:
    await sign_in(user, "margaret@example.com", "not-the-password")
    await user.should_see("That e-mail address and password do not match")
    await user.should_not_see("Phone and e-mail")


async def test_pages_need_a_session(user: User, portal_personas: Personas) -> None:
    await user.open(f"/clients/{portal_personas.client.client_id}/profile")
    await user.should_see("Sign in")
    await user.should_not_see("Margaret Wilson")


async def test_thirty_idle_minutes_end_the_session(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "margaret@example.com")
    await user.should_see("Phone and e-mail")
    clock.advance(timedelta(minutes=31))
    await user.open(f"/clients/{portal_personas.client.client_id}/profile")
    await user.should_see("signed out after 30 minutes without activity")


async def test_someone_guessing_a_password_locks_new_sign_ins_but_not_who_is_signed_in(
    user: User, portal_personas: Personas
) -> None:
    await sign_in(user, "margaret@example.com")
    await user.should_see("Phone and e-mail")
    for _ in range(passwords.MAX_FAILED_SIGN_INS):  # someone else, elsewhere, guessing her password
        with pytest.raises(SignInFailed):
            await asyncio.to_thread(auth.sign_in, "margaret@example.com", "not-the-password")
    with pytest.raises(AccountLocked):
        await asyncio.to_thread(auth.sign_in, "margaret@example.com", DEMO_PASSWORD)
    await user.open(f"/clients/{portal_personas.client.client_id}/profile")
    await user.should_see("Phone and e-mail")


async def test_five_wrong_passwords_lock_the_account_with_a_message(user: User) -> None:
    for _ in range(4):
        await sign_in(user, "george@example.com", "wrong password")
        await user.should_see("do not match")
    await sign_in(user, "george@example.com", "wrong password")
    await user.should_see("locked for 15 minutes after 5 failed sign-in attempts")
    await sign_in(user, "george@example.com")
    await user.should_see("locked for 15 minutes")
