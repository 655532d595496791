"""A client reads and prints a statement in a real browser at tablet size."""

import time
from pathlib import Path

import pytest
from nicegui.testing import Screen, screen_plugin
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from tests.support.browser import horizontal_overflow, sign_in, tablet
from tests.support.personas import Personas
from tests.support.records import package_reference

pytestmark = pytest.mark.browser


def downloaded(name: str) -> Path | None:
    folder = screen_plugin.DOWNLOAD_DIR
    assert folder is not None
    found = [path for path in folder.glob(name) if path.stat().st_size > 0]
    return found[0] if found else None


def click_in_view(screen: Screen, element: WebElement) -> None:
    """Scroll the element to the middle first: the fixed header would take a click near the top."""
    screen.selenium.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def test_client_chooses_last_month_and_saves_it_as_pdf(
    demo_portal: str, screen: Screen, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    saved_as = f"statement-{package_reference(margaret)}-2026-10.pdf"
    tablet(screen)
    sign_in(screen, "margaret@example.com")
    screen.open(f"/clients/{margaret}/statements")
    screen.should_contain("Statement for October 2026")  # the last full month opens first
    click_in_view(screen, screen.selenium.find_element(By.XPATH, "//label[.//div[text()='Month']]"))
    option = "//div[contains(@class, 'q-menu')]//*[text()='October 2026']"  # not the table's row
    screen.selenium.find_element(By.XPATH, option).click()
    click_in_view(screen, screen.find("Show this month"))
    screen.should_contain("Statement for October 2026")
    screen.should_contain("At the end of 31 October 2026 you had")
    assert horizontal_overflow(screen) <= 0
    click_in_view(screen, screen.find("Print / save as PDF"))
    deadline = time.monotonic() + 15
    while downloaded(saved_as) is None and time.monotonic() < deadline:
        screen.wait(0.2)
    pdf = downloaded(saved_as)
    assert pdf is not None
    assert pdf.read_bytes().startswith(b"%PDF")
