"""Issue 18 item 3: on a portrait tablet (768×1024) and at 200 % zoom (384×512) every action of
the services tabs and of the Day Manager is on screen, nothing scrolls sideways — neither the page
nor a table's own region — in real headless Chromium."""

import pytest
from nicegui.testing import Screen

from tests.support.browser import sign_in
from tests.support.layout import Layout, layout_of, sized
from tests.support.personas import Personas

pytestmark = pytest.mark.browser
TABS = ("requests", "accepted", "completed", "queried", "approved", "billed")
SIZES = [(768, 1024), (384, 512)]


def problems(path: str, found: Layout) -> list[str]:
    said = [f"{path}: {label} is off screen" for label in found.off_screen]
    if found.page_overflow > 0:
        said.append(f"{path}: the page scrolls {found.page_overflow}px sideways")
    said += [f"{path}: {where} scrolls sideways" for where in found.scrolled]
    said += [f"{path}: the tab {tab} is squeezed over its neighbours" for tab in found.squeezed_tabs]
    return said


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_services_action_is_on_screen(
    demo_portal: str, screen: Screen, portal_personas: Personas, size: tuple[int, int]
) -> None:
    sized(screen, size)
    sign_in(screen, "margaret@example.com")
    client = portal_personas.client.client_id
    failures: list[str] = []
    actions = 0
    for tab in TABS:
        path = f"/clients/{client}/services?tab={tab}"
        screen.open(path)
        sized(screen, size)
        found = layout_of(screen)
        actions += found.actions
        failures += problems(path, found)
    assert not failures, "\n".join(failures)
    assert actions > 0, "the demo client's services show no action at all: the check checked nothing"


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_day_manager_action_is_on_screen(
    demo_portal: str, screen: Screen, size: tuple[int, int]
) -> None:
    sized(screen, size)
    sign_in(screen, "rosa@example.com")
    failures: list[str] = []
    allocate = 0
    for path in ("/admin/day", "/admin/day?day=2026-12-07&show=unallocated"):
        screen.open(path)
        sized(screen, size)
        found = layout_of(screen)
        allocate += sum(label.startswith("Allocate ") for label in found.labels)
        failures += problems(path, found)
    assert not failures, "\n".join(failures)
    assert allocate > 0, "no Allocate button on the unallocated shifts: the check checked nothing"


def test_a_wide_table_still_scrolls_inside_a_region_a_keyboard_reaches(
    demo_portal: str, screen: Screen, portal_personas: Personas
) -> None:
    """On a wide screen the services table stays a table; its region is focusable and labelled."""
    sized(screen, (1024, 768))
    sign_in(screen, "margaret@example.com")
    screen.open(f"/clients/{portal_personas.client.client_id}/services?tab=accepted")
    sized(screen, (1024, 768))
    region = screen.selenium.execute_script(
        "const r = document.querySelector('.card-table-region');"
        "return r && {tabindex: r.getAttribute('tabindex'), label: r.getAttribute('aria-label'),"
        " role: r.getAttribute('role'), head: getComputedStyle(r.querySelector('thead')).position};"
    )
    assert region == {"tabindex": "0", "label": "Accepted visits", "role": "region", "head": "static"}
