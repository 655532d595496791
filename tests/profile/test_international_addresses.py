"""An e-mail address with letters like é before the @ reaches its owner only through a mail server
that offers SMTPUTF8. The dispatcher notes what the agency's server said; the profile then tells a
client at once when her address could not be delivered to, instead of the e-mails silently failing."""

import pytest
from sqlalchemy import select

from domain import action
from domain.agency import mail_settings
from domain.errors import InvalidInput
from domain.messaging import delivery, outbox
from domain.profile import changes, reading
from jobs import mailer
from storage import db
from storage.models import Agency
from tests.support.letters import TestNote
from tests.support.personas import Personas
from tests.support.smtp import SmtpServer

MARGARET_ACCENTED = "margarét@example.com"


def told(value: bool | None) -> None:
    with db.write() as session:
        agency = session.scalar(select(Agency))
        assert agency is not None
        agency.smtp_utf8 = value


def change_email(personas: Personas, address: str) -> str | None:
    current = reading.get_profile(personas.client, personas.client.client_id)
    saved = changes.update_contact(
        personas.client,
        personas.client.client_id,
        home_phone=current.home_phone or "",
        mobile_phone=current.mobile_phone or "0412 345 678",
        email=address,
    )
    return saved.email


@pytest.mark.parametrize(("fixture", "offers"), [("smtp", False), ("smtp_utf8", True)])
def test_the_dispatcher_notes_whether_the_mail_server_takes_international_addresses(
    personas: Personas, fixture: str, offers: bool, request: pytest.FixtureRequest
) -> None:
    server: SmtpServer = request.getfixturevalue(fixture)
    assert mail_settings.takes_international_addresses() is None  # not asked yet
    with action.writing() as act:
        outbox.email(act, to=["margaret@example.com"], letter=TestNote(1, "Margaret"))
    connect = mailer.mailer(server.server(), on_greeting=mail_settings.record_smtputf8)
    assert delivery.dispatch(connect, holder="test").sent == 1
    assert mail_settings.takes_international_addresses() is offers


def test_the_profile_refuses_an_address_the_agencys_mail_server_cannot_deliver_to(personas: Personas) -> None:
    told(False)
    before = reading.get_profile(personas.client, personas.client.client_id).email
    with pytest.raises(InvalidInput) as refused:
        change_email(personas, MARGARET_ACCENTED)
    assert "cannot deliver to margarét@example.com" in refused.value.fields["email"]
    assert reading.get_profile(personas.client, personas.client.client_id).email == before


@pytest.mark.parametrize("server_said", [True, None])
def test_an_international_address_is_kept_where_the_server_takes_it_or_has_not_said(
    personas: Personas, server_said: bool | None
) -> None:
    told(server_said)
    assert change_email(personas, MARGARET_ACCENTED) == MARGARET_ACCENTED


def test_an_international_domain_needs_nothing_of_the_server(personas: Personas) -> None:
    told(False)
    assert change_email(personas, "margaret@bücher.example") == "margaret@bücher.example"
