"""The rates page in real headless Chromium: no serious or critical axe-core violation and no
sideways scrolling, on a portrait tablet (768×1024) and on a wall screen (1920×1080)."""

import pytest
from nicegui.testing import Screen

from tests.portal.test_accessibility import axe_ready  # noqa: F401 (a fixture)
from tests.support.browser import axe_violations, describe, horizontal_overflow, sign_in
from tests.support.personas import Personas

pytestmark = pytest.mark.browser


def viewport(screen: Screen, width: int, height: int) -> None:
    screen.selenium.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


@pytest.mark.parametrize(("width", "height"), [(768, 1024), (1920, 1080)])
def test_the_rates_page_passes_axe(
    axe_ready: None,  # noqa: F811
    demo_portal: str,
    screen: Screen,
    portal_personas: Personas,
    width: int,
    height: int,
) -> None:
    viewport(screen, width, height)
    sign_in(screen, "admin@example.com")
    screen.open("/admin/rates")
    viewport(screen, width, height)
    screen.should_contain("Save rates")
    found = axe_violations(screen)
    assert not found, describe(found)
    assert horizontal_overflow(screen) <= 0
