"""The single executable (`make dist`) started as a new user starts it: no arguments, an empty data
folder (the user's, through platformdirs), no demo data. It serves /login and /healthz, prints the
first administrator's one-time link (and writes it beside the data), and following that link in
headless Chromium sets the password and signs in; Ctrl-C then stops it cleanly."""

import os
import re
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pyotp
import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By

from tests.support.catalogues import said_in
from tests.support.ports import free_port

pytestmark = pytest.mark.dist

ROOT = Path(__file__).resolve().parents[2]
EXECUTABLE = ROOT / "dist" / "care-portal"
START_SECONDS = 300.0  # a one-file executable unpacks itself first; a busy machine is slow, never wrong
LINK = re.compile(r"http://127\.0\.0\.1:\d+/welcome/[A-Za-z0-9_\-]+")
PASSWORD = "a long first password for the agency"


def until(
    condition: Callable[[], bool], what: str, seconds: float = 60.0, *, seen: Callable[[], str] = str
) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}; {seen()}"
        time.sleep(0.2)


def answers(url: str) -> int | None:
    try:
        return httpx.get(url, timeout=10).status_code
    except httpx.HTTPError:
        return None


def test_the_executable_serves_prints_the_first_administrator_link_and_signs_in(
    tmp_path: Path, nicegui_driver: webdriver.Chrome
) -> None:
    if not EXECUTABLE.exists():
        pytest.fail(f"{EXECUTABLE} is missing: `make check-dist` builds it first (`make dist`)")
    home = tmp_path / "home"
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "DATA_DIR", "SEED_DEMO", "SMTP_", "STORAGE_SECRET", "PYTEST"))
        and not key.startswith(("NICEGUI", "PUBLIC_URL", "XDG_", "HOME"))
    }
    # The user's data folder is found through platformdirs: an empty home stands for a new user.
    env.update(
        {
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "PORT": str(port),
            "MAIL_CATCHER_PORT": str(free_port()),
            "OPEN_BROWSER": "0",
        }
    )
    data = home / ".local" / "share" / "care-portal"
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "console.log"
    with log.open("wb") as out:
        program = subprocess.Popen([str(EXECUTABLE)], env=env, stdout=out, stderr=out, cwd=tmp_path)
        try:
            started = lambda: answers(f"{base}/login") == 200 or program.poll() is not None  # noqa: E731
            until(started, "/login answers", START_SECONDS)
            console = log.read_text(errors="replace")
            assert program.poll() is None, console[-3000:]
            assert answers(f"{base}/login") == 200
            until(lambda: answers(f"{base}/healthz") == 200, "/healthz answers 200", 120)
            # the catalogues and Babel's locale data travel inside the executable: a browser that
            # asks for Vietnamese gets the sign-in page in Vietnamese
            vietnamese = httpx.get(f"{base}/login", headers={"Accept-Language": "vi-VN,vi"}, timeout=30).text
            assert '<html lang="vi"' in vietnamese
            assert f"<title>{said_in('vi', 'Sign in')} · " in vietnamese

            until(lambda: LINK.search(log.read_text(errors="replace")) is not None, "the link on the console")
            found = LINK.search(log.read_text(errors="replace"))
            assert found is not None
            link = found.group(0)
            beside = data / "first-administrator-link.txt"
            assert beside.exists(), list(data.iterdir()) if data.exists() else "no data folder"
            assert link in beside.read_text()
            assert (data / "care-portal.db").exists()  # kept in the user's data folder, not the cwd

            browser = nicegui_driver
            browser.get(link)
            fields = 'input[type="password"]'
            until(lambda: len(browser.find_elements(By.CSS_SELECTOR, fields)) == 2, "the password form")
            for field in browser.find_elements(By.CSS_SELECTOR, fields):
                field.send_keys(PASSWORD)
            browser.find_element(By.XPATH, "//button[contains(., 'Set my password')]").click()
            # Signed in: an administrator is taken to set up two-step sign-in before anything else.
            until(lambda: browser.current_url.endswith("/account/two-factor"), "signed in, at two-step")
            secret = browser.find_element(By.ID, "two-factor-key").text.replace(" ", "")
            browser.find_element(By.CSS_SELECTOR, 'input[autocomplete="one-time-code"]').send_keys(
                pyotp.TOTP(secret).now()  # the real clock: the program runs on it
            )
            browser.find_element(By.XPATH, "//button[contains(., 'Confirm')]").click()
            page = lambda: str(browser.execute_script("return document.body.innerText"))  # noqa: E731
            until(lambda: "Your recovery codes" in page(), "the recovery codes", seen=page)
            browser.find_element(By.XPATH, "//button[contains(., 'I have kept them')]").click()
            until(lambda: browser.current_url.endswith("/admin"), "the administrator's home")
            browser.delete_all_cookies()
        finally:
            program.send_signal(signal.SIGINT)  # Ctrl-C, as a person stops it
            try:
                code = program.wait(timeout=90)
            except subprocess.TimeoutExpired:
                program.kill()
                raise
    console = log.read_text(errors="replace")
    assert code == 0, console[-3000:]
    assert "Traceback" not in console, console
