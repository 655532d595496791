"""Sessions kept in the database: cookie flags, lifetimes, signing out, and what ends every session."""

import asyncio
from datetime import timedelta

import httpx
import pytest
from nicegui import core
from nicegui.testing import User

from components import session
from demo import DEMO_PASSWORD
from domain import clock
from domain.accounts import api_tokens, auth, invitations, sessions
from domain.errors import NotAllowed, SignInFailed
from tests.support.personas import Personas
from tests.support.ui import sign_in


def begin(email: str, *, keep: bool = False) -> str:
    """Sign in as the login page does; the cookie token."""
    actor = auth.sign_in(email, DEMO_PASSWORD)
    return sessions.redeem(sessions.open_for(actor, keep=keep)).token


async def cookie_header(ticket: str) -> str:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(core.app), base_url="http://test") as browser:
        response = await browser.get(f"/session/begin?ticket={ticket}&next=/profile")
    assert response.status_code == 303
    assert response.headers["location"] == "/profile"
    [ours] = [c for c in response.headers.get_list("set-cookie") if c.startswith(f"{session.COOKIE}=")]
    return ours


async def test_the_cookie_is_httponly_samesite_lax_and_ends_with_the_browser(
    user: User, portal_personas: Personas
) -> None:
    ticket = await asyncio.to_thread(sessions.open_for, portal_personas.client)
    header = (await cookie_header(ticket)).lower()
    assert header.startswith("care_session=")
    flags = {flag.strip().split("=")[0]: flag.strip() for flag in header.split(";")[1:]}
    assert set(flags) == {"httponly", "samesite", "path"}  # no max-age: gone when the browser closes
    assert (flags["samesite"], flags["path"]) == ("samesite=lax", "path=/")  # and not secure: http here


async def test_over_https_the_cookie_is_secure_and_keep_me_signed_in_lasts_thirty_days(
    user: User, portal_personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session, "_secure", True)
    ticket = await asyncio.to_thread(sessions.open_for, portal_personas.client, keep=True)
    header = (await cookie_header(ticket)).lower()
    assert "secure" in header
    assert f"max-age={int(timedelta(days=30).total_seconds())}" in header


async def test_a_ticket_works_once(user: User, portal_personas: Personas) -> None:
    ticket = await asyncio.to_thread(sessions.open_for, portal_personas.client)
    await cookie_header(ticket)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(core.app), base_url="http://test") as browser:
        again = await browser.get(f"/session/begin?ticket={ticket}")
    assert again.headers["location"] == "/login"
    assert not [c for c in again.headers.get_list("set-cookie") if c.startswith(session.COOKIE)]


async def test_signing_out_ends_the_session_in_every_tab(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "margaret@example.com")
    await user.should_see("Phone and e-mail")
    token = user.http_client.cookies[session.COOKIE]
    assert await asyncio.to_thread(sessions.resume, token) is not None
    user.find(marker="sign-out").click()
    await user.should_see("Sign in")
    assert await asyncio.to_thread(sessions.resume, token) is None
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(core.app), base_url="http://test", cookies={session.COOKIE: token}
    ) as other_tab:
        response = await other_tab.get(f"/clients/{portal_personas.client.client_id}/profile")
    assert response.headers["location"].startswith("/login")


def test_staff_sessions_end_after_twelve_hours_however_busy(personas: Personas) -> None:
    token = begin("rosa@example.com", keep=True)  # "keep me signed in" is for a client's own tablet only
    for _ in range(35):  # busy all day: a click every 20 minutes
        clock.advance(timedelta(minutes=20))
        assert sessions.resume(token) is not None
    clock.advance(timedelta(minutes=20))  # 12 h 0 min
    assert sessions.resume(token) is None


def test_a_client_who_keeps_signed_in_stays_thirty_days_without_idle_expiry(personas: Personas) -> None:
    kept = begin("margaret@example.com", keep=True)
    normal = begin("george@example.com")
    clock.advance(timedelta(hours=2))
    assert sessions.resume(kept) is not None
    assert sessions.resume(normal) is None  # 30 idle minutes
    clock.advance(timedelta(days=29, hours=21))
    assert sessions.resume(kept) is not None
    clock.advance(timedelta(hours=2))
    assert sessions.resume(kept) is None


def test_sign_in_replaces_the_browsers_earlier_session(personas: Personas) -> None:
    first = begin("margaret@example.com")
    actor = auth.sign_in("margaret@example.com", DEMO_PASSWORD)
    second = sessions.redeem(sessions.open_for(actor), replacing=first).token
    assert second != first
    assert sessions.resume(first) is None
    assert sessions.resume(second) is not None


def test_a_new_password_ends_every_session_and_api_token_of_the_account(personas: Personas) -> None:
    browser = begin("aisha@example.com")
    other = begin("ben@example.com")
    token = api_tokens.issue("aisha@example.com", DEMO_PASSWORD).token
    link = auth.invite(personas.worker.account_id)
    auth.accept_invitation(link, "a brand new passphrase", "a brand new passphrase")
    assert sessions.resume(browser) is None
    with pytest.raises(SignInFailed):
        api_tokens.actor_for(token)
    assert sessions.resume(other) is not None  # nobody else's


def test_an_administrator_signs_an_account_out_everywhere(personas: Personas) -> None:
    browser = begin("aisha@example.com")
    token = api_tokens.issue("aisha@example.com", DEMO_PASSWORD).token
    with pytest.raises(NotAllowed):
        sessions.sign_out_everywhere(personas.roster, personas.worker.account_id)
    assert sessions.resume(browser) is not None
    sessions.sign_out_everywhere(personas.admin, personas.worker.account_id)
    assert sessions.resume(browser) is None
    with pytest.raises(SignInFailed):
        api_tokens.actor_for(token)


def test_switching_an_account_off_ends_its_sessions_and_tokens(personas: Personas) -> None:
    browser = begin("aisha@example.com")
    token = api_tokens.issue("aisha@example.com", DEMO_PASSWORD).token
    invitations.switch_off(personas.admin, personas.worker.account_id)
    assert sessions.resume(browser) is None
    with pytest.raises(SignInFailed):
        api_tokens.actor_for(token)
    with pytest.raises(SignInFailed):
        begin("aisha@example.com")


def test_a_lockout_does_not_end_the_sessions_already_open(personas: Personas) -> None:
    browser = begin("margaret@example.com")
    for _ in range(5):
        with pytest.raises(SignInFailed):
            auth.sign_in("margaret@example.com", "someone guessing")
    assert sessions.resume(browser) is not None
