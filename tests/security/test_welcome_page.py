"""Setting a password from an invitation link, on the page: a common one is refused at the field and
changes nothing; a good one signs the person in with a new session, and the old sessions end."""

import asyncio

from nicegui.testing import User

from domain.accounts import auth, sessions
from tests.support.personas import Personas
from tests.support.ui import eventually, sign_in


async def test_a_new_password_on_the_welcome_page_signs_in_afresh_and_ends_the_old_session(
    user: User, portal_personas: Personas
) -> None:
    await sign_in(user, "aisha@example.com")
    await user.should_see("Aisha")
    old = user.http_client.cookies["care_session"]
    link = await asyncio.to_thread(auth.invite, portal_personas.worker.account_id)

    await user.open(f"/welcome/{link}")
    user.find(marker="password").type("password1234")
    user.find(marker="repeated").type("password1234")
    user.find("Set my password").click()
    await user.should_see("one of the most common")
    assert await asyncio.to_thread(sessions.resume, old) is not None  # nothing changed

    user.find(marker="password").clear().type("a kettle on at ten")
    user.find(marker="repeated").clear().type("a kettle on at ten")
    user.find("Set my password").click()
    await eventually(lambda: user.http_client.cookies.get("care_session") != old, "a new session cookie")
    await user.should_see("Aisha")
    assert await asyncio.to_thread(sessions.resume, old) is None
    assert await asyncio.to_thread(sessions.resume, user.http_client.cookies["care_session"]) is not None
