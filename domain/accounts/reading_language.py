"""The language a client or carer reads the portal in, chosen on their profile. Staff and workers
read English: their pages, the worker app and the agency's own e-mails are not translated."""

from domain import action
from domain.accounts.access import CLIENT_SIDE_ROLES, Actor
from domain.errors import InvalidInput, NotAllowed, NotFound
from domain.language import _, is_supported
from storage.queries import accounts as account_queries


def choose(actor: Actor, code: str) -> None:
    """This person's pages, e-mails and statements from now on in the language of `code`."""
    if actor.role not in CLIENT_SIDE_ROLES:
        raise NotAllowed(_("Staff pages are shown in English."))
    if not is_supported(code):
        raise InvalidInput({"language": _("Please choose one of the languages in the list.")})
    with action.writing() as act:
        account = account_queries.by_id(actor.account_id, session=act.session)
        if account is None:
            raise NotFound(_("That account no longer exists."))
        account.language = code
