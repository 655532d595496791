"""Publishing a video in real headless Chromium at 768×1024: an administrator uploads a WebM with
its captions and schedules it for a group; a member sees it below her profile, plays it in place
(the video's time advances; seeking works through range requests), and its reach shows her; a
client outside the group never sees it. A file that is not what it claims is refused at the form."""

from pathlib import Path

import pytest
from nicegui.testing import Screen
from selenium.common.exceptions import ElementClickInterceptedException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.wait import WebDriverWait

from tests.marketing.support import new_group
from tests.support.browser import AXE, ROOT, axe_violations, describe, sign_in, tablet, text_of
from tests.support.personas import Personas

pytestmark = pytest.mark.browser
PATIENCE_SECONDS = 60
MEDIA = ROOT / "assets" / "media"
TITLE = "Our new video club"


def patiently(screen: Screen, condition_text: str) -> None:
    """Wait for text the server puts on the page (the page may be replaced meanwhile)."""
    WebDriverWait(
        screen.selenium, PATIENCE_SECONDS, ignored_exceptions=(StaleElementReferenceException,)
    ).until(lambda _driver: condition_text in text_of(screen))


def file_input(screen: Screen, label: str) -> WebElement:
    return screen.selenium.find_element(
        By.XPATH,
        f"//label[span[starts-with(normalize-space(), '{label}')]]/following-sibling::input[@type='file']",
    )


def upload(screen: Screen, label: str, path: Path, button: str) -> None:
    file_input(screen, label).send_keys(str(path))
    screen.selenium.find_element(By.CSS_SELECTOR, f'button[aria-label^="Upload: {button}"]').click()


def field(screen: Screen, label: str) -> WebElement:
    return screen.selenium.find_element(
        By.XPATH, f"//label[.//div[contains(@class, 'q-field__label') and normalize-space() = '{label}']]"
    )


def switch_to(screen: Screen, email: str) -> None:
    screen.selenium.delete_all_cookies()
    sign_in(screen, email)


def tap(screen: Screen, element: WebElement) -> None:
    def clicked(_driver: object) -> bool:
        screen.selenium.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()
        return True

    WebDriverWait(
        screen.selenium, PATIENCE_SECONDS, ignored_exceptions=(ElementClickInterceptedException,)
    ).until(clicked)


def expected_error(screen: Screen, status: str) -> None:
    """The browser logs a refused request as an error: take that one out of the log (reading the log
    empties it), so that any other error still fails the test."""
    logged = [entry["message"] for entry in screen.selenium.get_log("browser") if entry["level"] == "SEVERE"]
    assert logged, f"expected the browser to log the {status}"
    assert all(f"status of {status}" in message for message in logged), logged


def axe_clean(screen: Screen, where: str) -> list[str]:
    if not AXE.exists():
        return []
    found = axe_violations(screen)
    return [f"{where}:\n{describe(found)}"] if found else []


def test_an_uploaded_video_reaches_its_group_plays_on_a_tablet_and_counts_its_view(
    demo_portal: str, screen: Screen, portal_personas: Personas, tmp_path: Path
) -> None:
    margaret, george = portal_personas.client.client_id, portal_personas.other_client.client_id
    assert margaret
    assert george
    new_group("Video club", margaret)
    problems: list[str] = []
    tablet(screen)
    screen.open("/login", timeout=PATIENCE_SECONDS)  # the server starts on a busy machine
    sign_in(screen, "admin@example.com")
    screen.open("/admin/news/new")
    tablet(screen)
    patiently(screen, "Who sees it")
    problems += axe_clean(screen, "/admin/news/new")

    pretend = tmp_path / "not-a-video.webm"
    pretend.write_text("This is a text file with a video's name.")
    upload(screen, "The video", pretend, "The video")
    patiently(screen, "That file is not an MP4 or WebM video")
    expected_error(screen, "415")

    field(screen, "Title").find_element(By.TAG_NAME, "input").send_keys(TITLE)
    upload(screen, "The video", MEDIA / "welcome.webm", "The video")
    patiently(screen, "Uploaded: video/webm")
    upload(screen, "Captions for the video", MEDIA / "welcome.vtt", "Captions for the video")
    patiently(screen, "Uploaded: text/vtt")
    groups = field(screen, "Marketing groups")
    tap(screen, groups.find_element(By.CSS_SELECTOR, ".q-field__native"))
    option = WebDriverWait(screen.selenium, PATIENCE_SECONDS).until(
        lambda driver: next(
            (
                found
                for found in driver.find_elements(By.CSS_SELECTOR, ".q-menu .q-item")
                if found.is_displayed() and found.text.strip() == "Video club"
            ),
            None,
        )
    )
    tap(screen, option)
    screen.selenium.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    screen.wait_for(lambda: "Video club" in groups.text)
    tap(screen, screen.find("Save"))
    patiently(screen, "State: Draft")
    item_path = screen.selenium.current_url.split("//", 1)[1].split("/", 1)[1]
    tap(screen, screen.find("Schedule"))
    patiently(screen, "State: Scheduled")
    problems += axe_clean(screen, "/admin/news/<item>")
    screen.open("/admin/news")
    patiently(screen, TITLE)
    problems += axe_clean(screen, "/admin/news")

    switch_to(screen, "margaret@example.com")
    tablet(screen)
    patiently(screen, TITLE)
    card = screen.selenium.find_element(
        By.XPATH, f"//button[contains(@class, 'news-card')][.//span[text()='{TITLE}']]"
    )
    assert "New" in card.text
    tap(screen, card)
    video = WebDriverWait(screen.selenium, PATIENCE_SECONDS).until(
        lambda driver: driver.find_element(By.CSS_SELECTOR, ".news-viewer video")
    )
    track = video.find_element(By.CSS_SELECTOR, "track")
    assert track.get_attribute("kind") == "captions"
    assert track.get_attribute("srclang") == "en"
    assert video.get_attribute("controls") is not None
    screen.selenium.execute_script("arguments[0].muted = true; arguments[0].play();", video)
    WebDriverWait(screen.selenium, PATIENCE_SECONDS).until(
        lambda driver: driver.execute_script("return arguments[0].currentTime", video) > 0.5
    )
    assert screen.selenium.execute_script("return arguments[0].textTracks.length", video) == 1
    ranged = screen.selenium.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0].currentSrc, {headers: {Range: 'bytes=100-199'}})"
        ".then(r => done([r.status, r.headers.get('accept-ranges'), r.headers.get('content-range')]));",
        video,
    )
    assert ranged[0] == 206
    assert ranged[1] == "bytes"
    assert ranged[2].startswith("bytes 100-199/")
    problems += axe_clean(screen, "profile with the video open")

    switch_to(screen, "admin@example.com")
    screen.open(f"/{item_path}")
    patiently(screen, "Opened by 1 of 1 clients in its audience.")
    assert "Margaret Wilson" in text_of(screen)

    switch_to(screen, "george@example.com")
    tablet(screen)
    patiently(screen, "News from")
    assert TITLE not in text_of(screen)
    status = screen.selenium.execute_async_script(
        "const done = arguments[arguments.length - 1];fetch(arguments[0]).then(r => done(r.status));",
        "/media/news/" + item_path.rsplit("/", 1)[1] + "/file",
    )
    assert status == 404
    expected_error(screen, "404")
    assert not problems, "\n".join(problems)
