"""Signing in and setting a password from an invitation: the use cases over accounts. The rules they
apply (argon2id hashes, lockout, idle expiry, token hashes) are in domain.accounts.passwords.

Hashing costs about 20 ms by design; callers on the event loop run these functions through
`run.io_bound`.
"""

import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from domain import action
from domain.accounts import access, passwords, rate_limits, second_factor, sessions
from domain.accounts.access import Actor, Grant
from domain.action import Action
from domain.errors import AccountLocked, InvalidInput, NotFound, SecondFactorNeeded, SignInFailed
from domain.language import N_, _
from domain.vocabulary import Role
from storage.models import Account
from storage.queries import accounts as account_queries

# Said in the reader's language where raised: _(WRONG_CREDENTIALS).
WRONG_CREDENTIALS = N_("That e-mail address and password do not match. Please try again.")
ENTER_EMAIL = N_("Enter your e-mail address.")
ENTER_PASSWORD = N_("Enter your password.")
CODE_NEEDED = N_(
    "Please type the six-digit code from your authenticator app (or one of your recovery codes)."
)
LINK_ENDED = N_("This invitation link has expired or was already used. Please ask the agency for a new one.")


@dataclass(frozen=True)
class _Stored:
    account_id: int | None  # None: no account has this e-mail address
    password_hash: str | None  # None: no account, switched off, or no password chosen yet


def sign_in(
    email: str,
    password: str,
    code: str | None = None,
    *,
    address: str | None = None,
    admits: Collection[Role] | None = None,
) -> Actor:
    """The actor for these credentials; raises SignInFailed or AccountLocked with the reason, or
    SecondFactorNeeded when the password was right and the account asks for a code too (a wrong code
    counts towards the lockout like a wrong password). Attempts are rate-limited per address and per
    e-mail address (TooManyAttempts).

    The password is checked between two short transactions, never inside one: the hash takes tens
    of milliseconds, and on SQLite a write transaction holds the database's only write lock.
    """
    _require_both(email, password)
    rate_limits.check((rate_limits.SIGN_IN_PER_ADDRESS, address), (rate_limits.SIGN_IN_PER_ACCOUNT, email))
    stored = _stored(email)
    password_ok = passwords.matches(password, stored.password_hash)
    if stored.account_id is None:
        raise SignInFailed(_(WRONG_CREDENTIALS))
    with action.writing() as act:
        account = account_queries.by_id(stored.account_id, session=act.session, for_update=True)
        assert account is not None
        _refuse_if_locked(account, act.now)  # another attempt may have locked it meanwhile
        actor = _as(act, account)
        wrong = WRONG_CREDENTIALS
        if password_ok and admits is not None:
            access.require_role(actor, *admits)
        if password_ok and account.totp_secret is not None:
            if not code or not code.strip():
                raise SecondFactorNeeded(_(CODE_NEEDED))
            password_ok = second_factor.check(account, code, act)
            wrong = second_factor.WRONG_CODE
        if password_ok:
            _signed_in(act, account, password)
            return actor
        account.failed_logins, account.locked_until = passwords.after_failure(account.failed_logins, act.now)
        act.audit("sign_in_failed", "account", account.id, "code" if wrong != WRONG_CREDENTIALS else "")
        locked_until = account.locked_until
    # Raised once the failure is written: raising inside the action would undo the count.
    if locked_until is not None:
        raise AccountLocked(passwords.locked_message(locked_until, act.now))
    raise SignInFailed(_(wrong))


def _require_both(email: str, password: str) -> None:
    """A field left empty is said as what to do next, not as a mismatch (and is no attempt)."""
    missing = {}
    if not email.strip():
        missing["email"] = _(ENTER_EMAIL)
    if not password:
        missing["password"] = _(ENTER_PASSWORD)
    if missing:
        raise InvalidInput(missing)


def _stored(email: str) -> _Stored:
    with action.reading() as act:
        account = account_queries.by_email(email, session=act.session)
        if account is None:
            return _Stored(None, None)
        _refuse_if_locked(account, act.now)
        return _Stored(account.id, account.password_hash if account.active else None)


def _refuse_if_locked(account: Account, now: datetime) -> None:
    if account.locked_until is not None and passwords.is_locked(account.locked_until, now):
        raise AccountLocked(passwords.locked_message(account.locked_until, now))


def _signed_in(act: Action, account: Account, password: str) -> None:
    account.failed_logins, account.locked_until, account.last_login_at = 0, None, act.now
    if account.password_hash and passwords.needs_rehash(account.password_hash):
        account.password_hash = passwords.hash_password(password)
    act.audit("sign_in", "account", account.id)


def _as(act: Action, account: Account) -> Actor:
    """Who acts is known only once their account is found: from here on the audit is theirs."""
    act.actor = actor_from(account, act)
    return act.actor


def actor_from(account: Account, act: Action) -> Actor:
    linked: tuple[tuple[int, str], ...] = ()
    grants: tuple[Grant, ...] = ()
    if account.role == Role.CARER:
        links = account_queries.linked_clients(account.id, session=act.session)
        linked = tuple((client_id, name) for client_id, name, _, _ in links)
        grants = tuple(Grant(client_id, level, statements) for client_id, _, level, statements in links)
    elif account.role == Role.CLIENT and account.client_id is not None:
        linked = ((account.client_id, account.display_name),)
    return Actor(
        account_id=account.id,
        role=account.role,
        display_name=account.display_name,
        client_id=account.client_id,
        worker_id=account.worker_id,
        linked_clients=linked,
        large_text=account.large_text,
        language=account.language,
        communications=account.communications,
        grants=grants,
    )


def load_actor(account_id: int) -> Actor | None:
    """The actor for a signed-in session, or None when the account was switched off since. A lockout
    (someone guessing the password) stops new sign-ins only: whoever is signed in already stays, so a
    stranger cannot sign a worker out of the app in the middle of a shift."""
    with action.reading() as act:
        return active_actor(act, account_id)


def active_actor(act: Action, account_id: int) -> Actor | None:
    account = account_queries.by_id(account_id, session=act.session)
    if account is None or not account.active:
        return None
    return actor_from(account, act)


def set_large_text(account_id: int, on: bool) -> None:
    with action.writing() as act:
        account = account_queries.by_id(account_id, session=act.session)
        if account is None:
            raise NotFound(_("That account no longer exists."))
        account.large_text = on


def invite(account_id: int) -> str:
    """A one-time invitation token for the account; only its hash is stored."""
    with action.writing() as act:
        account = account_queries.by_id(account_id, session=act.session)
        if account is None:
            raise NotFound("That account no longer exists.")
        return issue_invitation(account, act.now)


def issue_invitation(account: Account, now: datetime) -> str:
    """Give the account a new one-time link token (any earlier one stops working)."""
    token = secrets.token_urlsafe(32)
    account.invitation_token_hash = passwords.token_hash(token)
    account.invitation_expires_at = now + passwords.INVITATION_VALID
    return token


def accept_invitation(token: str, password: str, repeated: str, *, address: str | None = None) -> Actor:
    """Set the password from an invitation link; the link then stops working, and so does every
    session and API token the account had (whoever knew the old password is signed out)."""
    rate_limits.check((rate_limits.INVITATION_PER_ADDRESS, address))
    problems = passwords.password_problems(password, repeated)
    if problems:
        raise InvalidInput(problems)
    new_hash = passwords.hash_password(password)  # before the transaction: it takes a while
    with action.writing() as act:
        account = account_queries.by_invitation(passwords.token_hash(token), session=act.session)
        if (
            account is None
            or account.invitation_expires_at is None
            or account.invitation_expires_at < act.now
        ):
            raise SignInFailed(_(LINK_ENDED))
        account.password_hash = new_hash
        account.invitation_token_hash = None
        account.invitation_expires_at = None
        account.failed_logins, account.locked_until = 0, None
        actor = _as(act, account)
        sessions.end_everything(act, account.id, why="new password")
        act.audit("accept_invitation", "account", account.id)
        return actor
