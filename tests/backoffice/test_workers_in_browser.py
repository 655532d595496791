"""The back office's promise, in real headless Chromium: an administrator adds a worker through the
pages — details and home address, a police check, the week's availability — and the worker is at
once in a client's provider list for a matching slot; set the police check to have expired, and the
worker is gone from the list."""

import re

import pytest
from nicegui.testing import Screen
from selenium.common.exceptions import ElementClickInterceptedException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.wait import WebDriverWait

from tests.support.browser import sign_in, tablet, text_of, whole_list
from tests.support.personas import Personas

pytestmark = pytest.mark.browser
PATIENCE_SECONDS = 60
NEW_WORKER = "Priya Sharma"


def field(screen: Screen, label: str) -> WebElement:
    """The input (or textarea) of the Quasar field with exactly this label."""
    return screen.selenium.find_element(
        By.XPATH,
        f'//label[contains(@class, "q-field")][.//div[contains(@class, "q-field__label") and '
        f'normalize-space() = "{label}"]]//*[self::input or self::textarea]',
    )


def enter(screen: Screen, label: str, text: str) -> None:
    box = field(screen, label)
    box.send_keys(Keys.CONTROL, "a")  # clear() would not tell Vue the field changed
    box.send_keys(Keys.DELETE)
    box.send_keys(text)
    WebDriverWait(
        screen.selenium, PATIENCE_SECONDS, ignored_exceptions=(StaleElementReferenceException,)
    ).until(lambda _driver: field(screen, label).get_attribute("value") == text)


def choose(screen: Screen, label: str, option: str) -> None:
    """Open the select with this label and tap one of its options."""
    at = (
        f'//label[contains(@class, "q-field")][.//div[contains(@class, "q-field__label") and '
        f'normalize-space() = "{label}"]]'
    )
    tap(screen, label, xpath=at + '//*[contains(@class, "q-field__native")]')
    tap(screen, option, xpath=f'//div[contains(@class, "q-item")][normalize-space() = "{option}"]')
    WebDriverWait(
        screen.selenium, PATIENCE_SECONDS, ignored_exceptions=(StaleElementReferenceException,)
    ).until(lambda driver: option in driver.find_element(By.XPATH, at).text)


def tick(screen: Screen, label: str) -> None:
    tap(screen, label, xpath=f'//div[@role="checkbox"][normalize-space() = "{label}"]')
    screen.wait_for(
        lambda: (
            screen.selenium.find_element(
                By.XPATH, f'//div[@role="checkbox"][normalize-space() = "{label}"]'
            ).get_attribute("aria-checked")
            == "true"
        )
    )


def tap(screen: Screen, text: str, *, xpath: str | None = None) -> None:
    """Click, once nothing covers the target (a menu or a dialog is opening)."""

    def clicked(_driver: object) -> bool:
        target = screen.selenium.find_element(By.XPATH, xpath) if xpath else screen.find(text)
        # Mid-screen: at the top, the page's fixed header would take the tap.
        screen.selenium.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
        target.click()
        return True

    WebDriverWait(
        screen.selenium,
        PATIENCE_SECONDS,
        ignored_exceptions=(ElementClickInterceptedException, StaleElementReferenceException),
    ).until(clicked)


def patiently(screen: Screen, text: str) -> None:
    WebDriverWait(screen.selenium, PATIENCE_SECONDS).until(lambda _driver: text in text_of(screen))


def providers_for_monday_9am(
    screen: Screen, margaret: int, step_four: str = "What matters to you in a worker?"
) -> str:
    """Margaret books Personal care for Monday 7 December 2026 at 9 am and chooses her worker:
    the text of the provider list's first page (the best suited ten, and how many can do it).
    `step_four`: words the wishes step must show before "Find a worker" is tapped."""
    screen.open(f"/clients/{margaret}/book")
    tap(screen, "Book Personal care")
    screen.should_contain("When would you like Personal care?")
    choose(screen, "Date of the first visit", "Monday 7 December 2026")
    choose(screen, "Start time", "9:00 am")
    tap(screen, "Next")
    patiently(screen, "Who should do it?")
    tap(screen, "Choose my worker")
    screen.should_contain(step_four)
    tap(screen, "Find a worker")
    return whole_list(screen)


def how_many(listed: str) -> int:
    found = re.search(r"(\d+) workers? can do it", listed)
    assert found is not None, listed
    return int(found.group(1))


def test_a_worker_added_through_the_pages_is_offered_until_their_police_check_expires(
    demo_portal: str, screen: Screen, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    tablet(screen)
    screen.open("/login", timeout=PATIENCE_SECONDS)  # the portal starts: slow on a busy machine
    sign_in(screen, "admin@example.com")
    screen.open("/admin/workers")
    patiently(screen, "Expiring in the next 30 days")
    tap(screen, "Add a worker")
    patiently(screen, "Their competencies, availability and leave are added on the next page.")
    for label, text in {
        "First name": "Priya",
        "Last name": "Sharma",
        "Staff number": "W9001",
        "Date of birth": "14/2/1990",
        "Started on": "1/11/2026",
        "Mobile phone": "0412 345 678",
        "E-mail address": "priya@example.com",
        "Street address": "10 Illawarra Road",
        "Suburb": "Marrickville",
        "Postcode": "2204",
        "Cost to the agency ($ an hour)": "45.50",
    }.items():
        enter(screen, label, text)
    choose(screen, "Gender", "Female")
    choose(screen, "State", "NSW")
    tap(screen, "Add this worker")
    patiently(screen, "Weekly availability")
    assert "/admin/workers/" in screen.selenium.current_url
    assert NEW_WORKER in text_of(screen)

    tick(screen, "National police check")
    enter(screen, "National police check: last valid day", "30/6/2028")
    tick(screen, "First aid")
    enter(screen, "First aid: last valid day", "31/3/2028")
    tick(screen, "Cert III Individual Support")
    tap(screen, "Save competencies")
    patiently(screen, "Competencies saved.")
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        enter(screen, day, "6:00-20:00")
    tap(screen, "Save availability")
    patiently(screen, "Availability saved.")
    worker_page = screen.selenium.current_url

    screen.selenium.delete_all_cookies()
    sign_in(screen, "margaret@example.com")
    with_her = providers_for_monday_9am(screen, margaret)
    assert NEW_WORKER in with_her  # all Margaret wishes for, and nearest: on the first page

    screen.selenium.delete_all_cookies()
    sign_in(screen, "admin@example.com")
    screen.selenium.get(worker_page)
    patiently(screen, "Weekly availability")
    enter(screen, "National police check: last valid day", "26/11/2026")  # yesterday
    tap(screen, "Save competencies")
    patiently(screen, "Competencies saved.")

    screen.selenium.delete_all_cookies()
    sign_in(screen, "margaret@example.com")
    without_her = providers_for_monday_9am(screen, margaret)
    assert NEW_WORKER not in without_her
    assert how_many(without_her) == how_many(with_her) - 1
