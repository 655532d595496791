"""A client's copy of their record (APP 12) and a request to correct it (APP 13)."""

import csv
import io
import zipfile

import pytest
from nicegui.testing import User
from sqlalchemy import select

from domain.errors import InvalidInput, NotAllowed
from domain.records import correction, export
from storage import db
from storage.models import Account, AuditEvent, Client, OutboxMessage
from tests.support.personas import Personas
from tests.support.ui import eventually, sign_in

EXPECTED = {"profile.csv", "preferences.csv", "bookings.csv", "visits.csv", "statement_lines.csv"} | {
    "messages.csv"
}


def rows(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))


def test_a_client_downloads_their_whole_record(personas: Personas) -> None:
    margaret = personas.client.client_id
    found = export.client_record(personas.client, margaret)
    assert found.filename.startswith("my-record-margaret-wilson")
    archive = zipfile.ZipFile(io.BytesIO(found.content))
    names = set(archive.namelist())
    assert names >= EXPECTED
    profile = {row["field"]: row["value"] for row in rows(archive, "profile.csv")}
    assert profile["full_name"] == "Margaret Wilson"
    assert rows(archive, "visits.csv")
    assert rows(archive, "bookings.csv")
    statements = [name for name in names if name.startswith("statements/")]
    assert statements
    assert all(archive.read(name).startswith(b"%PDF") for name in statements)
    everything = b"".join(archive.read(name) for name in names if name.endswith(".csv"))
    assert b"Papadopoulos" not in everything  # nothing of another client
    with db.read() as session:
        audited = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "export", AuditEvent.client_id == margaret)
        ).all()
    assert len(audited) == 1


def test_a_carer_downloads_only_the_clients_they_act_for(personas: Personas) -> None:
    thanh = personas.cared_for("Thanh")
    archive = zipfile.ZipFile(io.BytesIO(export.client_record(personas.carer, thanh).content))
    profile = {row["field"]: row["value"] for row in rows(archive, "profile.csv")}
    assert profile["first_name"] == "Thanh"
    with pytest.raises(NotAllowed):
        export.client_record(personas.carer, personas.client.client_id)


@pytest.mark.parametrize("who", ["other_client", "worker", "roster", "case_manager", "admin"])
def test_nobody_else_downloads_a_clients_record(personas: Personas, who: str) -> None:
    with pytest.raises(NotAllowed):
        export.client_record(getattr(personas, who), personas.client.client_id)


def test_a_spreadsheet_formula_in_the_record_is_kept_as_text() -> None:
    assert export._safe("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert export._safe("Plain") == "Plain"


def test_a_correction_request_reaches_the_case_manager_and_is_audited(personas: Personas) -> None:
    margaret = personas.client.client_id
    to = correction.request_correction(personas.client, margaret, "My date of birth is 3 May, not 5 March.")
    assert to == "Your request was sent to your case manager."
    with db.read() as session:
        message = session.scalars(
            select(OutboxMessage).where(OutboxMessage.template == "correction_requested")
        ).one()
        audited = session.scalars(select(AuditEvent).where(AuditEvent.action == "correction_request")).one()
        client = session.get(Client, margaret)
        assert client is not None
        manager = session.get(Account, client.case_manager_account_id)
        assert manager is not None
    assert message.to_address == manager.email
    assert "3 May, not 5 March" in message.body_text
    assert audited.client_id == margaret


def test_an_empty_or_foreign_correction_request_is_refused_and_sends_nothing(personas: Personas) -> None:
    with pytest.raises(InvalidInput) as refused:
        correction.request_correction(personas.client, personas.client.client_id, "   ")
    assert "correction" in refused.value.fields
    with pytest.raises(InvalidInput):
        correction.request_correction(personas.client, personas.client.client_id, "x" * 2001)
    with pytest.raises(NotAllowed):
        correction.request_correction(personas.client, personas.other_client.client_id, "Change George")
    with pytest.raises(NotAllowed):
        correction.request_correction(personas.worker, personas.client.client_id, "Change Margaret")
    with db.read() as session:
        sent = session.scalars(select(OutboxMessage).where(OutboxMessage.template == "correction_requested"))
        assert sent.all() == []


async def test_the_profile_offers_the_download_and_the_correction(
    user: User, portal_personas: Personas
) -> None:
    await sign_in(user, "margaret@example.com")
    await user.should_see("Download my record")
    user.find(marker="send-correction").click()
    await user.should_see("Please write what is wrong")
    user.find(marker="correction").type("My middle name is Rose.")
    user.find(marker="send-correction").click()
    await user.should_see("Your request was sent to your case manager.")

    def queued() -> bool:
        with db.read() as session:
            query = select(OutboxMessage).where(OutboxMessage.template == "correction_requested")
            found = session.scalars(query)
            return any("Rose" in message.body_text for message in found)

    await eventually(queued, "the request is queued")
