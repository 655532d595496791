"""Accounts are made by the agency, never by sign-up (DESIGN.md §6): an administrator invites a
person, who sets their own password from a one-time link sent by e-mail. Administrators also see
every account's state, send a new link (the old one stops working) and lift a lockout."""

from dataclasses import dataclass
from datetime import datetime

from domain import action, validation
from domain.accounts import access, auth, passwords, sessions
from domain.accounts.access import Actor
from domain.accounts.letters import Invitation
from domain.action import Action
from domain.errors import DomainError, InvalidInput, NotFound
from domain.language import N_
from domain.messaging import outbox
from domain.vocabulary import Role
from storage.models import Account, CarerLink
from storage.queries import accounts as account_queries

PAGE_SIZE = 50
# In English for the office; the invitation e-mail names the person's role in their language: _(role).
ROLE_NAMES = {
    Role.CLIENT: N_("Client"),
    Role.CARER: N_("Carer or family member"),
    Role.WORKER: N_("Support worker"),
    Role.ROSTER: N_("Roster officer"),
    Role.CASE_MANAGER: N_("Case manager"),
    Role.ADMIN: N_("Administrator"),
}


PERMITTED_STAFF = frozenset({Role.ROSTER, Role.CASE_MANAGER})


@dataclass(frozen=True)
class NewAccount:
    """What the invitation form asks for; the record number depends on the role."""

    role: Role
    display_name: str
    email: str
    client_number: str = ""  # a client's own record
    staff_number: str = ""  # a support worker's record
    carer_of: tuple[str, ...] = ()  # client numbers a carer acts for


@dataclass(frozen=True)
class AccountLine:
    account_id: int
    name: str
    email: str
    role: str
    state: str  # "Active", "Invited until …", "Locked until …", "No password yet", "Switched off"
    two_factor: bool = False  # two-step sign-in set up
    communications: bool | None = None  # roster staff and case managers: may they publish news?


@dataclass(frozen=True)
class AccountPage:
    lines: tuple[AccountLine, ...]
    page: int
    pages: int
    total: int


def accounts(actor: Actor, search: str = "", page: int = 1) -> AccountPage:
    access.require_role(actor, Role.ADMIN)
    page = max(page, 1)
    with action.reading(actor) as act:
        total, rows = account_queries.page_of_accounts(
            search, (page - 1) * PAGE_SIZE, PAGE_SIZE, session=act.session
        )
        lines = tuple(
            AccountLine(
                a.id,
                a.display_name,
                a.email,
                ROLE_NAMES[a.role],
                _state(act, a),
                a.totp_secret is not None,
                a.communications if a.role in PERMITTED_STAFF else None,
            )
            for a in rows
        )
    return AccountPage(lines, page, max(1, -(-total // PAGE_SIZE)), total)


def invite(actor: Actor, new: NewAccount, link_base: str) -> int:
    """Create the account and queue its invitation e-mail in one transaction; returns its id."""
    access.require_role(actor, Role.ADMIN)
    name, email = _checked_name_and_email(new)
    with action.writing(actor) as act:
        if account_queries.by_email(email, session=act.session) is not None:
            raise InvalidInput(
                {"email": f"{email} already has an account. Send that account a new link instead."}
            )
        account = Account(email=email, display_name=name, role=new.role, **_record(act, new))
        act.session.add(account)
        act.session.flush()
        for client_id in _carer_clients(act, new):
            act.session.add(CarerLink(account_id=account.id, client_id=client_id))
        _send_link(act, account, link_base, "invite")
        return account.id


def send_new_link(actor: Actor, account_id: int, link_base: str) -> None:
    access.require_role(actor, Role.ADMIN)
    with action.writing(actor) as act:
        account = _account(act, account_id)
        if not account.active:
            raise DomainError("This account is switched off. Switch it on before sending a link.")
        _send_link(act, account, link_base, "send_new_link")


def set_communications(actor: Actor, account_id: int, on: bool) -> None:
    """Give roster staff or a case manager the "communications" permission (publishing news to
    clients), or take it away; administrators always have it."""
    access.require_role(actor, Role.ADMIN)
    with action.writing(actor) as act:
        account = _account(act, account_id)
        if account.role not in PERMITTED_STAFF:
            raise DomainError(
                "Only roster staff and case managers can be given the communications permission."
            )
        account.communications = on
        act.audit("communications_on" if on else "communications_off", "account", account.id)


def unlock(actor: Actor, account_id: int) -> None:
    access.require_role(actor, Role.ADMIN)
    with action.writing(actor) as act:
        account = _account(act, account_id)
        account.failed_logins, account.locked_until = 0, None
        act.audit("unlock", "account", account.id)


def switch_off(actor: Actor, account_id: int) -> None:
    """The account can no longer sign in; every session and API token it had ends at once."""
    access.require_role(actor, Role.ADMIN)
    if account_id == actor.account_id:
        raise DomainError("You cannot switch off your own account. Ask another administrator.")
    with action.writing(actor) as act:
        account = _account(act, account_id)
        account.active = False
        account.invitation_token_hash, account.invitation_expires_at = None, None
        sessions.end_everything(act, account.id, why="switched off")
        act.audit("switch_off", "account", account.id)


def _account(act: Action, account_id: int) -> Account:
    account = account_queries.by_id(account_id, session=act.session, for_update=True)
    if account is None:
        raise NotFound("That account no longer exists.")
    return account


def _send_link(act: Action, account: Account, link_base: str, what: str) -> None:
    token = auth.issue_invitation(account, act.now)
    letter = Invitation(
        person=account.display_name,
        role=ROLE_NAMES[account.role],
        link=f"{link_base.rstrip('/')}/welcome/{token}",
        expires_at=account.invitation_expires_at,
    )
    outbox.email(act, to=[account.email], letter=letter)
    act.audit(what, "account", account.id)


def _checked_name_and_email(new: NewAccount) -> tuple[str, str]:
    problems: dict[str, str] = {}
    name = email = ""
    try:
        name = validation.text(new.display_name, "The name", max_length=120)
    except ValueError as error:
        problems["display_name"] = str(error)
    try:
        email = validation.email(new.email).lower()  # accounts are stored lower-case
    except ValueError as error:
        problems["email"] = str(error)
    if problems:
        raise InvalidInput(problems)
    return name, email


def _record(act: Action, new: NewAccount) -> dict[str, int]:
    """The client or worker record the account belongs to, for those two roles."""
    session = act.session
    if new.role == Role.CLIENT:
        client = account_queries.client_by_number(new.client_number, session=session)
        if client is None:
            raise InvalidInput({"client_number": f"There is no client number “{new.client_number.strip()}”."})
        if account_queries.account_for(client_id=client.id, session=session) is not None:
            raise InvalidInput({"client_number": f"{client.full_name} already has an account."})
        return {"client_id": client.id}
    if new.role == Role.WORKER:
        worker = account_queries.worker_by_staff_number(new.staff_number, session=session)
        if worker is None:
            raise InvalidInput({"staff_number": f"There is no staff number “{new.staff_number.strip()}”."})
        if account_queries.account_for(worker_id=worker.id, session=session) is not None:
            raise InvalidInput({"staff_number": f"{worker.full_name} already has an account."})
        return {"worker_id": worker.id}
    return {}


def _carer_clients(act: Action, new: NewAccount) -> list[int]:
    if new.role != Role.CARER:
        return []
    numbers = [number for number in new.carer_of if number.strip()]
    if not numbers:
        raise InvalidInput(
            {"carer_of": "Please give the client number of at least one person they care for."}
        )
    ids = []
    for number in numbers:
        client = account_queries.client_by_number(number, session=act.session)
        if client is None:
            raise InvalidInput({"carer_of": f"There is no client number “{number.strip()}”."})
        ids.append(client.id)
    return list(dict.fromkeys(ids))


def _state(act: Action, account: Account) -> str:
    if not account.active:
        return "Switched off"
    if account.locked_until is not None and passwords.is_locked(account.locked_until, act.now):
        return f"Locked until {_local(act, account.locked_until)}"
    if account.password_hash:
        return "Active"
    if account.invitation_expires_at and account.invitation_expires_at > act.now:
        return f"Invited, link valid until {_local(act, account.invitation_expires_at)}"
    return "No password yet: send a new link"


def _local(act: Action, moment: datetime) -> str:
    local = act.local(moment)
    return f"{local.day} {local:%b %Y %H:%M}"
