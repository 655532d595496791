"""Shared fixtures: real databases (a SQLite file and the PostgreSQL server), the demo agency,
the standing personas, a frozen clock, and NiceGUI's User and Screen set up for this portal."""

import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings
from nicegui.testing import Screen
from nicegui.testing.user import User
from nicegui.testing.user_simulation import user_simulation
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from domain import clock
from tests.support.databases import DEMO_NOW, Templates
from tests.support.outbox import small_agency  # noqa: F401 - a fixture for every test folder
from tests.support.personas import Personas, load_personas
from tests.support.smtp import smtp, smtp_down, smtp_utf8  # noqa: F401 - fixtures for every test folder

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = (
    os.environ.get("CHROME_BINARY_LOCATION") or shutil.which("chromium") or shutil.which("chromium-browser")
)
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


# Tests wait for conditions, never for the clock: no Hypothesis deadline, and a simulated user who
# looks for up to 15 seconds before deciding something is not on the page. A busy machine is slow,
# never wrong.
hypothesis_settings.register_profile("care-portal", deadline=None)
hypothesis_settings.load_profile("care-portal")
PATIENT_RETRIES = 150  # NiceGUI's User polls every 0.1 s (0.05 s for should_not_see)
# NiceGUI's Screen gives a starting portal 3 s and a condition 4 s; a busy machine needs longer.
BROWSER_START_S = 90.0
BROWSER_WAIT_S = 30


def missing(message: str) -> None:
    """Skip on a developer's machine that lacks a service; in CI (CI=true) that is a failure."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{message} (CI=true: required here)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    found = Templates(tmp_path_factory.mktemp("databases"), missing)
    yield found
    found.drop_all()


@pytest.fixture(autouse=True)
def frozen_clock() -> Iterator[None]:
    """Every test starts at the same moment: Friday 27 November 2026, 11:00 in Sydney."""
    clock.freeze(DEMO_NOW)
    yield
    clock.unfreeze()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def empty_db(backend: str, templates: Templates) -> Iterator[str]:
    """A migrated database with no rows, on each backend in turn; storage is configured to it."""
    with templates.fresh_copy(backend, "empty") as url:
        yield url


@pytest.fixture
def demo_db(backend: str, templates: Templates) -> Iterator[str]:
    """A private copy of the demo agency, on each backend in turn; storage is configured to it."""
    with templates.fresh_copy(backend, "demo") as url:
        yield url


@pytest.fixture
def sqlite_demo_db(templates: Templates) -> Iterator[str]:
    with templates.fresh_copy("sqlite", "demo") as url:
        yield url


@pytest.fixture
def personas(demo_db: str) -> Personas:
    """The standing personas in this test's copy of the demo agency, on each backend in turn."""
    return load_personas()


@pytest.fixture
def demo_portal(sqlite_demo_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Environment for main.py: the demo agency's database copy, a private data folder, no seeding."""
    monkeypatch.setenv("DATABASE_URL", sqlite_demo_db)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SEED_DEMO", "0")
    monkeypatch.setenv("RUN_JOBS", "0")
    return sqlite_demo_db


@pytest.fixture
def portal_personas(demo_portal: str) -> Personas:
    """The standing personas in the database the portal runs on: for page and browser tests, whose
    simulated user or browser signs in to the portal that main.py starts on the demo copy."""
    return load_personas()


@pytest.fixture(autouse=True)
def patient_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """The simulated user waits as long as a person would on a slow machine, unless a test says."""
    should_see, should_not_see = User.should_see, User.should_not_see

    async def patient_should_see(
        self: User, *args: Any, retries: int = PATIENT_RETRIES, **kwargs: Any
    ) -> None:
        await should_see(self, *args, retries=retries, **kwargs)

    async def patient_should_not_see(
        self: User, *args: Any, retries: int = 2 * PATIENT_RETRIES, **kwargs: Any
    ) -> None:
        await should_not_see(self, *args, retries=retries, **kwargs)

    monkeypatch.setattr(User, "should_see", patient_should_see)
    monkeypatch.setattr(User, "should_not_see", patient_should_not_see)


@pytest.fixture(autouse=True)
def patient_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    """The browser waits for the portal to start, and for a condition, as long as a slow machine needs."""
    open_page = Screen.open

    def patient_open(self: Screen, path: str, timeout: float = BROWSER_START_S) -> None:
        open_page(self, path, timeout=timeout)

    monkeypatch.setattr(Screen, "open", patient_open)
    monkeypatch.setattr(Screen, "IMPLICIT_WAIT", BROWSER_WAIT_S)


@pytest.fixture
async def user(demo_portal: str, caplog: pytest.LogCaptureFixture) -> AsyncIterator[User]:
    """NiceGUI's simulated user, against main.py on the demo agency."""
    async with user_simulation(main_file=ROOT / "main.py") as simulated:
        yield simulated
        errors = [record for record in caplog.get_records("call") if record.levelname == "ERROR"]
        if errors:
            pytest.fail(f"There were unexpected ERROR logs: {errors}", pytrace=False)


@pytest.fixture(scope="session")
def nicegui_chrome_options(nicegui_chrome_options: webdriver.ChromeOptions) -> webdriver.ChromeOptions:
    """Debian's Chromium, quiet on a machine with no outside network, at tablet size."""
    options = nicegui_chrome_options
    if CHROMIUM:
        options.binary_location = CHROMIUM
    for argument in (
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=768,1024",
    ):
        options.add_argument(argument)
    return options


@pytest.fixture(scope="session")
def nicegui_driver(nicegui_chrome_options: webdriver.ChromeOptions) -> Iterator[webdriver.Chrome]:
    if not CHROMIUM or not Path(CHROMEDRIVER).exists():
        missing(
            "Chromium and chromedriver are needed for browser tests "
            "(apt-get install chromium chromium-driver)"
        )
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=nicegui_chrome_options)
    driver.implicitly_wait(4)
    driver.set_page_load_timeout(BROWSER_START_S)
    yield driver
    driver.quit()
