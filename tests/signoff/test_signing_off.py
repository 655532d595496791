"""Approving or querying completed shifts, the case manager's answer, and the query e-mail through
a real SMTP server."""

import pytest

from domain.errors import DomainError, InvalidInput, NotAllowed
from domain.messaging import delivery
from domain.signoff import approval
from domain.vocabulary import ShiftStatus
from storage.models import ShiftQuery
from tests.support.personas import Personas
from tests.support.records import actor, count, first_shift, outbox, shift
from tests.support.smtp import SmtpServer

MARGARETS_CASE_MANAGER = "chris@example.com"  # the demo case manager looks after the persona clients


def test_a_client_approves_a_completed_shift_once(personas: Personas) -> None:
    shift_id = first_shift(personas.client.client_id, ShiftStatus.COMPLETED)
    approval.approve(personas.client, shift_id)
    assert shift(shift_id).status == ShiftStatus.APPROVED
    assert shift(shift_id).approved_at is not None
    with pytest.raises(DomainError, match="already approved"):
        approval.approve(personas.client, shift_id)


def test_a_query_is_emailed_to_the_clients_case_manager(personas: Personas) -> None:
    shift_id = first_shift(personas.client.client_id, ShiftStatus.COMPLETED)
    approval.lodge_query(personas.client, shift_id, "The worker left at 10:30,\nnot 11:00.")
    assert shift(shift_id).status == ShiftStatus.QUERIED
    [email] = outbox("shift_queried")
    assert email.to_address == MARGARETS_CASE_MANAGER
    assert "The worker left at 10:30,\nnot 11:00." in email.body_text
    assert "Margaret Wilson" in email.subject


def test_the_query_email_reaches_the_case_manager_through_a_real_smtp_server(
    personas: Personas, smtp: SmtpServer
) -> None:
    shift_id = first_shift(personas.client.client_id, ShiftStatus.COMPLETED)
    approval.lodge_query(personas.client, shift_id, "Was this <b>two</b> hours? It felt like one.")
    report = delivery.dispatch(smtp.mailer(), holder="test dispatcher")
    assert report.sent >= 1
    [arrived] = [a for a in smtp.arrived if "Query on a completed visit" in a.subject]
    assert arrived.recipients == [MARGARETS_CASE_MANAGER]
    assert "Margaret Wilson" in arrived.subject
    text = arrived.body("plain")
    html = arrived.body("html")
    assert "Was this <b>two</b> hours? It felt like one." in text
    assert "Was this &lt;b&gt;two&lt;/b&gt; hours?" in html  # the client's words are never markup
    assert "Harbourside Community Care" in text


def test_a_queried_shift_can_be_approved_once_the_case_manager_resolves_it(personas: Personas) -> None:
    shift_id = first_shift(personas.client.client_id, ShiftStatus.COMPLETED)
    approval.lodge_query(personas.client, shift_id, "Please check the hours.")
    with pytest.raises(DomainError, match="still looking into"):
        approval.approve(personas.client, shift_id)
    manager = actor(MARGARETS_CASE_MANAGER)
    [query] = [q for q in approval.open_queries(manager) if q.shift_id == shift_id]
    approval.reply(manager, query.query_id, "I checked with Aisha: the hours are right.", resolve=False)
    with pytest.raises(DomainError, match="still looking into"):
        approval.approve(personas.client, shift_id)
    approval.reply(manager, query.query_id, "Resolved: the hours are right.", resolve=True)
    [answer, resolved] = outbox("shift_query_answered")
    assert answer.to_address == resolved.to_address == "margaret@example.com"
    assert "you can now approve" in resolved.body_text
    approval.approve(personas.client, shift_id)
    assert shift(shift_id).status == ShiftStatus.APPROVED


def test_a_resolved_query_cannot_be_answered_again(personas: Personas) -> None:
    shift_id = first_shift(personas.client.client_id, ShiftStatus.COMPLETED)
    approval.lodge_query(personas.client, shift_id, "Please check the hours.")
    [query] = [q for q in approval.open_queries(personas.admin) if q.shift_id == shift_id]
    approval.reply(personas.admin, query.query_id, "All fine.", resolve=True)
    with pytest.raises(DomainError, match="already resolved"):
        approval.reply(personas.admin, query.query_id, "Again.", resolve=True)


def test_case_managers_see_open_queries_and_clients_do_not(personas: Personas) -> None:
    shift_id = first_shift(personas.client.client_id, ShiftStatus.COMPLETED)
    approval.lodge_query(personas.client, shift_id, "Please check the hours.")
    mine = approval.open_queries(actor(MARGARETS_CASE_MANAGER))
    assert shift_id in [q.shift_id for q in mine]
    assert mine[0].mine
    for outsider in (personas.client, personas.carer, personas.worker, personas.roster):
        with pytest.raises(NotAllowed):
            approval.open_queries(outsider)
        with pytest.raises(NotAllowed):
            approval.reply(outsider, mine[0].query_id, "Not mine to answer.", resolve=True)


def test_an_empty_or_overlong_query_is_refused_and_changes_nothing(personas: Personas) -> None:
    shift_id = first_shift(personas.client.client_id, ShiftStatus.COMPLETED)
    queries = count(ShiftQuery)
    for message in ("   ", "x" * (approval.MAX_MESSAGE + 1)):
        with pytest.raises(InvalidInput) as refused:
            approval.lodge_query(personas.client, shift_id, message)
        assert "message" in refused.value.fields
    assert count(ShiftQuery) == queries
    assert shift(shift_id).status == ShiftStatus.COMPLETED


def test_a_carer_signs_off_for_a_client_they_are_linked_to(personas: Personas) -> None:
    thanh = personas.carer.client_ids[0]
    shift_id = first_shift(thanh, ShiftStatus.COMPLETED)
    approval.approve(personas.carer, shift_id)
    assert shift(shift_id).status == ShiftStatus.APPROVED
