"""The demo client keeps their phone number up to date, in a real browser."""

import pytest
from nicegui.testing import Screen
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.support.browser import sign_in, tablet

pytestmark = pytest.mark.browser


def test_client_changes_phone_number_and_sees_it_after_reload(demo_portal: str, screen: Screen) -> None:
    tablet(screen)
    sign_in(screen, "margaret@example.com")
    screen.should_contain("Phone and e-mail")
    mobile = screen.selenium.find_element(By.XPATH, "//label[.//div[text()='Mobile phone']]//input")
    mobile.send_keys(Keys.CONTROL, "a")
    mobile.send_keys("0491 570 110")
    screen.click("Save phone and e-mail")
    screen.should_contain("Phone and e-mail saved.")
    screen.selenium.refresh()
    screen.should_contain_input("0491 570 110")
