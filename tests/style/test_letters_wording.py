"""A client asking about their own visit or record reads "their", never their own name twice, in the
e-mail that arrives (a real SMTP server) as well as in the outbox."""

from domain.messaging import delivery
from domain.records import correction
from domain.signoff import approval
from domain.vocabulary import ShiftStatus
from tests.support.personas import Personas
from tests.support.records import first_shift, outbox
from tests.support.smtp import SmtpServer


def test_a_clients_own_query_says_their_visit(personas: Personas, smtp: SmtpServer) -> None:
    shift_id = first_shift(personas.client.client_id, ShiftStatus.COMPLETED)
    approval.lodge_query(personas.client, shift_id, "Was this two hours?")
    delivery.dispatch(smtp.mailer(), holder="test dispatcher")
    [arrived] = [a for a in smtp.arrived if "Query on a completed visit" in a.subject]
    text = arrived.body("plain")
    assert "Margaret Wilson has a question about their " in text
    assert "about Margaret Wilson's" not in text


def test_a_clients_own_correction_request_says_their_record(personas: Personas) -> None:
    correction.request_correction(personas.client, personas.client.client_id, "My middle name is Rose.")
    [email] = outbox("correction_requested")
    assert "Margaret Wilson asks for their record to be corrected" in email.body_text


def test_a_carers_correction_request_names_whose_record(personas: Personas) -> None:
    thanh = personas.cared_for("Thanh")
    correction.request_correction(personas.carer, thanh, "Thanh's phone number has changed.")
    [email] = outbox("correction_requested")
    assert "Daniel Nguyen asks for Thanh Nguyễn's record to be corrected" in email.body_text
