"""The audit log: append-only on both databases, naming whose client record was viewed or changed,
through pages and the API alike, and searchable by an administrator."""

import httpx
import pytest
from fastapi import FastAPI
from nicegui.testing import User
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

import api
from demo import DEMO_PASSWORD
from domain import action
from domain.errors import InvalidInput, NotAllowed
from domain.records import audit_log
from storage import db
from storage.models import AuditEvent, Shift
from tests.support.personas import Personas
from tests.support.ui import eventually, sign_in


def audit_rows(**where: object) -> list[AuditEvent]:
    with db.read() as session:
        query = select(AuditEvent).order_by(AuditEvent.id)
        for name, value in where.items():
            query = query.where(getattr(AuditEvent, name) == value)
        return list(session.scalars(query))


def test_an_audit_row_can_be_neither_changed_nor_deleted(personas: Personas, backend: str) -> None:
    audit_log.viewed(personas.admin, personas.client.client_id, "test")
    [row] = audit_rows(detail="test")
    for statement in (
        f"UPDATE audit_event SET detail = 'rewritten' WHERE id = {row.id}",
        f"UPDATE audit_event SET account_id = NULL WHERE id = {row.id}",
        f"DELETE FROM audit_event WHERE id = {row.id}",
        "DELETE FROM audit_event",
    ):
        with pytest.raises(DBAPIError, match="append-only"), db.write() as session:
            session.execute(text(statement))
    if backend == "postgresql":
        with pytest.raises(DBAPIError, match="append-only"), db.write() as session:
            session.execute(text("TRUNCATE audit_event"))
    [still] = audit_rows(id=row.id)
    assert still.detail == "test"
    assert still.account_id == personas.admin.account_id


def test_adding_rows_still_works_and_they_name_who_and_whose_record(personas: Personas) -> None:
    audit_log.viewed(personas.carer, personas.cared_for("Thanh"), "page /clients/x/profile")
    [row] = audit_rows(account_id=personas.carer.account_id, action="view")
    assert row.client_id == personas.cared_for("Thanh")
    assert row.actor_name == personas.carer.display_name
    assert row.actor_role == "carer"
    assert row.channel == "portal"


def test_a_refused_view_is_not_recorded_as_seen(personas: Personas) -> None:
    audit_log.viewed(personas.client, personas.other_client.client_id, "page")
    assert audit_rows(account_id=personas.client.account_id, action="view") == []


def test_a_change_to_a_visit_names_the_client_whose_visit_it_is(personas: Personas) -> None:
    with db.read() as session:
        shift = session.scalars(select(Shift).where(Shift.client_id == personas.client.client_id)).first()
        assert shift is not None
        shift_id = shift.id
    with action.writing(personas.roster) as act:
        act.audit("allocate", "shift", shift_id, "test")
    [row] = audit_rows(entity="shift", entity_id=shift_id, detail="test")
    assert row.client_id == personas.client.client_id


def test_only_an_administrator_searches_and_bad_dates_are_explained(personas: Personas) -> None:
    for someone in (personas.case_manager, personas.roster, personas.client, personas.worker):
        with pytest.raises(NotAllowed):
            audit_log.search(someone)
    with pytest.raises(InvalidInput) as refused:
        audit_log.search(personas.admin, first="11/27/2026", last="2026-11-01")
    assert "first" in refused.value.fields


def test_the_search_narrows_by_client_person_and_date(personas: Personas) -> None:
    audit_log.viewed(personas.carer, personas.cared_for("Thanh"), "by the carer")
    audit_log.viewed(personas.case_manager, personas.client.client_id, "by the case manager")
    by_client = audit_log.search(personas.admin, client="Margaret")
    assert {line.detail for line in by_client.lines} >= {"by the case manager"}
    assert "by the carer" not in {line.detail for line in by_client.lines}
    by_person = audit_log.search(personas.admin, person="daniel@example")
    assert [line.detail for line in by_person.lines] == ["by the carer"]
    assert by_person.lines[0].client.startswith("Thanh")
    today = audit_log.search(personas.admin, person="daniel", first="2026-11-27", last="2026-11-27")
    assert len(today.lines) == 1
    before = audit_log.search(personas.admin, person="daniel", last="2026-11-26")
    assert before.lines == ()


async def test_opening_a_client_page_is_audited_with_whose_record(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "chris@example.com")
    await user.open(f"/clients/{margaret}/services")
    await user.should_see("Services")

    def recorded() -> bool:
        return any(
            row.client_id == margaret and "services" in row.detail
            for row in audit_rows(account_id=portal_personas.case_manager.account_id, action="view")
        )

    await eventually(recorded, "the view is written")


async def test_a_refused_page_is_not_audited_as_seen(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{portal_personas.other_client.client_id}/profile")
    await user.should_see("You do not have access")
    george = portal_personas.other_client.client_id
    assert audit_rows(account_id=portal_personas.client.account_id, client_id=george) == []


async def test_an_api_answer_about_a_client_is_audited_as_through_the_api(personas: Personas) -> None:
    app = FastAPI()
    app.include_router(api.router)
    margaret = personas.client.client_id
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://portal") as client:
        signed = await client.post(
            "/api/v1/tokens", json={"email": "margaret@example.com", "password": DEMO_PASSWORD, "device": "t"}
        )
        headers = {"Authorization": f"Bearer {signed.json()['token']}"}
        answer = await client.get(f"/api/v1/clients/{margaret}/catalogue", headers=headers)
        assert answer.status_code == 200
        george = personas.other_client.client_id
        refused = await client.get(f"/api/v1/clients/{george}/catalogue", headers=headers)
        assert refused.status_code in (403, 404)
    [row] = audit_rows(account_id=personas.client.account_id, action="view")
    assert row.client_id == margaret
    assert row.channel == "api"
    assert "catalogue" in row.detail


async def test_the_audit_page_searches_by_client(user: User, portal_personas: Personas) -> None:
    audit_log.viewed(portal_personas.case_manager, portal_personas.other_client.client_id, "seen by Chris")
    await sign_in(user, "admin@example.com")
    await user.open("/admin/audit")
    await user.should_see("seen by Chris")
    user.find(marker="audit-client").type("Margaret")
    user.find(marker="audit-search").click()
    await user.should_not_see("seen by Chris")
    user.find(marker="audit-client").clear().type("George")
    user.find(marker="audit-from").type("not a date")
    user.find(marker="audit-search").click()
    await user.should_see("Please enter a date")


async def test_the_audit_page_is_for_administrators_only(user: User) -> None:
    await sign_in(user, "chris@example.com")
    await user.open("/admin/audit")
    await user.should_see("You do not have access")
