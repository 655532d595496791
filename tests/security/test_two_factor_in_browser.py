"""Acceptance (issue 14): an administrator sets up two-step sign-in, signs out, and signs in with the
code; a wrong code is refused and counted towards the lockout. In real headless Chromium."""

import time
from collections.abc import Callable

import pyotp
import pytest
from nicegui.testing import Screen
from selenium.webdriver.common.by import By

from demo import DEMO_PASSWORD
from domain import clock
from tests.support import second_factor
from tests.support.browser import tablet, text_of, type_code

pytestmark = pytest.mark.browser


PATIENCE_SECONDS = 60.0  # a busy machine is slow, never wrong: waits by condition, no timing assertion


def until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + PATIENCE_SECONDS
    while not condition():
        assert time.monotonic() < deadline, "never happened"
        time.sleep(0.1)


def shows(screen: Screen, text: str) -> None:
    until(lambda: text in text_of(screen))


def password_step(screen: Screen) -> None:
    screen.open("/login")
    screen.find_by_css('input[type="email"]').send_keys("admin@example.com")
    screen.find_by_css('input[type="password"]').send_keys(DEMO_PASSWORD)
    screen.find_by_css("button.q-btn[class*='bg-primary']").click()


def test_an_administrator_enrols_signs_out_and_signs_in_with_the_code(
    demo_portal: str, screen: Screen
) -> None:
    tablet(screen)
    second_factor.take_away()  # as the demo agency's administrator on a fresh `make run`

    password_step(screen)
    until(lambda: screen.selenium.current_url.endswith("/account/two-factor"))
    shows(screen, "Please set it up now")
    screen.open("/admin")  # nothing else opens before it is set up
    until(lambda: screen.selenium.current_url.endswith("/account/two-factor"))

    secret = screen.selenium.find_element(By.ID, "two-factor-key").text.replace(" ", "")
    phone = pyotp.TOTP(secret)
    screen.find_by_css('input[autocomplete="one-time-code"]').send_keys(phone.at(clock.now()))
    screen.click("Confirm")
    shows(screen, "Your recovery codes")
    screen.click("I have kept them: continue")
    until(lambda: screen.selenium.current_url.endswith("/admin"))

    screen.click("Alex Morgan")
    screen.click("Sign out")
    until(lambda: "/login" in screen.selenium.current_url)

    password_step(screen)
    shows(screen, "six-digit code from your authenticator app")
    type_code(screen, "000000")
    shows(screen, "That code is not right")
    assert "/login" in screen.selenium.current_url
    assert second_factor.failed_sign_ins() == 1  # counted towards the lockout

    type_code(screen, second_factor.code(secret))
    until(lambda: screen.selenium.current_url.endswith("/admin"))
    shows(screen, "Alex Morgan")
    assert second_factor.failed_sign_ins() == 0
