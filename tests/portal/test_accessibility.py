"""Every page passes axe-core's WCAG 2.2 AA rules (no serious or critical violation) at tablet
size, without sideways scrolling."""

import pytest
from nicegui.testing import Screen

from tests.support.browser import AXE, axe_violations, describe, horizontal_overflow, sign_in, tablet

pytestmark = pytest.mark.browser

PAGES_BY_PERSONA = {
    None: ["/login", "/welcome/not-a-real-token"],
    "margaret@example.com": [
        "/clients/1/profile",
        "/clients/2/profile",  # someone else's
        "/clients/1/calendar",
        "/clients/1/calendar?view=week&day=2026-11-23",
        "/clients/1/history",
        "/clients/1/services?tab=accepted",
        "/clients/1/services?tab=billed",
        "/clients/1/statements",
        "/clients/1/statements?month=2026-10",
        "/clients/2/statements",  # someone else's
        "/clients/1/book",  # the booking flow's other steps are checked in tests/booking_pages
        "/clients/2/book",  # someone else's
        "/workers/1/reviews",
    ],
    "daniel@example.com": [
        "/profile",
        "/clients/3/calendar",
        "/clients/4/statements?start=2026-09-01&end=2026-11-20",
        "/clients/3/book",
    ],
    "aisha@example.com": ["/worker"],
    "rosa@example.com": ["/admin", "/admin/day", "/admin/day?day=2026-12-07&show=unallocated"],
    "chris@example.com": ["/admin/queries"],
    "admin@example.com": ["/admin/settings", "/admin/accounts"],
}


@pytest.fixture
def axe_ready() -> None:
    if not AXE.exists():
        from tests.conftest import missing

        missing(f"axe-core is not installed at {AXE} (make test installs it with npm)")


@pytest.mark.parametrize("email", list(PAGES_BY_PERSONA))
def test_pages_pass_axe_at_tablet_size(
    axe_ready: None, demo_portal: str, screen: Screen, email: str | None
) -> None:
    tablet(screen)
    if email:
        sign_in(screen, email)
    failures = []
    for path in PAGES_BY_PERSONA[email]:
        screen.open(path)
        tablet(screen)
        found = axe_violations(screen)
        if found:
            failures.append(f"{path}:\n{describe(found)}")
        overflow = horizontal_overflow(screen)
        if overflow > 0:
            failures.append(f"{path}: {overflow}px of sideways scrolling at 768×1024")
    assert not failures, "\n".join(failures)


def test_the_check_finds_a_violation_when_there_is_one(
    axe_ready: None, demo_portal: str, screen: Screen
) -> None:
    """Guards the guard: text at 1.6:1 contrast and an unlabelled button must be reported."""
    screen.open("/login")
    screen.selenium.execute_script(
        "const p = document.createElement('p'); p.textContent = 'Faint text'; p.style.color = '#cccccc';"
        "document.querySelector('main').appendChild(p);"
        "const b = document.createElement('button'); document.querySelector('main').appendChild(b);"
    )
    found = {violation["id"] for violation in axe_violations(screen)}
    assert {"color-contrast", "button-name"} <= found
