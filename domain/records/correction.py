"""A request to correct a client's record (Australian Privacy Principle 13): sent by the client or
their carer to the client's case manager (else the agency's office) as an e-mail, and audited."""

import re

from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.errors import InvalidInput, NotAllowed
from domain.language import _
from domain.messaging import outbox
from domain.people import known_as
from domain.profile import reading
from domain.vocabulary import ClientAction, Role
from storage.queries import clients as client_queries

from .letters import CorrectionRequested

MAX_REQUEST = 2000
_CONTROL_BUT_NEWLINE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def request_correction(actor: Actor, client_id: int, message: str) -> str:
    """Queue the request; returns the sentence that says who it went to (the case manager, or the
    office when the client has none), in the reader's language."""
    if actor.role not in access.CLIENT_SIDE_ROLES or not access.may_act_for_client(actor, client_id):
        raise NotAllowed()
    access.require(actor, client_id, ClientAction.BOOK)  # asking to change the record, like editing it
    text = _CONTROL_BUT_NEWLINE.sub("", (message or "").replace("\r\n", "\n")).strip()
    if not text:
        raise InvalidInput({"correction": _("Please write what is wrong and what it should say.")})
    if len(text) > MAX_REQUEST:
        raise InvalidInput(
            {"correction": _("Please keep your request under {limit} characters.").format(limit=MAX_REQUEST)}
        )
    with action.writing(actor) as act:
        client = reading.client_record(act, client_id)
        manager = client.case_manager_account_id
        manager_email = client_queries.active_account_email(manager, session=act.session)
        letter = CorrectionRequested(
            client=known_as(client.preferred_name, client.first_name, client.last_name),
            client_number=client.client_number,
            raised_by=actor.display_name,
            message=text,
            by_client=actor.role == Role.CLIENT,
        )
        outbox.email(act, to=[manager_email or act.settings.email], letter=letter)
        act.audit("correction_request", "client", client_id, text[:200])
    if manager_email:
        return _("Your request was sent to your case manager.")
    return _("Your request was sent to the office.")
