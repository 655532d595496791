"""Every navigation link a role sees leads to a page that role may open: for each standing persona,
every section link on every page reached through the links is followed, and none of them says
"You do not have access"."""

import pytest
from nicegui.testing import User

from domain.accounts import access
from domain.vocabulary import Role
from tests.support.personas import EMAILS
from tests.support.ui import seen, sign_in

NAV_PREFIX = "nav:"


def nav_paths(user: User) -> set[str]:
    """The addresses of the section links on the page as it is drawn now."""
    with user:
        return {
            marker.removeprefix(NAV_PREFIX)
            for element in user.client.layout.descendants()
            for marker in element._markers
            if marker.startswith(NAV_PREFIX)
        }


@pytest.mark.parametrize("persona", sorted(EMAILS))
async def test_every_section_link_a_role_sees_opens_for_that_role(user: User, persona: str) -> None:
    await sign_in(user, EMAILS[persona])
    await seen(user, "Sign out")  # the home page of the role, with its account menu
    to_visit = nav_paths(user)
    assert to_visit, f"{persona} sees no section links"
    visited: set[str] = set()
    while to_visit:
        path = to_visit.pop()
        visited.add(path)
        await user.open(path)
        await user.should_not_see("Not available")
        await user.should_not_see("You do not have access")
        to_visit |= nav_paths(user) - visited


def test_the_office_links_come_from_the_guards_table() -> None:
    """Whoever may not open a screen is not shown its link (the case manager and the Day Manager,
    the roster officer and the queries)."""
    assert not access.may_open(Role.CASE_MANAGER, "/admin/day")
    assert not access.may_open(Role.ROSTER, "/admin/queries")
    assert access.may_open(Role.ROSTER, "/admin/day")
    assert access.may_open(Role.CASE_MANAGER, "/admin/queries")


async def test_section_links_are_real_links_the_browser_follows_itself(user: User) -> None:
    await sign_in(user, EMAILS["client"])
    await seen(user, "Sign out")
    with user:
        links = [
            (marker.removeprefix(NAV_PREFIX), element)
            for element in user.client.layout.descendants()
            for marker in element._markers
            if marker.startswith(NAV_PREFIX)
        ]
    assert links
    for path, element in links:
        assert element.props.get("href") == path
        assert not element._event_listeners  # nothing kept on the server for a tap
