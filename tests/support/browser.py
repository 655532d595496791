"""Helpers for real headless Chromium (NiceGUI's Screen): tablet viewport, signing in, axe-core."""

import json
from collections.abc import Callable
from pathlib import Path

from nicegui.testing import Screen
from selenium.webdriver.common.by import By
from selenium.webdriver.support.wait import WebDriverWait

from demo import DEMO_PASSWORD
from tests.support import second_factor

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".venv" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
TABLET = (768, 1024)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def tablet(screen: Screen) -> None:
    """An exact 768×1024 viewport (portrait tablet), whatever the window decorations."""
    width, height = TABLET
    screen.selenium.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def sign_in(screen: Screen, email: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in through the login page; the test administrator types their authenticator app's code."""
    screen.open("/login")
    screen.find_by_css('input[type="email"]').send_keys(email)
    screen.find_by_css('input[type="password"]').send_keys(password)
    screen.find_by_css("button.q-btn[class*='bg-primary']").click()
    if password == DEMO_PASSWORD and second_factor.needs_code(email):
        type_code(screen, second_factor.code(email=email))
    screen.wait_for(lambda: "/login" not in screen.selenium.current_url)


def type_code(screen: Screen, code: str) -> None:
    """Type the two-step code once the login page asks for it, and sign in."""
    found = 'input[autocomplete="one-time-code"]'
    screen.wait_for(
        lambda: any(e.is_displayed() for e in screen.selenium.find_elements(By.CSS_SELECTOR, found))
    )
    field = screen.find_by_css(found)
    field.clear()
    field.send_keys(code)
    screen.find_by_css("button.q-btn[class*='bg-primary']").click()


def horizontal_overflow(screen: Screen) -> int:
    """How many pixels the page is wider than the viewport (0: no sideways scrolling)."""
    return int(
        screen.selenium.execute_script(
            "return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
            " - window.innerWidth"
        )
    )


def axe_violations(screen: Screen, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict]:
    """Run axe-core's WCAG 2.2 AA rules over the page; the violations of the given impacts."""
    screen.selenium.execute_script(AXE.read_text(encoding="utf-8"))
    result = screen.selenium.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done(JSON.stringify(r.violations)))"
        ".catch(e => done(JSON.stringify({error: String(e)})));",
        AXE_TAGS,
    )
    violations = json.loads(result)
    if isinstance(violations, dict):
        raise AssertionError(f"axe-core failed: {violations['error']}")
    return [v for v in violations if v.get("impact") in impacts]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{violation['impact']}: {violation['id']} — {violation['help']} at {targets}")
    return "\n".join(lines)


def page_problems(screen: Screen, where: str, size: str) -> list[str]:
    """What axe-core finds on the page as it stands, and any sideways scrolling, each as a line."""
    problems = []
    found = axe_violations(screen)
    if found:
        problems.append(f"{where}:\n{describe(found)}")
    overflow = horizontal_overflow(screen)
    if overflow > 0:
        problems.append(f"{where}: {overflow}px of sideways scrolling at {size}")
    return problems


def problems_on_each(
    screen: Screen, paths: list[str], also: Callable[[str], list[str]] = lambda _path: []
) -> list[str]:
    """Each page opened at tablet size: what axe-core and the sideways check find on it, and what
    `also(path)` finds (a test's own check of the page as it stands)."""
    found = []
    for path in paths:
        screen.open(path)
        tablet(screen)
        found += also(path)
        found += page_problems(screen, path, "768×1024")
    return found


def text_of(screen: Screen) -> str:
    return screen.selenium.find_element(By.TAG_NAME, "body").text


# "N workers can do it" (or no worker at all), in any language (the heading carries N as
# data-workers), and every card of the list's first page on it.
WORKER_LIST_COMPLETE = """
const said = document.querySelector('h2[data-workers]');
if (!said) return false;
return document.querySelectorAll('.provider-card').length >= Math.min(parseInt(said.dataset.workers, 10), 10);
"""


def whole_list(screen: Screen, patience: float = 60) -> str:
    """After "Find a worker": the page's text once the whole first page of workers is on it (the
    cards after the first three follow a moment after the heading)."""
    WebDriverWait(screen.selenium, patience, poll_frequency=0.1).until(
        lambda driver: driver.execute_script(WORKER_LIST_COMPLETE),
        message="the list of workers did not complete",
    )
    return text_of(screen)
