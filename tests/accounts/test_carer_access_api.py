"""The JSON API asks the same carer access rule as the pages, on SQLite and PostgreSQL: a carer the
office set to view only reads the catalogue and the visits, and booking and cancelling are answered
403 with the plain reason and nothing written."""

from datetime import timedelta

import httpx

from demo import DEMO_PASSWORD
from domain import clock
from domain.backoffice import clients
from domain.vocabulary import CarerAccess, ShiftStatus
from storage.models import AuditEvent, Booking, OutboxMessage
from tests.booking import test_api_for_clients_and_roster as clients_api
from tests.booking.support import approved_services
from tests.support.personas import Personas
from tests.support.records import count, shift, shift_ids

VIEW_ONLY = "to view only. Ask the office to change it."
client = clients_api.client  # the API's test client fixture


async def daniel(
    client: httpx.AsyncClient, personas: Personas, level: CarerAccess
) -> tuple[dict[str, str], int]:
    thanh = personas.cared_for("Thanh")
    clients.set_carer_access(
        personas.case_manager, thanh, personas.carer.account_id, level=level.value, statements=True
    )
    response = await client.post(
        "/api/v1/tokens", json={"email": "daniel@example.com", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}, thanh


def asked(thanh: int) -> dict[str, object]:
    return {
        "approved_service_id": approved_services(thanh)[0],
        "first_date": "2026-12-02",
        "start_time": "10:00:00",
        "duration_minutes": 60,
    }


def written() -> tuple[int, int]:
    return count(Booking), count(OutboxMessage)


async def test_a_view_only_carer_reads_but_neither_books_nor_cancels(
    client: httpx.AsyncClient, personas: Personas
) -> None:
    headers, thanh = await daniel(client, personas, CarerAccess.VIEW)
    assert (await client.get(f"/api/v1/clients/{thanh}/catalogue", headers=headers)).status_code == 200
    visits = await client.get(
        f"/api/v1/clients/{thanh}/visits",
        params={"first": "2026-11-01", "last": "2026-11-30"},
        headers=headers,
    )
    assert visits.status_code == 200, visits.text
    before, audits = written(), count(AuditEvent, AuditEvent.action != "view")
    for path in ("providers", "bookings"):
        response = await client.post(f"/api/v1/clients/{thanh}/{path}", json=asked(thanh), headers=headers)
        assert response.status_code == 403, response.text
        assert response.json()["detail"].endswith(VIEW_ONLY)
    visit = shift_ids(thanh, ShiftStatus.ALLOCATED, after=clock.now() + timedelta(days=14))[0]
    preview = await client.get(f"/api/v1/shifts/{visit}/cancellation", headers=headers)
    assert preview.status_code == 403
    assert preview.json()["detail"].endswith(VIEW_ONLY)
    cancelled = await client.post(
        f"/api/v1/shifts/{visit}/cancel", json={"reason": "NSDH", "confirmed_fee_cents": 0}, headers=headers
    )
    assert cancelled.status_code == 403
    assert cancelled.json()["detail"].endswith(VIEW_ONLY)
    assert written() == before
    assert count(AuditEvent, AuditEvent.action != "view") == audits
    assert shift(visit).status == ShiftStatus.ALLOCATED


async def test_a_carer_who_may_book_books_and_cancels(client: httpx.AsyncClient, personas: Personas) -> None:
    headers, thanh = await daniel(client, personas, CarerAccess.BOOK)
    booked = await client.post(f"/api/v1/clients/{thanh}/bookings", json=asked(thanh), headers=headers)
    assert booked.status_code == 201, booked.text
    visit = shift_ids(thanh, ShiftStatus.ALLOCATED, after=clock.now() + timedelta(days=14))[0]
    fee = (await client.get(f"/api/v1/shifts/{visit}/cancellation", headers=headers)).json()["fee_cents"]
    cancelled = await client.post(
        f"/api/v1/shifts/{visit}/cancel", json={"reason": "NSDH", "confirmed_fee_cents": fee}, headers=headers
    )
    assert cancelled.status_code == 200, cancelled.text
    assert shift(visit).status == ShiftStatus.CANCELLED
