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
from tests.backoffice.test_workers_in_browser import providers_for_monday_9am
from tests.booking.test_booking_in_browser import patiently, tap
from tests.support.browser import (
    AXE,
    axe_violations,
    describe,
    horizontal_overflow,
    sign_in,
    tablet,
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
    """Book Personal care on Monday 7 December at 9 am, choosing the worker: up to the whole provider
    list; step 4 shows the agency's requirements, the same view as the Preferences page."""
    providers_for_monday_9am(screen, client_id, step_four="What the agency always requires")


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
