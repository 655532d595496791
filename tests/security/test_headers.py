"""Finding 3: every response carries the security headers — a page, an API answer, a static file,
a redirect, a 404 — checked against main.py's application as NiceGUI's simulated user runs it."""

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from nicegui.testing import User
from nicegui.testing.user_simulation import user_simulation

from components import headers
from components.headers import CONTENT_SECURITY_POLICY
from tests.support.ui import sign_in

ROOT = Path(__file__).resolve().parents[2]

EXPECTED = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
}
# Each kind of response: a page, the API (refused and answered), a static file of the portal and of
# NiceGUI, the API docs, a redirect to sign in, and 404s.
PATHS = {
    "/login": 200,
    "/api/v1/messages": 401,
    "/openapi.json": 200,
    "/static/theme.css": 200,
    "/docs": 200,
    "/clients/1/profile": 307,
    "/api/v1/no-such-route": 404,
    "/static/no-such-file.css": 404,
}


def missing_headers(headers: httpx.Headers) -> list[str]:
    wrong = [
        f"{name}: {headers.get(name)!r}" for name, value in EXPECTED.items() if headers.get(name) != value
    ]
    policy = headers.get("permissions-policy") or ""
    wrong += [
        f"permissions-policy lacks {feature}=()"
        for feature in ("camera", "microphone", "geolocation")
        if f"{feature}=()" not in policy
    ]
    return wrong


async def test_every_kind_of_response_carries_the_security_headers(user: User) -> None:
    failures = []
    for path, status in PATHS.items():
        response = await user.http_client.get(path)
        assert response.status_code == status, path
        failures += [f"{path} ({status}): {problem}" for problem in missing_headers(response.headers)]
        assert "strict-transport-security" not in response.headers, path  # PUBLIC_URL is http here
    assert not failures, "\n".join(failures)


async def test_nicegui_files_and_a_signed_in_page_carry_them_too(user: User) -> None:
    login = await user.http_client.get("/login")
    nicegui_css = next(
        part.split('"')[0] for part in login.text.split('url("')[1:] if "/_nicegui/" in part.split('"')[0]
    )
    response = await user.http_client.get(nicegui_css)
    assert response.status_code == 200
    assert not missing_headers(response.headers)
    await sign_in(user, "margaret@example.com")
    profile = await user.http_client.get("/profile", follow_redirects=True)
    assert profile.status_code == 200
    assert not missing_headers(profile.headers)


async def test_head_answers_like_get_without_a_body(user: User) -> None:
    response = await user.http_client.head("/login")
    assert response.status_code == 200
    assert response.content == b""
    assert not missing_headers(response.headers)


@pytest.fixture
async def https_user(demo_portal: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[User]:
    """The portal as deployed behind https (PUBLIC_URL names an https address)."""
    monkeypatch.setenv("PUBLIC_URL", "https://care.example.org")
    async with user_simulation(main_file=ROOT / "main.py") as simulated:
        yield simulated


async def test_hsts_is_sent_when_the_portal_is_reached_over_https(https_user: User) -> None:
    for path in ("/login", "/api/v1/messages", "/static/theme.css"):
        response = await https_user.http_client.get(path)
        assert response.headers.get("strict-transport-security") == "max-age=31536000; includeSubDomains"
        assert not missing_headers(response.headers)


async def test_a_server_error_carries_them_and_installing_twice_does_not_nest() -> None:
    def boom() -> None:
        raise RuntimeError("a bug")

    broken = FastAPI()
    broken.get("/boom")(boom)
    headers.install(broken, "http://127.0.0.1:8080")
    headers.install(broken, "https://care.example.org")
    stack = broken.build_middleware_stack()
    assert isinstance(stack, headers.SecurityHeaders)
    assert not isinstance(stack.app, headers.SecurityHeaders)
    transport = httpx.ASGITransport(app=broken, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://portal") as client:
        response = await client.get("/boom")
    assert response.status_code == 500
    assert not missing_headers(response.headers)
    assert "strict-transport-security" in response.headers
