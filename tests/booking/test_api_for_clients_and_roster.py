"""The JSON API beyond the worker app, on SQLite and PostgreSQL: a client books and cancels, the
roster allocates, staff allow or decline bookings past the approved hours — the same domain
functions as the pages, the same refusals for someone else's records (a decline without a reason
or a second decision: 422, nothing written)."""

from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

import api
from demo import DEMO_PASSWORD
from domain.vocabulary import ShiftStatus
from tests.pricing.test_over_hours import book_past_the_hours
from tests.pricing.test_over_hours_holding import shifts_of
from tests.support.personas import Personas

from .support import approved_services
from .test_api import sign_in as worker_sign_in


@pytest.fixture
async def client(personas: Personas) -> AsyncIterator[httpx.AsyncClient]:
    app = FastAPI()
    app.include_router(api.router)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://portal") as client:
        yield client


async def token(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    response = await client.post("/api/v1/tokens", json={"email": email, "password": DEMO_PASSWORD})
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def request_for(service: int, day: str = "2026-12-02", start: str = "10:00:00") -> dict[str, object]:
    return {"approved_service_id": service, "first_date": day, "start_time": start, "duration_minutes": 60}


async def test_a_client_books_a_worker_who_accepts_and_then_cancels_the_visit(
    client: httpx.AsyncClient, personas: Personas
) -> None:
    margaret_id = personas.client.client_id
    margaret = await token(client, "margaret@example.com")
    catalogue = (await client.get(f"/api/v1/clients/{margaret_id}/catalogue", headers=margaret)).json()
    service = catalogue[0]["approved_service_id"]
    assert service in approved_services(margaret_id)
    asked = request_for(service)
    found = await client.post(f"/api/v1/clients/{margaret_id}/providers", json=asked, headers=margaret)
    assert found.status_code == 200, found.text
    worker_id = found.json()[0]["worker_id"]
    booked = await client.post(
        f"/api/v1/clients/{margaret_id}/bookings", json={**asked, "worker_id": worker_id}, headers=margaret
    )
    assert booked.status_code == 201, booked.text
    assert booked.json()["status"] == "offered"
    worker = await worker_sign_in(client, worker_id)
    [offer] = (await client.get("/api/v1/offers", headers=worker)).json()
    assert (await client.post(f"/api/v1/offers/{offer['id']}/accept", headers=worker)).status_code == 200
    visits = await client.get(
        f"/api/v1/clients/{margaret_id}/visits",
        params={"first": "2026-12-02", "last": "2026-12-02"},
        headers=margaret,
    )
    [visit] = [v for v in visits.json()["visits"] if v["booking_number"] == booked.json()["number"]]
    assert visit["status"] == "allocated"
    fee = (await client.get(f"/api/v1/shifts/{visit['shift_id']}/cancellation", headers=margaret)).json()
    wrong = {"reason": "NSDH", "confirmed_fee_cents": fee["fee_cents"] + 1}
    assert (
        await client.post(f"/api/v1/shifts/{visit['shift_id']}/cancel", json=wrong, headers=margaret)
    ).status_code == 409
    right = {"reason": "NSDH", "confirmed_fee_cents": fee["fee_cents"]}
    cancelled = await client.post(f"/api/v1/shifts/{visit['shift_id']}/cancel", json=right, headers=margaret)
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["visits"] == [visit["shift_id"]]


async def test_the_roster_allocates_a_visit_the_client_left_to_the_agency(
    client: httpx.AsyncClient, personas: Personas
) -> None:
    margaret_id = personas.client.client_id
    margaret, rosa = await token(client, "margaret@example.com"), await token(client, "rosa@example.com")
    asked = request_for(approved_services(margaret_id)[0], start="14:00:00")
    booked = await client.post(f"/api/v1/clients/{margaret_id}/bookings", json=asked, headers=margaret)
    assert booked.json()["status"] == "requested"
    day = await client.get("/api/v1/day", params={"on": "2026-12-02", "show": "unallocated"}, headers=rosa)
    [visit] = [v for v in day.json()["visits"] if v["booking_number"] == booked.json()["number"]]
    candidates = (await client.get(f"/api/v1/shifts/{visit['shift_id']}/candidates", headers=rosa)).json()
    assert candidates["providers"]
    worker_id = candidates["providers"][0]["worker_id"]
    given = await client.post(
        f"/api/v1/shifts/{visit['shift_id']}/allocate", json={"worker_id": worker_id}, headers=rosa
    )
    assert given.status_code == 200, given.text
    again = await client.post(
        f"/api/v1/shifts/{visit['shift_id']}/allocate", json={"worker_id": worker_id}, headers=rosa
    )
    assert again.status_code == 400  # no longer waiting for a worker


async def test_nobody_books_sees_or_cancels_for_a_client_they_do_not_act_for(
    client: httpx.AsyncClient, personas: Personas
) -> None:
    margaret_id = personas.client.client_id
    george = await token(client, "george@example.com")
    asked = request_for(approved_services(margaret_id)[0])
    for method, path, body in (
        ("GET", f"/api/v1/clients/{margaret_id}/catalogue", None),
        ("POST", f"/api/v1/clients/{margaret_id}/providers", asked),
        ("POST", f"/api/v1/clients/{margaret_id}/bookings", asked),
        ("GET", f"/api/v1/clients/{margaret_id}/visits?first=2026-11-01&last=2026-11-30", None),
    ):
        response = await client.request(method, path, json=body, headers=george)
        assert response.status_code == 403, (path, response.text)
    for path in ("/api/v1/day?on=2026-12-02", "/api/v1/shifts/1/candidates"):
        assert (await client.get(path, headers=george)).status_code == 403, path


async def test_a_case_manager_declines_and_a_roster_officer_allows_through_the_api(
    client: httpx.AsyncClient, personas: Personas
) -> None:
    declined, allowed = book_past_the_hours(personas), book_past_the_hours(personas)
    chris, rosa = await token(client, "chris@example.com"), await token(client, "rosa@example.com")
    margaret = await token(client, "margaret@example.com")
    listed = await client.get("/api/v1/over-hours", headers=chris)
    assert listed.status_code == 200, listed.text
    assert {declined, allowed} <= {line["booking_id"] for line in listed.json()}
    assert (await client.get("/api/v1/over-hours", headers=margaret)).status_code == 403
    refused = await client.post(f"/api/v1/bookings/{allowed}/extra-hours/allow", headers=margaret)
    assert refused.status_code == 403

    no_reason = await client.post(
        f"/api/v1/bookings/{declined}/extra-hours/decline", json={"reason": " "}, headers=chris
    )
    assert no_reason.status_code == 422
    assert shifts_of(declined) == [(ShiftStatus.WAITING, None, None)]
    done = await client.post(
        f"/api/v1/bookings/{declined}/extra-hours/decline",
        json={"reason": "No room this week."},
        headers=chris,
    )
    assert done.status_code == 200, done.text
    assert declined not in {line["booking_id"] for line in done.json()}
    assert shifts_of(declined) == [(ShiftStatus.CANCELLED, None, 0)]

    assert (
        await client.post(f"/api/v1/bookings/{allowed}/extra-hours/allow", headers=rosa)
    ).status_code == 200
    again = await client.post(f"/api/v1/bookings/{allowed}/extra-hours/allow", headers=rosa)
    assert again.status_code == 422
    assert shifts_of(allowed) == [(ShiftStatus.UNALLOCATED, None, None)]
