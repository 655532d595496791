"""Issue 18 item 4 in real headless Chromium: a field's error sits under its own field and covers
neither the next field's label nor the Save button; a toast covers no button or field (it lives in
the header's own strip, which pushes the page down) — and bad input changes nothing."""

import pytest
from nicegui.testing import Screen
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.wait import WebDriverWait

from tests.support.browser import sign_in
from tests.support.layout import PATIENCE_SECONDS, settled, sized
from tests.support.personas import Personas

pytestmark = pytest.mark.browser
SIZES = [(768, 1024), (384, 512)]

# Rectangles of the errors shown, of their own controls, and of every other control and label.
ERRORS = """
const box = e => {
  const r = e.getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom};
};
const fields = [...document.querySelectorAll('main .q-field')];
const errors = fields.filter(f => f.classList.contains('q-field--error')).map(f => ({
  field: f.querySelector('.q-field__label').textContent.trim(),
  message: box(f.querySelector('.q-field__bottom')),
  text: f.querySelector('.q-field__bottom').innerText.trim(),
  control: box(f.querySelector('.q-field__control')),
}));
const others = [
  ...fields.map(f => ({what: 'field ' + f.querySelector('.q-field__label').textContent.trim(),
                       rect: box(f.querySelector('.q-field__control'))})),
  ...[...document.querySelectorAll('main .q-btn')].map(b => ({what: 'button ' + b.innerText.trim(),
                                                             rect: box(b)})),
];
return {errors, others};
"""
UNCOVERED = """
const header = document.querySelector('.app-header').getBoundingClientRect().bottom;
const toast = document.querySelector('.toast');
const covered = [...document.querySelectorAll('main .q-btn, main .q-field__control')].filter(e => {
  const r = e.getBoundingClientRect();
  const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2;
  if (r.width === 0 || y <= header || y >= innerHeight || x <= 0 || x >= innerWidth) return false;
  const top = document.elementFromPoint(x, y);
  return !(top && e.contains(top));
}).map(e => e.innerText.trim() || e.className);
return {toast: toast && toast.innerText.trim(), covered};
"""


def overlaps(a: dict, b: dict) -> bool:
    return a["l"] < b["r"] - 1 and b["l"] < a["r"] - 1 and a["t"] < b["b"] - 1 and b["t"] < a["b"] - 1


def field(screen: Screen, label: str) -> object:
    return screen.selenium.find_element(By.XPATH, f"//label[.//div[text()='{label}']]//input")


def retype(screen: Screen, label: str, text: str) -> None:
    box = field(screen, label)
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(text)


def toast_shows(screen: Screen, words: str) -> dict:
    WebDriverWait(screen.selenium, PATIENCE_SECONDS).until(
        lambda driver: (driver.execute_script(UNCOVERED)["toast"] or "").startswith(words)
    )
    return screen.selenium.execute_script(UNCOVERED)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_errors_sit_under_their_fields_and_the_toast_covers_nothing(
    demo_portal: str, screen: Screen, portal_personas: Personas, size: tuple[int, int]
) -> None:
    sized(screen, size)
    sign_in(screen, "margaret@example.com")
    screen.open(f"/clients/{portal_personas.client.client_id}/profile")
    sized(screen, size)
    settled(screen)
    retype(screen, "Mobile phone", "12345")
    retype(screen, "E-mail address", "not-an-email")
    screen.click("Save phone and e-mail")
    WebDriverWait(screen.selenium, PATIENCE_SECONDS).until(
        lambda driver: len(driver.execute_script(ERRORS)["errors"]) == 2
    )
    found = screen.selenium.execute_script(ERRORS)
    problems = []
    for error in found["errors"]:
        assert error["text"], f"{error['field']} is marked wrong without words"
        if error["message"]["t"] < error["control"]["b"] - 1:
            problems.append(f"the error of {error['field']} is not under its field")
        for other in found["others"]:
            if other["what"] != f"field {error['field']}" and overlaps(error["message"], other["rect"]):
                problems.append(f"the error of {error['field']} covers {other['what']}")
    assert not problems, "\n".join(problems)
    said = toast_shows(screen, "Please check")
    assert said["covered"] == [], f"the toast covers {said['covered']}"
    screen.selenium.refresh()  # nothing was saved
    settled(screen)
    assert field(screen, "E-mail address").get_attribute("value") == "margaret@example.com"


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_the_saved_toast_leaves_the_save_button_uncovered(
    demo_portal: str, screen: Screen, portal_personas: Personas, size: tuple[int, int]
) -> None:
    """The button just pressed sits low on the screen, where a floating toast used to appear."""
    sized(screen, size)
    sign_in(screen, "margaret@example.com")
    screen.open(f"/clients/{portal_personas.client.client_id}/profile")
    sized(screen, size)
    settled(screen)
    button = screen.selenium.find_element(By.XPATH, "//button[.//span[text()='Save home address']]")
    screen.selenium.execute_script("arguments[0].scrollIntoView({block: 'end'})", button)
    button.click()
    said = toast_shows(screen, "Home address saved.")
    assert said["covered"] == [], f"the toast covers {said['covered']}"
    place = screen.selenium.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "const t = document.querySelector('.toast').getBoundingClientRect();"
        "const x = (r.left + r.right) / 2, y = (r.top + r.bottom) / 2, top = document.elementFromPoint(x, y);"
        "return {apart: r.bottom <= t.top || r.top >= t.bottom || r.right <= t.left || r.left >= t.right,"
        " inView: y > 0 && y < innerHeight, itself: !!top && top.closest('button') === arguments[0]};",
        button,
    )
    assert place["apart"], "the toast lies over the Save home address button"
    # the strip pushes the page down: the button may move lower, but nothing lies over it
    assert place["itself"] or not place["inView"], "the Save home address button is covered"
