"""The worker JSON API under /api/v1, on SQLite and PostgreSQL: bearer tokens from e-mail and
password (with the sign-in page's lockout), and a worker's own inbox only."""

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

import api
from demo import DEMO_PASSWORD
from domain import action
from domain.accounts import passwords
from domain.messaging import delivery, inbox, outbox
from storage import db
from storage.models import Account, ApiToken
from tests.support.letters import TestNote
from tests.support.personas import Personas


@pytest.fixture
async def client(personas: Personas) -> AsyncIterator[httpx.AsyncClient]:
    app = FastAPI()
    app.include_router(api.router)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://portal") as client:
        yield client


async def sign_in(
    client: httpx.AsyncClient, email: str = "aisha@example.com", password: str = DEMO_PASSWORD
) -> dict:
    response = await client.post(
        "/api/v1/tokens", json={"email": email, "password": password, "device": "test"}
    )
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def deliver_note(account_id: int, n: int = 1) -> None:
    with action.writing() as act:
        outbox.app_message(act, account_id=account_id, letter=TestNote(n, "you"))
    delivery.dispatch(None, holder="test")


async def test_a_worker_signs_in_and_reads_their_inbox(client: httpx.AsyncClient, personas: Personas) -> None:
    deliver_note(personas.worker.account_id, 1)
    deliver_note(personas.worker.account_id, 2)
    response = await client.get("/api/v1/messages", headers=await sign_in(client))
    assert response.status_code == 200
    body = response.json()
    assert body["unread"] == 2
    assert [m["title"] for m in body["messages"]] == ["Test note 2", "Test note 1"]


async def test_only_the_tokens_hash_is_stored(client: httpx.AsyncClient, personas: Personas) -> None:
    token = (await sign_in(client))["Authorization"].removeprefix("Bearer ")
    with db.read() as session:
        [row] = session.query(ApiToken).all()
    assert row.token_hash == passwords.token_hash(token)
    assert token not in row.token_hash


async def test_no_token_or_a_wrong_one_is_401(client: httpx.AsyncClient, personas: Personas) -> None:
    assert (await client.get("/api/v1/messages")).status_code == 401
    wrong = await client.get("/api/v1/messages", headers={"Authorization": "Bearer not-a-token"})
    assert wrong.status_code == 401
    assert wrong.headers["WWW-Authenticate"] == "Bearer"


async def test_a_wrong_password_is_401_and_five_lock_the_account_as_on_the_sign_in_page(
    client: httpx.AsyncClient, personas: Personas
) -> None:
    answers = [
        (
            await client.post("/api/v1/tokens", json={"email": "aisha@example.com", "password": "wrong"})
        ).status_code
        for _ in range(5)
    ]
    assert answers == [401, 401, 401, 401, 423]
    locked = await client.post(
        "/api/v1/tokens", json={"email": "aisha@example.com", "password": DEMO_PASSWORD}
    )
    assert locked.status_code == 423
    assert "locked" in locked.json()["detail"]


async def test_a_stranger_guessing_a_workers_password_does_not_sign_the_worker_out_of_the_app(
    client: httpx.AsyncClient, personas: Personas
) -> None:
    aisha = await sign_in(client)
    for _ in range(5):
        await client.post("/api/v1/tokens", json={"email": "aisha@example.com", "password": "guess"})
    refused = await client.post(
        "/api/v1/tokens", json={"email": "aisha@example.com", "password": DEMO_PASSWORD}
    )
    assert refused.status_code == 423  # new sign-ins wait out the lock
    assert (await client.get("/api/v1/messages", headers=aisha)).status_code == 200  # her phone stays in
    assert (await client.get("/api/v1/shifts", headers=aisha)).status_code == 200


async def test_a_worker_may_not_read_or_mark_another_workers_message(
    client: httpx.AsyncClient, personas: Personas
) -> None:
    deliver_note(personas.other_worker.account_id)
    [bens] = inbox.messages(personas.other_worker)
    aisha = await sign_in(client)
    assert (await client.get(f"/api/v1/messages/{bens.id}", headers=aisha)).status_code == 403
    assert (await client.post(f"/api/v1/messages/{bens.id}/read", headers=aisha)).status_code == 403
    assert inbox.messages(personas.other_worker)[0].unread
    assert (await client.get("/api/v1/messages", headers=aisha)).json()["messages"] == []


async def test_a_worker_marks_their_message_read(client: httpx.AsyncClient, personas: Personas) -> None:
    deliver_note(personas.worker.account_id)
    headers = await sign_in(client)
    [message] = (await client.get("/api/v1/messages", headers=headers)).json()["messages"]
    marked = await client.post(f"/api/v1/messages/{message['id']}/read", headers=headers)
    assert marked.status_code == 200
    assert marked.json()["unread"] is False
    assert (await client.get("/api/v1/messages", headers=headers)).json()["unread"] == 0
    assert (await client.get("/api/v1/messages/999999", headers=headers)).status_code == 404


async def test_an_administrator_gets_no_token_but_the_other_roles_do(
    client: httpx.AsyncClient, personas: Personas
) -> None:
    refused = await client.post(
        "/api/v1/tokens", json={"email": "admin@example.com", "password": DEMO_PASSWORD}
    )
    assert refused.status_code == 403
    for email in ("margaret@example.com", "daniel@example.com", "rosa@example.com", "chris@example.com"):
        response = await client.post("/api/v1/tokens", json={"email": email, "password": DEMO_PASSWORD})
        assert response.status_code == 201, email


async def test_a_client_with_a_token_is_no_worker(client: httpx.AsyncClient, personas: Personas) -> None:
    margaret = await sign_in(client, "margaret@example.com")
    for path in ("/api/v1/messages", "/api/v1/offers", "/api/v1/shifts"):
        assert (await client.get(path, headers=margaret)).status_code == 403, path


async def test_a_signed_out_token_stops_working(client: httpx.AsyncClient, personas: Personas) -> None:
    headers = await sign_in(client)
    assert (await client.delete("/api/v1/tokens/current", headers=headers)).status_code == 204
    assert (await client.get("/api/v1/messages", headers=headers)).status_code == 401


async def test_a_closed_account_cannot_use_its_token(client: httpx.AsyncClient, personas: Personas) -> None:
    headers = await sign_in(client)
    with db.write() as session:
        session.get(Account, personas.worker.account_id).active = False  # type: ignore[union-attr]
    assert (await client.get("/api/v1/messages", headers=headers)).status_code == 401
