"""The calendar feed section in a real browser at tablet size and at 200 % zoom, with the address
shown (the state the page-wide accessibility check never reaches): axe-core's WCAG 2.2 AA rules, no
sideways scrolling, and the address a phone would fetch."""

import pytest
from nicegui.testing import Screen
from selenium.webdriver.common.by import By

from tests.portal.test_accessibility import ZOOMED, axe_ready  # noqa: F401 - the fixture
from tests.support.browser import page_problems, sign_in, tablet
from tests.support.layout import settled, sized

pytestmark = pytest.mark.browser


def _turned_on(screen: Screen) -> str:
    screen.click("Turn on the calendar feed")
    screen.should_contain("Your calendar address")
    field = screen.selenium.find_element(By.XPATH, "//label[.//div[text()='Your calendar address']]//input")
    return str(field.get_attribute("value"))


def test_a_client_turns_the_feed_on_at_tablet_size_and_at_200_percent(
    axe_ready: None,  # noqa: F811 - the fixture
    demo_portal: str,
    screen: Screen,
) -> None:
    tablet(screen)
    sign_in(screen, "margaret@example.com")
    screen.should_contain("Calendar feed")
    address = _turned_on(screen)
    assert "/feeds/" in address
    assert address.endswith(".ics")
    problems = page_problems(screen, "profile, feed on", "768×1024")
    sized(screen, ZOOMED)
    settled(screen)
    problems += page_problems(screen, "profile, feed on", "384×512")
    assert not problems, "\n".join(problems)


def test_a_worker_turns_the_feed_on_in_the_worker_app(
    axe_ready: None,  # noqa: F811 - the fixture
    demo_portal: str,
    screen: Screen,
) -> None:
    tablet(screen)
    sign_in(screen, "aisha@example.com")
    screen.open("/worker")
    tablet(screen)
    screen.should_contain("Calendar feed")
    assert _turned_on(screen).endswith(".ics")
    assert not page_problems(screen, "/worker, feed on", "768×1024")
