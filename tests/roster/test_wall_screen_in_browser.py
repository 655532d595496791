"""The Day Manager's wall screen in real Chromium at 1920×1080: it fills the width, its type is
large enough to read from three metres, it passes axe-core, and nothing scrolls sideways."""

import pytest
from nicegui.testing import Screen

from tests.support.browser import AXE, axe_violations, describe, horizontal_overflow, sign_in

pytestmark = pytest.mark.browser

WALL = (1920, 1080)
WALL_PAGE = "/admin/day?wall=1&day=2026-12-07"


def wall_screen(screen: Screen) -> None:
    width, height = WALL
    screen.selenium.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def test_the_wall_screen_fills_1920_pixels_in_large_type_and_passes_axe(
    demo_portal: str, screen: Screen
) -> None:
    if not AXE.exists():
        from tests.conftest import missing

        missing(f"axe-core is not installed at {AXE} (make test installs it with npm)")
    wall_screen(screen)
    sign_in(screen, "rosa@example.com")
    screen.open(WALL_PAGE)
    wall_screen(screen)
    screen.should_contain("Updated at")
    screen.should_contain("Monday 7 December 2026")
    main_width = screen.selenium.execute_script(
        "return document.querySelector('main').getBoundingClientRect().width"
    )
    assert main_width >= 1800, main_width
    cell_size = screen.selenium.execute_script(
        "const td = document.querySelector('.day-table tbody td');"
        "return td ? parseFloat(getComputedStyle(td).fontSize) : 0"
    )
    heading_size = screen.selenium.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)"
    )
    assert cell_size >= 28, cell_size
    assert heading_size >= 56, heading_size
    found = axe_violations(screen)
    assert not found, describe(found)
    assert horizontal_overflow(screen) <= 0
