"""Rate limits on sign-in, API tokens and invitations, per address and per account, counted in the
database (so every process of the portal shares them), answered with 429 and Retry-After."""

import asyncio
from datetime import timedelta

import httpx
import pytest
from nicegui import core
from nicegui.testing import User

from demo import DEMO_PASSWORD
from domain import clock
from domain.accounts import auth, rate_limits
from domain.errors import SignInFailed, TooManyAttempts
from tests.support.personas import Personas
from tests.support.ui import sign_in


def test_sign_ins_from_one_address_are_limited_whoever_they_are_for(personas: Personas) -> None:
    emails = [f"nobody{n}@example.com" for n in range(rate_limits.SIGN_IN_PER_ADDRESS.attempts)]
    for email in emails:  # someone trying many accounts from one place
        with pytest.raises(SignInFailed):
            auth.sign_in(email, "guess", address="203.0.113.7")
    with pytest.raises(TooManyAttempts) as refused:
        auth.sign_in("margaret@example.com", DEMO_PASSWORD, address="203.0.113.7")
    assert 0 < refused.value.retry_after <= 15 * 60
    assert "too many attempts" in refused.value.message
    assert auth.sign_in("margaret@example.com", DEMO_PASSWORD, address="198.51.100.1")  # elsewhere: fine
    clock.advance(timedelta(seconds=refused.value.retry_after))
    assert auth.sign_in("margaret@example.com", DEMO_PASSWORD, address="203.0.113.7")


def test_sign_ins_for_one_account_are_limited_from_every_address(personas: Personas) -> None:
    for n in range(rate_limits.SIGN_IN_PER_ACCOUNT.attempts):
        try:
            auth.sign_in("george@example.com", DEMO_PASSWORD, address=f"203.0.113.{n}")
        except SignInFailed:
            pytest.fail("a right password within the limit")
    with pytest.raises(TooManyAttempts):
        auth.sign_in("George@Example.com ", DEMO_PASSWORD, address="198.51.100.99")


def test_the_count_is_kept_in_the_database(personas: Personas) -> None:
    """What another process of the portal counted counts here too: nothing is kept in memory."""
    key = (rate_limits.Limit("test", 2, timedelta(minutes=15)), "198.51.100.5")
    rate_limits.check(key)
    rate_limits.check(key)
    with pytest.raises(TooManyAttempts):
        rate_limits.check(key)


async def test_the_token_endpoint_answers_429_with_retry_after(user: User, portal_personas: Personas) -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(core.app), base_url="http://test") as app:
        body = {"email": "aisha@example.com", "password": "wrong guess"}
        answers = [
            (await app.post("/api/v1/tokens", json=body)).status_code
            for _ in range(rate_limits.TOKEN_PER_ACCOUNT.attempts)
        ]
        assert set(answers) <= {401, 423}
        refused = await app.post("/api/v1/tokens", json={**body, "password": DEMO_PASSWORD})
    assert refused.status_code == 429
    assert 0 < int(refused.headers["retry-after"]) <= 15 * 60
    assert "too many attempts" in refused.json()["detail"]


async def test_the_login_page_says_to_wait(user: User, portal_personas: Personas) -> None:
    for n in range(rate_limits.SIGN_IN_PER_ADDRESS.attempts):
        await asyncio.to_thread(_fail, f"someone{n}@example.com")
    await sign_in(user, "margaret@example.com")
    await user.should_see("too many attempts from here in a short time")
    await user.should_not_see("Phone and e-mail")


def _fail(email: str) -> None:
    """A wrong sign-in from the address the simulated browser has."""
    with pytest.raises(SignInFailed):
        auth.sign_in(email, "guess", address="127.0.0.1")  # httpx ASGITransport's client address
