"""Choosing a language (clients and carers only, from the list, nothing changed otherwise) and
letters that follow each recipient's language, on SQLite and PostgreSQL."""

from datetime import date

import pytest
from sqlalchemy import select

from domain import action
from domain.accounts import auth, reading_language
from domain.agency import settings as agency_settings
from domain.errors import InvalidInput, NotAllowed
from domain.language import use
from domain.messaging import outbox
from domain.statements.letters import StatementReady
from storage import db
from storage.models import Account, OutboxMessage
from tests.support.personas import EMAILS, Personas

READY = StatementReady(
    client_name="Margaret Wilson",
    package="Home Care Package level 2",
    month=date(2026, 11, 1),
    closing_cents=123450,
    contributions_cents=8000,
)


def language_of(email: str) -> str:
    with db.read() as session:
        return str(session.scalar(select(Account.language).where(Account.email == email)))


def test_a_client_chooses_vietnamese_and_signs_in_to_it(personas: Personas) -> None:
    reading_language.choose(personas.client, "vi")
    assert language_of("margaret@example.com") == "vi"
    actor = auth.load_actor(personas.client.account_id)
    assert actor is not None
    assert actor.language == "vi"


def test_a_carer_chooses_a_language_for_themselves(personas: Personas) -> None:
    reading_language.choose(personas.carer, "ar")
    assert language_of("daniel@example.com") == "ar"
    assert language_of("margaret@example.com") == "en_AU"  # nobody else's changed


@pytest.mark.parametrize("code", ["", "fr", "vi_VN", "en_AU'; drop table account; --", "x" * 40])
def test_a_language_not_in_the_list_is_refused_and_nothing_changes(personas: Personas, code: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        reading_language.choose(personas.client, code)
    assert refused.value.fields == {"language": "Please choose one of the languages in the list."}
    assert language_of("margaret@example.com") == "en_AU"


@pytest.mark.parametrize("who", ["roster", "case_manager", "admin", "worker"])
def test_staff_and_workers_read_english(personas: Personas, who: str) -> None:
    actor = getattr(personas, who)
    with pytest.raises(NotAllowed):
        reading_language.choose(actor, "it")
    assert language_of(EMAILS[who]) == "en_AU"


def test_a_letter_reads_in_each_recipients_language(personas: Personas) -> None:
    reading_language.choose(personas.client, "vi")
    agency = agency_settings.current()
    with action.writing() as act:
        outbox.email(act, to=["margaret@example.com", "rosa@example.com", "nobody@example.org"], letter=READY)
    with db.read() as session:
        queued = session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.template == "statement_ready")
            .order_by(OutboxMessage.id)
        ).all()
    by_address = {message.to_address: message for message in queued}
    assert set(by_address) == {"margaret@example.com", "rosa@example.com, nobody@example.org"}
    english = READY.render(agency)
    with use("vi"):
        vietnamese = READY.render(agency)
    assert vietnamese.subject != english.subject
    assert by_address["margaret@example.com"].subject == vietnamese.subject
    assert by_address["margaret@example.com"].body_text == vietnamese.text
    assert by_address["rosa@example.com, nobody@example.org"].subject == english.subject


def test_an_app_message_reads_in_its_account_language(personas: Personas) -> None:
    reading_language.choose(personas.carer, "el")
    agency = agency_settings.current()
    with action.writing() as act:
        outbox.app_message(act, account_id=personas.carer.account_id, letter=READY)
    with db.read() as session:
        message = session.scalars(
            select(OutboxMessage).where(OutboxMessage.to_account_id == personas.carer.account_id)
        ).all()[-1]
    with use("el"):
        assert message.subject == READY.render(agency).subject
