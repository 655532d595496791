"""The "Calendar feed" section on the profile (a client, a carer per linked client) and in the
worker app, and the address itself fetched as a phone's calendar does: with no session at all."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from nicegui import app, ui
from nicegui.testing import User

from demo import DEMO_PASSWORD
from tests.feeds.support import feed_rows, with_icalendar, with_vobject
from tests.support.personas import Personas
from tests.support.ui import eventually, sign_in


@asynccontextmanager
async def phone() -> AsyncIterator[httpx.AsyncClient]:
    """A calendar app: no cookie, no sign-in, just the address."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://test") as client:
        yield client


def shown_address(user: User) -> str:
    field = next(iter(user.find(marker="feed-address").elements))
    assert isinstance(field, ui.input)
    return str(field.value)


def path_of(address: str) -> str:
    return "/feeds/" + address.split("/feeds/", 1)[1]


async def signed_in(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    """The app's sign-in: a bearer token for these headers."""
    signed = await client.post("/api/v1/tokens", json={"email": email, "password": DEMO_PASSWORD})
    assert signed.status_code == 201, signed.text
    return {"Authorization": f"Bearer {signed.json()['token']}"}


async def turned_on(user: User, email: str, path: str, whose: str) -> str:
    """Signed in as `email` on `path`: the section names whose visits it is about and is off; it
    is turned on. The address shown."""
    await sign_in(user, email)
    await user.open(path)
    await user.should_see(f"Add {whose} to your phone's or computer's calendar")
    await user.should_see("The calendar feed is off")
    user.find(marker="feed-on").click()
    await user.should_see("Your calendar address")
    return shown_address(user)


async def no_feed_section(user: User, email: str, path: str, instead: str) -> None:
    await sign_in(user, email)
    await user.open(path)
    await user.should_see(instead)
    await user.should_not_see("Calendar feed")


async def fetch(address: str) -> httpx.Response:
    async with phone() as client:
        return await client.get(path_of(address))


async def test_a_client_turns_on_renews_and_turns_off_her_feed(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    first = await turned_on(user, "margaret@example.com", f"/clients/{margaret}/profile", "your visits")
    assert "/feeds/" in first
    assert first.endswith(".ics")

    served = await fetch(first)
    assert served.status_code == 200
    assert served.headers["content-type"] == "text/calendar; charset=utf-8"
    assert "no-store" in served.headers["cache-control"]
    assert "private" in served.headers["cache-control"]
    assert with_icalendar(served.content) == with_vobject(served.content)
    assert with_icalendar(served.content)

    user.find(marker="feed-new").click()
    await user.should_see("The old address no longer works")
    await eventually(lambda: shown_address(user) != first, "a new address is shown")
    second = shown_address(user)
    assert (await fetch(first)).status_code == 404
    assert (await fetch(second)).status_code == 200

    user.find(marker="feed-off").click()
    await user.should_see("Its address no longer works")
    await user.should_see("The calendar feed is off")
    assert (await fetch(second)).status_code == 404
    assert feed_rows() == []


async def test_an_unknown_and_a_revoked_address_get_the_same_answer(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    address = await turned_on(user, "margaret@example.com", f"/clients/{margaret}/profile", "your visits")
    user.find(marker="feed-off").click()
    await user.should_see("The calendar feed is off")
    revoked = await fetch(address)
    unknown = await fetch(address.rsplit("/", 1)[0] + "/not-a-real-feed-address.ics")
    assert revoked.status_code == unknown.status_code == 404
    assert revoked.content == unknown.content
    assert revoked.headers["content-type"] == unknown.headers["content-type"]
    assert "no-store" in unknown.headers["cache-control"]


async def test_a_carer_turns_on_the_feed_of_a_client_they_care_for(
    user: User, portal_personas: Personas
) -> None:
    thanh = portal_personas.cared_for("Thanh")
    address = await turned_on(user, "daniel@example.com", f"/clients/{thanh}/profile", "Thanh's visits")
    [row] = feed_rows()
    assert row.client_id == thanh
    assert row.account_id == portal_personas.carer.account_id
    served = await fetch(address)
    assert served.status_code == 200
    assert b"LOCATION" not in served.content


async def test_a_carer_is_refused_the_feed_of_a_client_they_are_not_linked_to(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    await no_feed_section(
        user, "daniel@example.com", f"/clients/{margaret}/profile", "You do not have access"
    )
    assert feed_rows() == []


async def test_staff_see_no_feed_on_a_clients_profile(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await no_feed_section(user, "chris@example.com", f"/clients/{margaret}/profile", "Emergency contacts")


async def test_a_worker_turns_on_a_feed_of_their_shifts_with_the_addresses(
    user: User, portal_personas: Personas
) -> None:
    served = await fetch(await turned_on(user, "aisha@example.com", "/worker", "your shifts"))
    assert served.status_code == 200
    events = with_icalendar(served.content).values()
    assert events
    assert all(event.location for event in events)
    [row] = feed_rows()
    assert row.worker_id == portal_personas.worker.worker_id
    assert row.client_id is None


async def test_the_worker_app_api_turns_the_feed_on_and_off(user: User, portal_personas: Personas) -> None:
    async with phone() as client:
        bearer = await signed_in(client, "aisha@example.com")
        assert (await client.get("/api/v1/feed", headers=bearer)).json()["on"] is False
        made = await client.post("/api/v1/feed", headers=bearer)
        assert made.status_code == 200
        address = made.json()["address"]
        assert (await client.get(path_of(address))).status_code == 200
        assert (await client.get("/api/v1/feed", headers=bearer)).json()["on"] is True
        assert (await client.delete("/api/v1/feed", headers=bearer)).status_code == 204
        assert (await client.get(path_of(address))).status_code == 404


async def test_a_client_has_no_worker_feed_through_the_api(user: User, portal_personas: Personas) -> None:
    async with phone() as client:
        bearer = await signed_in(client, "margaret@example.com")
        assert (await client.post("/api/v1/feed", headers=bearer)).status_code == 403
    assert feed_rows() == []
