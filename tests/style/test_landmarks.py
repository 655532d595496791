"""One <main> landmark per page (Quasar's page is it; the frame adds none of its own), in Chromium."""

import pytest
from nicegui.testing import Screen
from selenium.webdriver.common.by import By

from tests.support.browser import sign_in, tablet
from tests.support.personas import Personas

pytestmark = pytest.mark.browser
MAINS = "return document.querySelectorAll('main, [role=\"main\"]').length"


def mains_on(screen: Screen, path: str) -> int:
    screen.open(path)
    screen.wait_for(lambda: bool(screen.selenium.find_elements(By.CSS_SELECTOR, "#main h1")))
    return int(screen.selenium.execute_script(MAINS))


def test_each_page_has_one_main_landmark(demo_portal: str, screen: Screen, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    tablet(screen)
    counted = {"/login": mains_on(screen, "/login")}
    sign_in(screen, "margaret@example.com")
    for path in (f"/clients/{margaret}/profile", f"/clients/{margaret}/statements"):
        counted[path] = mains_on(screen, path)
    assert counted == dict.fromkeys(counted, 1)
    # The skip link still lands on the screen's own region (with its h1), inside the one <main>.
    assert screen.selenium.execute_script("return document.querySelector('main #main h1') !== null")
