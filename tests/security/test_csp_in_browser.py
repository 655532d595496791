"""Finding 3, in the browser: every main page of every role loads under the portal's
Content-Security-Policy with no violation in Chromium's console, and the policy is really enforced (a
script from another site is refused)."""

import pytest
from nicegui.testing import Screen

from tests.support.browser import sign_in
from tests.support.personas import Personas

pytestmark = pytest.mark.browser
PATIENCE = 120.0  # seconds a page may take to open on a busy machine

# {margaret}, {george}, {thanh} are client ids and {aisha} a worker id, from the personas.
PAGES_BY_PERSONA = {
    None: ["/login", "/welcome/not-a-real-token", "/docs"],
    "margaret@example.com": [
        "/clients/{margaret}/profile",
        "/clients/{margaret}/calendar",
        "/clients/{margaret}/calendar?view=week&day=2026-11-23",
        "/clients/{margaret}/history",
        "/clients/{margaret}/services?tab=accepted",
        "/clients/{margaret}/statements",
        "/clients/{margaret}/book",
        "/workers/{aisha}/reviews",
    ],
    "daniel@example.com": ["/profile", "/clients/{thanh}/calendar", "/clients/{thanh}/book"],
    "aisha@example.com": ["/worker", "/worker/messages"],
    "rosa@example.com": ["/admin", "/admin/day", "/admin/day?day=2026-12-07&show=unallocated"],
    "chris@example.com": ["/admin/queries", "/clients/{george}/profile"],
    "admin@example.com": ["/admin/settings", "/admin/accounts", "/admin/outbox", "/admin/mail"],
}


def ids_of(personas: Personas) -> dict[str, int | None]:
    return {
        "margaret": personas.client.client_id,
        "george": personas.other_client.client_id,
        "thanh": personas.cared_for("Thanh"),
        "aisha": personas.worker.worker_id,
    }


def csp_messages(screen: Screen) -> list[str]:
    """Chromium's console lines about the Content-Security-Policy since the last call."""
    return [
        entry["message"]
        for entry in screen.selenium.get_log("browser")
        if "Content Security Policy" in entry["message"] or "Content-Security-Policy" in entry["message"]
    ]


def wait_until_shown(screen: Screen) -> None:
    """The page has rendered (Vue mounted the app, fonts and styles loaded)."""
    screen.wait_for(
        lambda: screen.selenium.execute_script(
            "return document.readyState === 'complete' && document.body.innerText.trim().length > 0"
        )
    )


@pytest.mark.parametrize("email", list(PAGES_BY_PERSONA))
def test_every_main_page_loads_with_no_csp_violation(
    demo_portal: str, screen: Screen, email: str | None, portal_personas: Personas
) -> None:
    screen.open("/login", timeout=PATIENCE)  # the first open starts the portal: slow on a busy machine
    if email:
        sign_in(screen, email)
    csp_messages(screen)  # what signing in logged is checked on /login, in the first case
    failures = []
    ids = ids_of(portal_personas)
    for path in (page.format(**ids) for page in PAGES_BY_PERSONA[email]):
        screen.open(path, timeout=PATIENCE)
        wait_until_shown(screen)
        failures += [f"{path}: {message}" for message in csp_messages(screen)]
    assert not failures, "\n".join(failures)


def test_the_policy_is_enforced_a_foreign_script_is_refused(demo_portal: str, screen: Screen) -> None:
    screen.allowed_js_errors.append("Content Security Policy")
    screen.open("/login", timeout=PATIENCE)
    wait_until_shown(screen)
    blocked = screen.selenium.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        document.addEventListener(
            "securitypolicyviolation", e => done(e.blockedURI + " " + e.effectiveDirective)
        );
        const script = document.createElement("script");
        script.src = "https://evil.example/steal.js";
        script.onerror = () => setTimeout(() => done("no violation"), 2000);
        document.head.append(script);
        """
    )
    assert blocked == "https://evil.example/steal.js script-src-elem"
