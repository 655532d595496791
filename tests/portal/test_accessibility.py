"""Every page passes axe-core's WCAG 2.2 AA rules (no serious or critical violation) at tablet
size, without sideways scrolling; the clients' pages also at 200 % zoom (a 384×512 viewport)."""

import pytest
from nicegui.testing import Screen

from tests.support.browser import AXE, axe_violations, page_problems, problems_on_each, sign_in, tablet
from tests.support.layout import settled, sized
from tests.support.personas import Personas

pytestmark = pytest.mark.browser

# {margaret}, {george}, {thanh}, {bich} are client ids and {aisha} a worker id, from the personas.
PAGES_BY_PERSONA = {
    None: ["/login", "/welcome/not-a-real-token"],
    "margaret@example.com": [
        "/clients/{margaret}/profile",
        "/clients/{george}/profile",  # someone else's
        "/clients/{margaret}/calendar",
        "/clients/{margaret}/calendar?view=week&day=2026-11-23",
        "/clients/{margaret}/history",
        "/clients/{margaret}/services?tab=accepted",
        "/clients/{margaret}/services?tab=billed",
        "/clients/{margaret}/statements",
        "/clients/{margaret}/statements?month=2026-10",
        "/clients/{george}/statements",  # someone else's
        "/clients/{margaret}/book",  # the booking flow's other steps are checked in tests/booking
        "/clients/{george}/book",  # someone else's
        "/clients/{margaret}/preferences",
        "/workers/{aisha}/reviews",
    ],
    "daniel@example.com": [
        "/profile",
        "/clients/{thanh}/calendar",
        "/clients/{bich}/statements?start=2026-09-01&end=2026-11-20",
        "/clients/{thanh}/book",
        "/clients/{bich}/preferences",
    ],
    "sophie@example.com": [  # a carer set to view only, without statements: what she sees instead
        "/clients/{margaret}/profile",
        "/clients/{margaret}/book",
        "/clients/{margaret}/preferences",
        "/clients/{margaret}/services?tab=completed",
        "/clients/{margaret}/statements",
    ],
    "aisha@example.com": ["/worker"],
    "rosa@example.com": ["/admin", "/admin/day", "/admin/day?day=2026-12-07&show=unallocated"],
    "chris@example.com": ["/admin/queries"],
    "admin@example.com": [
        "/admin/settings",
        "/admin/accounts",
        "/account/two-factor",
        "/admin/audit",
        "/admin/import",
        "/admin/rates",
        "/admin/news",
        "/admin/news/new",
        "/admin/news/1",  # the demo's welcome video: its reach, preview and form
    ],
}


# The back office, checked at tablet size and on the office's wide screen.
BACK_OFFICE_BY_PERSONA = {
    "admin@example.com": [
        "/admin/workers",
        "/admin/workers/new",
        "/admin/workers/{aisha}",
        "/admin/clients",
        "/admin/clients/new",
        "/admin/clients/{margaret}",
        "/admin/catalogue",
    ],
    "chris@example.com": ["/admin/clients?q=Wilson", "/admin/clients/{george}", "/admin/over-hours"],
    "rosa@example.com": ["/admin/workers?q=Rahman"],
}
SIZES = [(768, 1024), (1920, 1080)]
ZOOMED = (384, 512)  # a 768×1024 tablet at 200 % zoom
CLIENT_PERSONAS = (None, "margaret@example.com", "daniel@example.com")


def ids_of(personas: Personas) -> dict[str, int | None]:
    return {
        "margaret": personas.client.client_id,
        "george": personas.other_client.client_id,
        "thanh": personas.cared_for("Thanh"),
        "bich": personas.cared_for("Bích"),
        "aisha": personas.worker.worker_id,
    }


@pytest.fixture
def axe_ready() -> None:
    if not AXE.exists():
        from tests.conftest import missing

        missing(f"axe-core is not installed at {AXE} (make test installs it with npm)")


@pytest.mark.parametrize("email", list(PAGES_BY_PERSONA))
def test_pages_pass_axe_at_tablet_size(
    axe_ready: None, demo_portal: str, screen: Screen, email: str | None, portal_personas: Personas
) -> None:
    tablet(screen)
    if email:
        sign_in(screen, email)
    ids = ids_of(portal_personas)
    failures = problems_on_each(screen, [page.format(**ids) for page in PAGES_BY_PERSONA[email]])
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("email", CLIENT_PERSONAS)
def test_client_pages_pass_axe_at_200_percent_zoom(
    axe_ready: None, demo_portal: str, screen: Screen, email: str | None, portal_personas: Personas
) -> None:
    sized(screen, ZOOMED)
    if email:
        sign_in(screen, email)
    failures = []
    ids = ids_of(portal_personas)
    for path in (page.format(**ids) for page in PAGES_BY_PERSONA[email]):
        screen.open(path)
        sized(screen, ZOOMED)
        settled(screen)
        failures += page_problems(screen, path, "384×512")
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


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("email", list(BACK_OFFICE_BY_PERSONA))
def test_back_office_pages_pass_axe_at_tablet_and_desktop_size(
    axe_ready: None,
    demo_portal: str,
    screen: Screen,
    email: str,
    size: tuple[int, int],
    portal_personas: Personas,
) -> None:
    width, height = size

    def sized() -> None:
        screen.selenium.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    sized()
    screen.open("/login", timeout=60)  # the portal starts: slow on a busy machine
    sign_in(screen, email)
    failures = []
    ids = ids_of(portal_personas)
    for path in (page.format(**ids) for page in BACK_OFFICE_BY_PERSONA[email]):
        screen.open(path)
        sized()
        failures += page_problems(screen, path, f"{width}×{height}")
    assert not failures, "\n".join(failures)
