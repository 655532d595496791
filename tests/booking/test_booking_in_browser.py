"""The whole booking flow in real headless Chromium at 768×1024: the demo client books a weekly
service with a worker she chooses; the worker accepts in the worker app; the client's confirmation
e-mail arrives at a real SMTP server; the Day Manager shows the visits allocated. Every screen is
photographed into screenshots/booking-flow/ (gitignored) and none scrolls sideways."""

import shutil
from datetime import date, time
from pathlib import Path

import pytest
from nicegui.testing import Screen
from selenium.common.exceptions import ElementClickInterceptedException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait
from sqlalchemy import select

from domain.booking import catalogue, requests
from domain.messaging import delivery
from domain.vocabulary import BookingStatus, Recurrence, ShiftStatus
from storage import db
from storage.models import Booking
from storage.queries import recipients
from tests.support.browser import (
    AXE,
    ROOT,
    axe_violations,
    describe,
    horizontal_overflow,
    sign_in,
    tablet,
    text_of,
    whole_list,
)
from tests.support.personas import Personas
from tests.support.records import shifts_of_booking
from tests.support.smtp import SmtpServer

pytestmark = pytest.mark.browser
PATIENCE_SECONDS = 60
AJAX_BAR_SHOWING = "return document.querySelectorAll('.q-loading-bar[role=progressbar]').length"
SCREENSHOTS = ROOT / "screenshots" / "booking-flow"


def settled(screen: Screen) -> None:
    """Quasar's loading bar shows while a request (e.g. a photo) is on its way: a moment, not the page."""
    WebDriverWait(screen.selenium, PATIENCE_SECONDS).until(
        lambda driver: driver.execute_script(AJAX_BAR_SHOWING) == 0
    )


class Camera:
    """Photographs each screen, and notes any that scroll sideways or break axe-core's WCAG 2.2 AA
    rules (serious or critical): every step of the flow is checked, not only its first page."""

    def __init__(self, screen: Screen, folder: Path) -> None:
        self.screen, self.folder, self.problems = screen, folder, []

    def take(self, name: str) -> None:
        tablet(self.screen)
        settled(self.screen)
        self.screen.selenium.save_screenshot(
            str(self.folder / f"{len(list(self.folder.iterdir())):02d}-{name}.png")
        )
        if (overflow := horizontal_overflow(self.screen)) > 0:
            self.problems.append(f"{name}: {overflow}px of sideways scrolling")
        if AXE.exists() and (found := axe_violations(self.screen)):
            self.problems.append(f"{name}:\n{describe(found)}")


def choose(screen: Screen, label: str, option: str) -> None:
    """Open the select with this label and tap one of its options."""
    field = screen.selenium.find_element(
        By.XPATH,
        f'//label[contains(@class, "q-field")][.//div[contains(@class, "q-field__label") and '
        f'normalize-space() = "{label}"]]',
    )
    field.find_element(By.CSS_SELECTOR, ".q-field__native").click()
    tap(screen, option)
    screen.wait_for(lambda: option in field.text)


def tap(screen: Screen, text: str) -> None:
    """Click, once nothing covers the target: a dialog's buttons are covered while it opens."""

    def clicked(_driver: object) -> bool:
        screen.find(text).click()
        return True

    WebDriverWait(
        screen.selenium, PATIENCE_SECONDS, ignored_exceptions=(ElementClickInterceptedException,)
    ).until(clicked)


def patiently(screen: Screen, text: str) -> None:
    """Wait for text that a search or a booking puts on the page (the work runs on the server)."""
    WebDriverWait(screen.selenium, PATIENCE_SECONDS).until(lambda _driver: text in text_of(screen))


def switch_to(screen: Screen, email: str) -> None:
    screen.selenium.delete_all_cookies()
    sign_in(screen, email)


def latest_booking(client_id: int) -> Booking:
    with db.read() as session:
        found = session.scalars(
            select(Booking).where(Booking.client_id == client_id).order_by(Booking.id.desc())
        ).first()
        assert found is not None
        return found


def test_a_weekly_booking_with_a_chosen_worker_is_accepted_confirmed_and_allocated(
    demo_portal: str, screen: Screen, smtp: SmtpServer, portal_personas: Personas
) -> None:
    margaret, aisha = portal_personas.client.client_id, portal_personas.worker.worker_id
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    camera = Camera(screen, SCREENSHOTS)
    tablet(screen)
    sign_in(screen, "margaret@example.com")
    screen.open(f"/clients/{margaret}/book")
    screen.should_contain("Book Personal care")
    camera.take("catalogue")
    tap(screen, "Book Personal care")
    screen.should_contain("When would you like Personal care?")
    choose(screen, "Date of the first visit", "Monday 7 December 2026")
    choose(screen, "Start time", "9:00 am")
    tap(screen, "Every week")
    camera.take("when")
    tap(screen, "Next")
    patiently(screen, "Who should do it?")
    camera.take("who")
    tap(screen, "Choose my worker")
    screen.should_contain("What matters to you in a worker?")
    camera.take("preferences")
    tap(screen, "Find a worker")
    whole_list(screen)
    camera.take("providers")
    tap(screen, "Choose Aisha Rahman")
    tap(screen, "Yes, ask Aisha Rahman")
    patiently(screen, "Your booking is sent")
    camera.take("confirmation")
    booking = latest_booking(margaret)
    assert booking.status == BookingStatus.OFFERED
    screen.open(f"/workers/{aisha}/reviews")
    patiently(screen, "Reviews of Aisha Rahman")
    camera.take("reviews")

    switch_to(screen, "aisha@example.com")
    screen.open("/worker")
    screen.should_contain("Offers waiting for you (1)")
    camera.take("worker-app")
    tap(screen, "Accept")
    patiently(screen, "Accepted: the shifts are yours.")
    screen.wait_for(lambda: latest_booking(margaret).status == BookingStatus.ALLOCATED)
    visits = shifts_of_booking(booking.number)
    assert len(visits) > 1
    assert {visit.status for visit in visits} == {ShiftStatus.ALLOCATED}

    delivery.dispatch(smtp.mailer(), holder="test")
    confirmations = [m for m in smtp.arrived if m.subject.startswith("Confirmed: your Personal care booking")]
    assert len(confirmations) == 1
    with db.read() as session:
        to = recipients.client(margaret, session=session)
    assert confirmations[0].recipients == [to.email]
    assert "Aisha Rahman has accepted" in confirmations[0].body("plain")

    switch_to(screen, "rosa@example.com")
    screen.open("/admin/day?day=2026-12-07&q=Wilson&show=allocated")
    screen.should_contain("Monday 7 December 2026")
    screen.should_contain(booking.number)
    assert "Aisha Rahman" in text_of(screen)
    camera.take("day-manager")
    assert not camera.problems, "\n".join(camera.problems)


@pytest.mark.parametrize("width", [360, 414])
def test_the_worker_app_fits_a_phone(
    demo_portal: str, screen: Screen, width: int, portal_personas: Personas
) -> None:
    margaret = portal_personas.client
    item = catalogue.catalogue(margaret, margaret.client_id)[0]
    wanted = requests.Wanted(
        margaret.client_id, item.approved_service_id, date(2026, 12, 7), time(9, 0), 60, Recurrence.WEEKLY
    )
    requests.nominate(margaret, wanted, portal_personas.worker.worker_id)  # an offer waiting for Aisha Rahman
    sign_in(screen, "aisha@example.com")
    screen.selenium.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True},
    )
    screen.open("/worker")
    patiently(screen, "Offers waiting for you (1)")
    screen.selenium.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True},
    )
    settled(screen)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screen.selenium.save_screenshot(str(SCREENSHOTS / f"worker-app-{width}px.png"))
    assert horizontal_overflow(screen) == 0
    if AXE.exists():
        assert not (found := axe_violations(screen)), describe(found)
