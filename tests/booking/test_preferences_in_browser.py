"""In real headless Chromium at 768×1024 (issue 18): the client blocks a worker from a past visit on
the Preferences page; that worker is no longer in her provider list when she books; unblocking
brings them back. The Preferences page itself passes axe-core and does not scroll sideways."""

import pytest
from nicegui.testing import Screen
from selenium.webdriver.common.by import By
from sqlalchemy import select

from domain.vocabulary import ClientWorkerRelation
from storage import db
from storage.models import ClientWorker
from tests.booking.test_booking_in_browser import choose, patiently, tap
from tests.support.browser import (
    AXE,
    axe_violations,
    describe,
    horizontal_overflow,
    sign_in,
    tablet,
    whole_list,
)
from tests.support.personas import Personas

pytestmark = pytest.mark.browser


def relation(client_id: int, worker_id: int) -> ClientWorkerRelation | None:
    with db.read() as session:
        return session.scalar(
            select(ClientWorker.relation).where(
                ClientWorker.client_id == client_id, ClientWorker.worker_id == worker_id
            )
        )


def press(screen: Screen, label: str) -> None:
    """A button known by its accessible name (several say just "Block")."""
    screen.wait_for(lambda: screen.selenium.find_elements(By.CSS_SELECTOR, f'button[aria-label="{label}"]'))
    screen.selenium.find_element(By.CSS_SELECTOR, f'button[aria-label="{label}"]').click()


def providers_for_a_visit(screen: Screen, client_id: int) -> None:
    """Book Personal care on Monday 7 December at 9 am, choosing the worker: up to the provider list."""
    screen.open(f"/clients/{client_id}/book")
    tap(screen, "Book Personal care")
    screen.should_contain("When would you like Personal care?")
    choose(screen, "Date of the first visit", "Monday 7 December 2026")
    choose(screen, "Start time", "9:00 am")
    tap(screen, "Next")
    patiently(screen, "Who should do it?")
    tap(screen, "Choose my worker")
    screen.should_contain("What the agency always requires")  # step 4 shows the same view
    tap(screen, "Find a worker")
    whole_list(screen)


def test_blocking_a_past_worker_takes_them_off_the_provider_list_until_unblocked(
    demo_portal: str, screen: Screen, portal_personas: Personas
) -> None:
    margaret, aisha = portal_personas.client.client_id, portal_personas.worker.worker_id
    tablet(screen)
    sign_in(screen, "margaret@example.com")
    providers_for_a_visit(screen, margaret)
    screen.should_contain("Choose Aisha Rahman")  # her past (and preferred) worker is listed first

    screen.open(f"/clients/{margaret}/preferences")
    patiently(screen, "Workers who visited you")
    tablet(screen)
    assert AXE.exists(), f"axe-core is not installed at {AXE}"
    found = axe_violations(screen)
    assert not found, describe(found)
    assert horizontal_overflow(screen) <= 0
    press(screen, "Block Aisha Rahman")
    screen.should_contain("Block Aisha Rahman?")
    tap(screen, "Yes, block Aisha Rahman")
    screen.wait_for(lambda: relation(margaret, aisha) == ClientWorkerRelation.BLOCKED)

    providers_for_a_visit(screen, margaret)
    screen.should_not_contain("Choose Aisha Rahman")

    screen.open(f"/clients/{margaret}/preferences")
    patiently(screen, "Workers you have blocked")
    press(screen, "Unblock Aisha Rahman")
    screen.should_contain("Unblock Aisha Rahman?")
    tap(screen, "Yes, unblock Aisha Rahman")
    screen.wait_for(lambda: relation(margaret, aisha) is None)

    providers_for_a_visit(screen, margaret)
    screen.should_contain("Choose Aisha Rahman")
