"""The first administrator of a new installation: no default password, but a one-time link.

On a database without demo data, nobody could sign in to invite anyone. So on start, while no
administrator has chosen a password (and nobody else has an account), the portal gives the first
administrator account a fresh invitation link (the invitation mechanism of domain.accounts.auth),
which the start-up prints on the console and writes beside the data. Once the password is set, no
link is made again: later administrators are invited from /admin/accounts.
"""

from domain import action, validation
from domain.accounts import auth
from domain.errors import InvalidInput
from domain.vocabulary import Role
from storage.models import Account, Agency
from storage.queries import accounts as account_queries
from storage.queries import agency as agency_queries

PLACEHOLDER_AGENCY = "Your agency"


def first_administrator_link(email: str, link_base: str) -> str | None:
    """The one-time link for the first administrator, or None once one has a password.

    Creates the administrator (and, on an empty database, the agency with placeholder details to
    fill in at /admin/settings) when there is none; any earlier link stops working.
    """
    try:
        address = validation.email(email).lower()
    except ValueError as problem:
        raise InvalidInput({"email": str(problem)}) from None
    with action.writing() as act:
        admins, others = account_queries.admins_and_others(session=act.session)
        if others or any(admin.password_hash is not None for admin in admins):
            return None
        if agency_queries.get(session=act.session) is None:
            act.session.add(
                Agency(
                    name=PLACEHOLDER_AGENCY, phone="", email=address, roster_email=address, updated_at=act.now
                )
            )
        account = admins[0] if admins else None
        if account is None:
            account = Account(
                email=address, display_name="Administrator", role=Role.ADMIN, created_at=act.now
            )
            act.session.add(account)
            act.session.flush()
        token = auth.issue_invitation(account, act.now)
        act.audit("first_administrator_link", "account", account.id)
    return f"{link_base.rstrip('/')}/welcome/{token}"
