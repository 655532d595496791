"""An id no record can have — past PostgreSQL's integer, zero, negative — is refused as bad input
(422) by every page, picture, download and API route, never a server error."""

import httpx
import pytest
from fastapi import FastAPI
from nicegui.testing import User

import api
from demo import DEMO_PASSWORD
from tests.support.personas import Personas
from tests.support.ui import sign_in

BEYOND = ("99999999999999999999", "2147483648", "0", "-1")
PAGES = (
    "/clients/{id}/profile",
    "/clients/{id}/calendar",
    "/clients/{id}/history",
    "/clients/{id}/services",
    "/clients/{id}/statements",
    "/clients/{id}/statements/pdf",
    "/clients/{id}/book",
    "/clients/{id}/preferences",
    "/workers/{id}/reviews",
    "/media/clients/{id}/photo",
    "/media/workers/{id}/photo",
    "/media/services/{id}/image",
)


@pytest.mark.parametrize("path", PAGES)
async def test_no_page_answers_an_impossible_id_with_a_server_error(user: User, path: str) -> None:
    await sign_in(user, "admin@example.com")  # staff: every client's records are theirs to open
    for record_id in BEYOND:
        response = await user.http_client.get(path.format(id=record_id))
        assert response.status_code == 422, (record_id, response.status_code, response.text[:200])


@pytest.fixture
async def client(personas: Personas) -> httpx.AsyncClient:
    app = FastAPI()
    app.include_router(api.router)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://portal")


async def test_no_api_route_answers_an_impossible_id_with_a_server_error(client: httpx.AsyncClient) -> None:
    async with client:
        signed = await client.post(
            "/api/v1/tokens", json={"email": "aisha@example.com", "password": DEMO_PASSWORD, "device": "test"}
        )
        headers = {"Authorization": f"Bearer {signed.json()['token']}"}
        for record_id in BEYOND:
            for method, path in (
                ("GET", f"/api/v1/messages/{record_id}"),
                ("POST", f"/api/v1/messages/{record_id}/read"),
                ("POST", f"/api/v1/offers/{record_id}/accept"),
                ("POST", f"/api/v1/offers/{record_id}/reject"),
                ("POST", f"/api/v1/shifts/{record_id}/complete"),
            ):
                response = await client.request(method, path, headers=headers)
                assert response.status_code == 422, (method, path, response.status_code, response.text[:200])
