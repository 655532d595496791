"""The worker app's offers and shifts on the JSON API (/api/v1, bearer tokens), on SQLite and
PostgreSQL: the same domain functions as the pages; a worker answering another's offer gets 403."""

from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

import api
from demo import DEMO_PASSWORD
from domain import clock
from domain.booking import requests
from domain.vocabulary import OfferStatus, Recurrence, ShiftStatus
from storage import db
from storage.models import Account, Shift
from tests.support.personas import Personas

from .support import bookable_worker, offer_of, shifts_of, wanted


@pytest.fixture
async def client(personas: Personas) -> AsyncIterator[httpx.AsyncClient]:
    app = FastAPI()
    app.include_router(api.router)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://portal") as client:
        yield client


async def sign_in(client: httpx.AsyncClient, worker_id: int) -> dict[str, str]:
    """A token for the worker; one who never set a password gets the demo personas' first."""
    with db.write() as session:
        account = session.scalar(select(Account).where(Account.worker_id == worker_id))
        assert account is not None
        if account.password_hash is None:
            account.password_hash = session.scalar(
                select(Account.password_hash).where(Account.email == "aisha@example.com")
            )
        email = account.email
    response = await client.post("/api/v1/tokens", json={"email": email, "password": DEMO_PASSWORD})
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def offered(personas: Personas) -> tuple[int, int, int]:
    """Margaret nominates a worker for a weekly visit: (booking id, offer id, worker id)."""
    request = wanted(personas.client.client_id, recurrence=Recurrence.WEEKLY)
    worker_id = bookable_worker(personas.client, request)
    booked = requests.nominate(personas.client, request, worker_id)
    return booked.booking_id, offer_of(booked.booking_id).id, worker_id


async def test_a_worker_lists_and_accepts_their_offer(client: httpx.AsyncClient, personas: Personas) -> None:
    booking_id, offer_id, worker_id = offered(personas)
    headers = await sign_in(client, worker_id)
    listed = (await client.get("/api/v1/offers", headers=headers)).json()
    assert [o["id"] for o in listed] == [offer_id]
    assert listed[0]["client_first_name"] == "Margaret"
    assert len(listed[0]["occurrences"]) == len(shifts_of(booking_id))
    answer = await client.post(f"/api/v1/offers/{offer_id}/accept", headers=headers)
    assert answer.status_code == 200, answer.text
    assert {s.status for s in shifts_of(booking_id)} == {ShiftStatus.ALLOCATED}
    assert (await client.get("/api/v1/offers", headers=headers)).json() == []
    again = await client.post(f"/api/v1/offers/{offer_id}/accept", headers=headers)
    assert again.status_code == 409
    assert "already accepted" in again.json()["detail"]


async def test_a_worker_rejects_their_offer_with_a_note(
    client: httpx.AsyncClient, personas: Personas
) -> None:
    booking_id, offer_id, worker_id = offered(personas)
    headers = await sign_in(client, worker_id)
    answer = await client.post(f"/api/v1/offers/{offer_id}/reject", headers=headers, json={"note": "Sorry"})
    assert answer.status_code == 200, answer.text
    assert offer_of(booking_id).answer_note == "Sorry"
    assert {s.status for s in shifts_of(booking_id)} == {ShiftStatus.UNALLOCATED}


async def test_a_worker_answering_another_workers_offer_gets_403_and_nothing_changes(
    client: httpx.AsyncClient, personas: Personas
) -> None:
    booking_id, offer_id, worker_id = offered(personas)
    other = next(w for w in (personas.worker.worker_id, personas.other_worker.worker_id) if w != worker_id)
    assert other is not None
    headers = await sign_in(client, other)
    for verb in ("accept", "reject"):
        assert (await client.post(f"/api/v1/offers/{offer_id}/{verb}", headers=headers)).status_code == 403
    assert offer_of(booking_id).status == OfferStatus.PENDING
    assert {s.status for s in shifts_of(booking_id)} == {ShiftStatus.OFFERED}
    assert (await client.get("/api/v1/offers", headers=headers)).json() == []


async def test_a_worker_lists_their_shifts_and_marks_a_started_one_completed(
    client: httpx.AsyncClient, personas: Personas
) -> None:
    worker_id = personas.worker.worker_id
    assert worker_id is not None
    headers = await sign_in(client, worker_id)
    listed = (await client.get("/api/v1/shifts", params={"days": 14}, headers=headers)).json()
    assert listed, "Aisha has shifts in the demo agency"
    assert all(s["address"] and s["client_name"] for s in listed)
    coming = next(s for s in listed if s["status"] == "allocated" and not s["can_complete"])
    early = await client.post(f"/api/v1/shifts/{coming['id']}/complete", headers=headers)
    assert early.status_code == 400
    assert "not started" in early.json()["detail"]
    with db.read() as session:
        starts = session.get(Shift, coming["id"]).starts_at  # type: ignore[union-attr]
    clock.freeze(starts + timedelta(minutes=5))
    done = await client.post(f"/api/v1/shifts/{coming['id']}/complete", headers=headers)
    assert done.status_code == 200, done.text
    with db.read() as session:
        assert session.get(Shift, coming["id"]).status == ShiftStatus.COMPLETED  # type: ignore[union-attr]


async def test_a_worker_cannot_complete_another_workers_shift(
    client: httpx.AsyncClient, personas: Personas
) -> None:
    with db.read() as session:
        bens = session.scalar(
            select(Shift.id).where(
                Shift.worker_id == personas.other_worker.worker_id, Shift.status == ShiftStatus.ALLOCATED
            )
        )
    assert bens is not None
    headers = await sign_in(client, personas.worker.worker_id or 0)
    assert (await client.post(f"/api/v1/shifts/{bens}/complete", headers=headers)).status_code == 403
    with db.read() as session:
        assert session.get(Shift, bens).status == ShiftStatus.ALLOCATED  # type: ignore[union-attr]


async def test_the_offers_and_shifts_endpoints_are_in_the_openapi_document(client: httpx.AsyncClient) -> None:
    app = FastAPI()
    app.include_router(api.router)
    paths = app.openapi()["paths"]
    for path in (
        "/api/v1/offers",
        "/api/v1/offers/{offer_id}/accept",
        "/api/v1/offers/{offer_id}/reject",
        "/api/v1/shifts",
        "/api/v1/shifts/{shift_id}/complete",
    ):
        assert path in paths


async def test_the_shifts_endpoint_refuses_a_silly_number_of_days(
    client: httpx.AsyncClient, personas: Personas
) -> None:
    headers = await sign_in(client, personas.worker.worker_id or 0)
    assert (await client.get("/api/v1/shifts", params={"days": 0}, headers=headers)).status_code == 422
