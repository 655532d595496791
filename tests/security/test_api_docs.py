"""Finding 8: /docs works without internet — Swagger UI's script and style are served by the portal
itself — and API_DOCS=0 turns the documentation off."""

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from nicegui.testing import User
from nicegui.testing.user_simulation import user_simulation

ROOT = Path(__file__).resolve().parents[2]


async def test_docs_reference_no_other_host_and_their_files_are_served(user: User) -> None:
    response = await user.http_client.get("/docs")
    assert response.status_code == 200
    page = response.text
    assert "SwaggerUIBundle" in page
    assert not re.search(r"(?:src|href|url)\s*[=:(]\s*['\"]?(?:https?:)?//", page), page
    referenced = re.findall(r"(?:src|href)=['\"]([^'\"]+)['\"]", page)
    assert any(url.endswith(".js") for url in referenced)
    assert any(url.endswith(".css") for url in referenced)
    for url in referenced:
        assert url.startswith("/"), url
        assert (await user.http_client.get(url)).status_code == 200, url
    assert "openapi.json" in page
    assert (await user.http_client.get("/openapi.json")).json()["paths"]


@pytest.fixture
async def no_docs_user(demo_portal: str, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[User]:
    monkeypatch.setenv("API_DOCS", "0")
    async with user_simulation(main_file=ROOT / "main.py") as simulated:
        yield simulated


async def test_api_docs_0_turns_the_documentation_off(no_docs_user: User) -> None:
    for path in ("/docs", "/openapi.json", "/docs/assets/swagger-ui-bundle.js"):
        assert (await no_docs_user.http_client.get(path)).status_code == 404, path
    assert (await no_docs_user.http_client.get("/login")).status_code == 200
