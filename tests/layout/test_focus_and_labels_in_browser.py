"""Issue 18 item 6 in real headless Chromium: the skip link is the first Tab stop; after each
booking step focus is on the new step's heading (so a screen reader says where you are); the
competency glyphs of a provider card carry their names in visible words."""

import pytest
from nicegui.testing import Screen
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from tests.booking.test_booking_in_browser import PATIENCE_SECONDS, choose, tap
from tests.support.browser import sign_in, tablet
from tests.support.layout import settled
from tests.support.personas import Personas

pytestmark = pytest.mark.browser
FOCUSED = (
    "const e = document.activeElement; const r = e.getBoundingClientRect();"
    "return {tag: e.tagName.toLowerCase(), text: e.textContent.trim().slice(0, 80),"
    " id: e.id, step: e.classList.contains('step-heading'),"
    " shown: r.width > 0 && r.top >= 0 && r.top < innerHeight};"
)


def focused(screen: Screen) -> dict:
    return screen.selenium.execute_script(FOCUSED)


def focus_reaches(screen: Screen, heading: str) -> None:
    """Wait until focus is on the step heading that starts with these words."""

    def there(_driver: object) -> bool:
        now = focused(screen)
        return now["tag"] == "h2" and now["step"] and now["text"].startswith(heading)

    WebDriverWait(screen.selenium, PATIENCE_SECONDS).until(
        there, message=f"focus is not on the heading {heading!r} but on {focused(screen)}"
    )
    assert focused(screen)["shown"], "the focused heading is not on screen"


@pytest.mark.parametrize(
    ("email", "path"),
    [
        (None, "/login"),
        ("margaret@example.com", "/clients/{client}/profile"),
        ("margaret@example.com", "/clients/{client}/services?tab=accepted"),
        ("rosa@example.com", "/admin/day"),
    ],
)
def test_the_skip_link_is_the_first_tab_stop(
    demo_portal: str, screen: Screen, portal_personas: Personas, email: str | None, path: str
) -> None:
    tablet(screen)
    if email:
        sign_in(screen, email)
    screen.open(path.format(client=portal_personas.client.client_id))
    settled(screen)
    screen.selenium.execute_script("document.activeElement && document.activeElement.blur()")
    ActionChains(screen.selenium).send_keys(Keys.TAB).perform()
    now = focused(screen)
    assert (now["tag"], now["text"]) == ("a", "Skip to main content")
    assert now["shown"], "the focused skip link is not visible"
    ActionChains(screen.selenium).send_keys(Keys.ENTER).perform()
    # the region inside the page's one <main> where the screen's h1 is
    screen.wait_for(lambda: focused(screen)["id"] == "main")


def test_focus_moves_to_each_booking_steps_heading_and_glyphs_have_words(
    demo_portal: str, screen: Screen, portal_personas: Personas
) -> None:
    tablet(screen)
    sign_in(screen, "margaret@example.com")
    screen.open(f"/clients/{portal_personas.client.client_id}/book")
    screen.should_contain("Book Personal care")
    assert not focused(screen)["step"], "focus must not jump on opening the page"
    tap(screen, "Book Personal care")
    focus_reaches(screen, "When would you like Personal care?")
    tap(screen, "Back")
    focus_reaches(screen, "Which service would you like?")
    tap(screen, "Book Personal care")
    focus_reaches(screen, "When would you like Personal care?")
    choose(screen, "Date of the first visit", "Monday 7 December 2026")
    choose(screen, "Start time", "9:00 am")
    tap(screen, "Next")
    focus_reaches(screen, "Who should do it?")
    tap(screen, "Choose my worker")
    focus_reaches(screen, "What matters to you in a worker?")
    tap(screen, "Find a worker")
    focus_reaches(screen, "")  # "N workers can do it"
    assert focused(screen)["text"].endswith("can do it")

    # the card's list of qualifications is built when first opened
    screen.selenium.execute_script(
        "document.querySelector('.provider-card .q-expansion-item .q-item').click()"
    )
    WebDriverWait(screen.selenium, PATIENCE_SECONDS).until(
        lambda driver: screen.selenium.execute_script(
            "return document.querySelectorAll('.provider-card .competency-list li').length"
        ),
        message="the first card's qualifications list did not open",
    )
    glyphs = screen.selenium.execute_script(
        "const card = document.querySelector('.provider-card');"
        "const inList = [...card.querySelectorAll('.competency-list li')].map(li => li.textContent);"
        "return {inList, chips: [...card.querySelectorAll('.glyph-chip')].map(chip => {"
        " const words = chip.querySelector('.glyph-words'); const r = words.getBoundingClientRect();"
        " return {words: words.innerText.trim(), shown: r.width > 20 && r.height > 10"
        "   && getComputedStyle(words).visibility === 'visible'}; })};"
    )
    assert glyphs["chips"], "the first provider shows no competency glyphs"
    for chip in glyphs["chips"]:
        assert chip["shown"], f"the glyph label {chip['words']!r} is not visible"
        assert any(held.startswith(chip["words"]) for held in glyphs["inList"]), chip

    tap(screen, "Choose Aisha Rahman")
    tap(screen, "Yes, ask Aisha Rahman")
    focus_reaches(screen, "Your booking is sent")
