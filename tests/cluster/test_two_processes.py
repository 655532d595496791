"""Two app processes on one PostgreSQL database, as behind a reverse proxy: a booking made through
process A appears live on a Day Manager open on process B (LISTEN/NOTIFY); exactly one process runs
the scheduled jobs, and stopping it hands them to the other.

Runs in `make check-whole` (marker `cluster`). The latency is measured and printed, not asserted:
the wait has a generous limit, as every wait in these tests."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import httpx
import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from sqlalchemy import create_engine, text

from demo import DEMO_PASSWORD
from tests.conftest import missing
from tests.support.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
ADMIN_URL = os.environ.get("TEST_POSTGRES_URL") or "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
START_LIMIT = 300.0  # seconds; a busy machine is slow, never wrong
T = TypeVar("T")


def wait_for(condition: Callable[[], T], limit: float, what: str) -> T:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(0.1)
    raise AssertionError(f"waited {limit:.0f} s for {what}")


def status(url: str) -> int:
    try:
        return httpx.get(url, timeout=10).status_code
    except httpx.TransportError:
        return 0


class Portal:
    def __init__(self, name: str, database_url: str, folder: Path, secret: str, *, seed: bool) -> None:
        self.name, self.port = name, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = folder / f"{name}.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "NICEGUI", "SMTP_"))}
        env.update(
            {
                "DATABASE_URL": database_url,
                "DATA_DIR": str(folder / name),
                "STORAGE_SECRET": secret,
                "PORT": str(self.port),
                "MAIL_CATCHER_PORT": str(free_port()),
                "SEED_DEMO": "1" if seed else "0",
                "RUN_JOBS": "1",
                "LOG_LEVEL": "INFO",
                "JOB_LEASE_SECONDS": "8",
                "JOB_RENEW_SECONDS": "2",
            }
        )
        env.pop("NICEGUI_REDIS_URL", None)  # the announcements go through PostgreSQL here
        self.out = self.log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "main.py"], cwd=ROOT, env=env, stdout=self.out, stderr=subprocess.STDOUT
        )

    @property
    def holder(self) -> str:
        return f"{socket.gethostname()}:{self.process.pid}"

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def serving(self) -> None:
        wait_for(
            lambda: self.process.poll() is not None or status(f"{self.base}/healthz") == 200,
            START_LIMIT,
            f"process {self.name} to serve",
        )
        assert self.process.poll() is None, self.text()[-3000:]

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=120)
        self.out.close()
        return code


@pytest.fixture
def database() -> Iterator[str]:
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"cluster_{secrets.token_hex(4)}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:
        missing(f"no PostgreSQL server for the cluster test: {error}")
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def lease_holder(database_url: str) -> str:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            found = connection.execute(
                text("SELECT holder FROM job_lease WHERE name = 'scheduler' AND expires_at > now()")
            ).scalar()
    finally:
        engine.dispose()
    return str(found or "")


def margaret_id(database_url: str) -> int:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return int(
                connection.execute(
                    text("SELECT client_id FROM account WHERE email = 'margaret@example.com'")
                ).scalar_one()
            )
    finally:
        engine.dispose()


def book_through(portal: Portal, client_id: int, day: str) -> dict[str, Any]:
    with httpx.Client(base_url=portal.base, timeout=60) as client:
        signed = client.post(
            "/api/v1/tokens", json={"email": "margaret@example.com", "password": DEMO_PASSWORD}
        )
        assert signed.status_code == 201, signed.text
        headers = {"Authorization": f"Bearer {signed.json()['token']}"}
        catalogue = client.get(f"/api/v1/clients/{client_id}/catalogue", headers=headers).json()
        asked = {
            "approved_service_id": catalogue[0]["approved_service_id"],
            "first_date": day,
            "start_time": "06:15:00",
            "duration_minutes": 60,
        }
        booked = client.post(f"/api/v1/clients/{client_id}/bookings", json=asked, headers=headers)
        assert booked.status_code == 201, booked.text
        return dict(booked.json())


@pytest.mark.cluster
def test_two_processes_share_announcements_and_one_scheduler(
    database: str, tmp_path: Path, nicegui_driver: webdriver.Chrome
) -> None:
    secret = secrets.token_urlsafe(48)
    a = Portal("a", database, tmp_path, secret, seed=True)
    b: Portal | None = None
    try:
        a.serving()  # seeded the demo agency before serving
        b = Portal("b", database, tmp_path, secret, seed=False)
        b.serving()

        # A Day Manager open on process B, three days ahead (past the booking notice).
        day = (datetime.now(ZoneInfo("Australia/Sydney")) + timedelta(days=3)).date().isoformat()
        driver = nicegui_driver
        driver.get(f"{b.base}/login")
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, 'input[type="email"]'), 60, "the sign-in form")
        driver.find_element(By.CSS_SELECTOR, 'input[type="email"]').send_keys("rosa@example.com")
        driver.find_element(By.CSS_SELECTOR, 'input[type="password"]').send_keys(DEMO_PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "button.q-btn[class*='bg-primary']").click()
        wait_for(lambda: "/login" not in driver.current_url, 60, "signing in on B")
        driver.get(f"{b.base}/admin/day?day={day}&show=unallocated")
        wait_for(
            lambda: "Day Manager" in driver.page_source and "<table" in driver.page_source, 60, "the day"
        )

        booked = book_through(a, margaret_id(database), day)
        made = time.monotonic()
        wait_for(lambda: booked["number"] in driver.page_source, 30, "the booking on B's Day Manager")
        latency = time.monotonic() - made
        print(f"\nbooking {booked['number']} made on A appeared on B's Day Manager after {latency:.2f} s")

        # Exactly one process runs the jobs; stopping it hands them to the other.
        holder = wait_for(lambda: lease_holder(database), 60, "a scheduler leader")
        leader, other = (a, b) if holder == a.holder else (b, a)
        assert holder == leader.holder, (holder, a.holder, b.holder)
        assert "now runs the scheduled jobs" in leader.text()
        assert "now runs the scheduled jobs" not in other.text()
        stopping = time.monotonic()
        assert leader.stop() == 0, leader.text()[-3000:]  # its running jobs finish first
        stopped = time.monotonic()
        wait_for(lambda: lease_holder(database) == other.holder, 60, "the other process to take the jobs")
        print(
            f"{leader.name} stopped cleanly in {stopped - stopping:.2f} s; "
            f"{other.name} ran the jobs {time.monotonic() - stopped:.2f} s later"
        )
        assert "now runs the scheduled jobs" in other.text()
        health = httpx.get(f"{other.base}/healthz", timeout=30).json()
        assert health["scheduler_leader"] == other.holder, health
        assert "Traceback" not in leader.text(), leader.text()
    finally:
        codes = [portal.stop() for portal in (a, b) if portal is not None]
    assert codes == [0] * len(codes)
    assert all("Traceback" not in portal.text() for portal in (a, b) if portal is not None)
