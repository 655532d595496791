"""Issue 14's findings 1 and 2, tried as the attacker did, over HTTP against the running portal:
a cookie picked up before sign-in, and old access that outlived a new password. Both failed before
sessions were kept in the database (this file was run against the code before the fix first)."""

import asyncio

import httpx
from nicegui import core
from nicegui.testing import User

from demo import DEMO_PASSWORD
from domain.accounts import auth
from tests.support.personas import Personas
from tests.support.ui import sign_in


def portal(cookies: dict[str, str] | None = None) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(core.app), base_url="http://test", cookies=cookies)


def cookies_of(user: User) -> dict[str, str]:
    return {cookie.name: cookie.value for cookie in user.http_client.cookies.jar}


async def opens_profile(cookies: dict[str, str], client_id: int) -> bool:
    async with portal(cookies) as browser:
        response = await browser.get(f"/clients/{client_id}/profile")
    return response.status_code == 200 and "Phone and e-mail" in response.text


async def test_a_cookie_taken_from_the_login_page_does_not_open_the_profile_after_sign_in(
    user: User, portal_personas: Personas
) -> None:
    await user.open("/login")
    taken = cookies_of(user)  # someone copies the shared tablet's cookies before Margaret signs in
    await sign_in(user, "margaret@example.com")
    await user.should_see("Phone and e-mail")
    margaret = portal_personas.client.client_id
    assert await opens_profile(cookies_of(user), margaret)  # her own browser is signed in
    assert not await opens_profile(taken, margaret)


async def test_a_new_password_ends_the_old_browser_session_and_api_token(
    user: User, portal_personas: Personas
) -> None:
    await sign_in(user, "aisha@example.com")
    await user.should_see("Aisha")
    browser_before = cookies_of(user)
    async with portal() as app:
        issued = await app.post(
            "/api/v1/tokens", json={"email": "aisha@example.com", "password": DEMO_PASSWORD}
        )
        assert issued.status_code == 201
        old_token = {"Authorization": f"Bearer {issued.json()['token']}"}
        assert (await app.get("/api/v1/shifts", headers=old_token)).status_code == 200
        link = await asyncio.to_thread(auth.invite, portal_personas.worker.account_id)  # "Send a new link"
        await asyncio.to_thread(
            auth.accept_invitation, link, "a brand new passphrase", "a brand new passphrase"
        )
        assert (await app.get("/api/v1/shifts", headers=old_token)).status_code == 401
    async with portal(browser_before) as browser:
        response = await browser.get("/worker")
    assert response.status_code in (302, 303, 307)
    assert response.headers["location"].startswith("/login")
