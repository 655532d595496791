"""What the agency lets a carer do for the client on screen, said in plain words; and, where an
action is not theirs to take, the sentence that says why in place of its buttons."""

from domain.accounts import access
from domain.accounts.access import Actor
from domain.language import _
from domain.vocabulary import ClientAction, Role

from .text import paragraph


def note(actor: Actor, client_id: int) -> None:
    """For a carer: their access for this client, as the office set it."""
    if actor.role != Role.CARER or client_id not in actor.client_ids:
        return
    grant = access.grant_for(actor, client_id)
    name = dict(actor.linked_clients)[client_id]
    words = _(access.access_words(grant.level, grant.statements)).lower()  # one of access.ACCESS_WORDS
    paragraph(
        _("Your access for {name}: {access}. The office sets it.").format(name=name, access=words)
    ).classes("text-sm").mark("carer-access")


def refused(actor: Actor, client_id: int, what: ClientAction) -> bool:
    """True, having said why, when this person may not do `what` for the client: the caller then
    leaves its buttons out."""
    reason = access.refusal(actor, client_id, what)
    if reason is not None:
        paragraph(reason).classes("notice").props('role="status"').mark(f"refused-{what.value}")
    return reason is not None


def visit_actions(actor: Actor, client_id: int) -> None:
    """Above a list of visits: why some visits' Cancel, Approve or Query buttons are not there."""
    for what in (ClientAction.CANCEL, ClientAction.APPROVE):
        if refused(actor, client_id, what):
            return
