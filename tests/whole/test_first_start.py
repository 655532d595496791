"""A newcomer's first `make run`: on an empty data folder the portal migrates, seeds the demo agency,
starts the jobs and the mail catcher, and serves — and its log in the first two minutes has no
traceback and no error; its /login carries the security headers, for HEAD (`curl -sI`) as for GET.
Once a first start printed about ten "database is locked" tracebacks
(every job starting at once on SQLite) and e-mailed one message twice."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from components.headers import CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY
from tests.support.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
WATCHED_SECONDS = 120.0


@pytest.mark.whole
def test_a_first_start_serves_and_logs_no_traceback_in_two_minutes(tmp_path: Path) -> None:
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            (
                *("DATABASE_URL", "SEED_DEMO", "RUN_JOBS", "SMTP_", "STORAGE_SECRET"),
                *("PYTEST", "NICEGUI", "PUBLIC_URL", "API_DOCS"),
            )
        )
    }
    env.update({"DATA_DIR": str(tmp_path / "data"), "PORT": str(port), "MAIL_CATCHER_PORT": str(free_port())})
    log = tmp_path / "first-start.log"
    with log.open("wb") as out:
        portal = subprocess.Popen([sys.executable, "main.py"], cwd=ROOT, env=env, stdout=out, stderr=out)
        try:
            served = _serves(f"http://127.0.0.1:{port}/login", portal)
            headers = _login_headers(port) if served else {}
            with pytest.raises(subprocess.TimeoutExpired):  # it keeps serving the whole time
                portal.wait(timeout=WATCHED_SECONDS)
            text = log.read_text(errors="replace")
        finally:
            portal.send_signal(signal.SIGINT)  # Ctrl-C, as a person stops it
            stopped = portal.wait(timeout=60)
    assert served, text[-3000:]
    assert headers == SECURITY_HEADERS, headers
    assert "Traceback" not in text, text
    assert " ERROR " not in text, text
    assert "ERROR:" not in text, text
    assert "demo logins" in text
    stopping = log.read_text(errors="replace")[len(text) :]
    assert stopped == 0, stopping
    assert "Traceback" not in stopping, stopping


# What `curl -sI http://127.0.0.1:8080/login` shows on a fresh `make run` (PUBLIC_URL is http, so no HSTS).
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    "cross-origin-opener-policy": "same-origin",
    "strict-transport-security": None,
}


def _login_headers(port: int) -> dict[str, str | None]:
    """The security headers of /login on the real process, asked for with HEAD (as curl -sI) and GET."""
    head = httpx.head(f"http://127.0.0.1:{port}/login", timeout=60)
    get = httpx.get(f"http://127.0.0.1:{port}/login", timeout=60)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    for name in SECURITY_HEADERS:
        assert head.headers.get(name) == get.headers.get(name), name
    return {name: get.headers.get(name) for name in SECURITY_HEADERS}


def _serves(url: str, portal: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and portal.poll() is None:
        try:
            if httpx.get(url, timeout=5).status_code == 200:
                return True
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    return False
