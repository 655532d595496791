"""Each role lands on its own home, and nobody reaches another person's records by changing a URL."""

import pytest
from nicegui.testing import User

from tests.support.personas import Personas
from tests.support.ui import sign_in


@pytest.mark.parametrize(
    ("email", "home_text"),
    [
        ("margaret@example.com", "Phone and e-mail"),
        ("daniel@example.com", "Acting for"),
        ("aisha@example.com", "My shifts"),
        ("rosa@example.com", "Addresses to check"),
        ("chris@example.com", "Addresses to check"),
        ("admin@example.com", "Addresses to check"),
    ],
)
async def test_each_role_lands_on_its_own_home(user: User, email: str, home_text: str) -> None:
    await sign_in(user, email)
    await user.should_see(home_text)


async def test_a_client_cannot_open_another_clients_profile(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{portal_personas.other_client.client_id}/profile")
    await user.should_see("You do not have access")
    await user.should_not_see("Papadopoulos")


async def test_a_client_cannot_fetch_another_clients_photo(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "margaret@example.com")
    own = await user.http_client.get(f"/media/clients/{portal_personas.client.client_id}/photo")
    assert own.status_code == 200
    assert own.headers["content-type"] == "image/png"
    other = await user.http_client.get(f"/media/clients/{portal_personas.other_client.client_id}/photo")
    assert other.status_code == 404
    missing = await user.http_client.get("/media/clients/99999/photo")
    assert missing.status_code == 404


async def test_photos_need_a_session(user: User, portal_personas: Personas) -> None:
    margarets_photo = f"/media/clients/{portal_personas.client.client_id}/photo"
    response = await user.http_client.get(margarets_photo, follow_redirects=False)
    assert response.status_code in (302, 307)
    assert response.headers["location"].startswith("/login")


async def test_a_carer_switches_between_their_clients_only(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "daniel@example.com")
    await user.should_see("Bích Nguyễn")
    switcher = user.find(marker="client-switcher").elements.pop()
    assert sorted(switcher.options.values()) == ["Bích Nguyễn", "Thanh Nguyễn"]
    await user.open(f"/clients/{portal_personas.client.client_id}/profile")  # not linked to Daniel
    await user.should_see("You do not have access")
    await user.should_not_see("Margaret")


async def test_a_support_worker_cannot_open_a_client_profile(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "aisha@example.com")
    await user.open(f"/clients/{portal_personas.client.client_id}/profile")
    await user.should_see("You do not have access")


async def test_a_client_cannot_open_the_office_pages(user: User) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open("/admin")
    await user.should_see("You do not have access")
    await user.open("/worker")
    await user.should_see("You do not have access")


async def test_signing_out_ends_the_session(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "margaret@example.com")
    user.find(marker="account-menu").click()
    user.find(marker="sign-out").click()
    await user.should_see("Sign in")
    await user.open(f"/clients/{portal_personas.client.client_id}/profile")
    await user.should_see("Sign in")
    await user.should_not_see("Phone and e-mail")
