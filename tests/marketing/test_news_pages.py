"""The news pages with NiceGUI's simulated user: the sidebar on the profile, the staff's list and
form, and who may open them."""

from nicegui.testing import User

from domain.accounts.access import Actor
from domain.marketing import items
from tests.support.personas import Personas
from tests.support.ui import sign_in


async def test_the_profile_shows_the_agencys_news_newest_first_marked_new(
    user: User, portal_personas: Personas
) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{portal_personas.client.client_id}/profile")
    await user.should_see("News from")
    await user.should_see("Welcome to your Care Portal")
    await user.should_see("Flu vaccinations are here")
    await user.should_see("New")
    user.find(marker="news-list").trigger(
        "toggle", _item_id(portal_personas.admin, "Staying cool in a heatwave")
    )
    await user.should_see("This link leaves the Care Portal")


async def test_a_carer_sees_the_items_of_the_client_they_act_for(
    user: User, portal_personas: Personas
) -> None:
    await sign_in(user, "daniel@example.com")
    await user.open(f"/clients/{portal_personas.cared_for('Thanh')}/profile")
    await user.should_see("Welcome to your Care Portal")


async def test_an_administrator_sees_the_items_and_their_form(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "admin@example.com")
    await user.open("/admin/news")
    await user.should_see("Summer newsletter")
    await user.should_see("Opened by 0 clients")
    await user.open("/admin/news/new")
    await user.should_see("Who sees it")
    user.find(marker="news-save").click()
    await user.should_see("Please give the item a title.")


async def test_roster_staff_without_the_communications_permission_cannot_open_the_news_pages(
    user: User, portal_personas: Personas
) -> None:
    await sign_in(user, "rosa@example.com")
    await user.open("/admin/news")
    await user.should_see(
        "Only administrators and staff with the communications permission can publish news."
    )


def _item_id(admin: Actor, title: str) -> int:
    return next(line.item_id for line in items.listing(admin) if line.title == title)
