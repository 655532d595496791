"""Signing in: argon2id passwords, lockout after repeated failures, idle expiry, invitations.

Hashing costs about 20 ms by design; callers on the event loop run these functions through
`run.io_bound`.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from passlib.context import CryptContext
from sqlalchemy.orm import Session

from domain import audit, clock
from domain.accounts.access import Actor
from domain.errors import AccountLocked, InvalidInput, NotFound, SignInFailed
from domain.vocabulary import Role
from storage import db
from storage.models import Account
from storage.queries import accounts as account_queries

MAX_FAILED_SIGN_INS = 5
LOCKOUT = timedelta(minutes=15)
IDLE_LIMIT = timedelta(minutes=30)
INVITATION_VALID = timedelta(days=7)
MIN_PASSWORD_LENGTH = 10

# OWASP's argon2id minimum: 19 MiB, two passes, one lane.
passwords = CryptContext(
    schemes=["argon2"],
    argon2__type="ID",
    argon2__memory_cost=19456,
    argon2__time_cost=2,
    argon2__parallelism=1,
)
# Verified against for unknown e-mail addresses, so a wrong address costs as long as a wrong password.
_DUMMY_HASH = passwords.hash(secrets.token_hex(16))

WRONG_CREDENTIALS = "That e-mail address and password do not match. Please try again."


def hash_password(password: str) -> str:
    return passwords.hash(password)


def locked_message(locked_until: datetime, now: datetime) -> str:
    minutes = max(1, int((locked_until - now).total_seconds() + 59) // 60)
    return (
        f"This account is locked for 15 minutes after {MAX_FAILED_SIGN_INS} failed sign-in attempts. "
        f"Please try again in {minutes} minute{'s' if minutes != 1 else ''}, or call the agency."
    )


def after_failure(failed_sign_ins: int, now: datetime) -> tuple[int, datetime | None]:
    """The failure count and lock to store after one more wrong password."""
    failed = failed_sign_ins + 1
    if failed >= MAX_FAILED_SIGN_INS:
        return 0, now + LOCKOUT
    return failed, None


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and now < locked_until


def is_idle_expired(last_seen: datetime | None, now: datetime) -> bool:
    return last_seen is None or now - last_seen > IDLE_LIMIT


def sign_in(email: str, password: str) -> Actor:
    """The actor for these credentials; raises SignInFailed or AccountLocked with the reason."""
    now = clock.now()
    with db.read() as session:
        account = account_queries.by_email(email, session=session)
        if account is not None and is_locked(account.locked_until, now):
            raise AccountLocked(locked_message(account.locked_until, now))  # type: ignore[arg-type]
    # Verify outside any transaction: the hash takes tens of milliseconds.
    stored_hash = account.password_hash if account is not None and account.active else None
    password_ok = passwords.verify(password, stored_hash or _DUMMY_HASH) and stored_hash is not None
    if account is None:
        raise SignInFailed(WRONG_CREDENTIALS)
    with db.write() as session:
        account = account_queries.by_id(account.id, session=session, for_update=True)
        assert account is not None
        if is_locked(account.locked_until, now):  # another attempt locked it meanwhile
            raise AccountLocked(locked_message(account.locked_until, now))  # type: ignore[arg-type]
        if not password_ok:
            account.failed_logins, account.locked_until = after_failure(account.failed_logins, now)
            audit.record(session, account.id, "sign_in_failed", "account", account.id)
            locked_until = account.locked_until
        else:
            account.failed_logins, account.locked_until, account.last_login_at = 0, None, now
            if passwords.needs_update(stored_hash):
                account.password_hash = hash_password(password)
            audit.record(session, account.id, "sign_in", "account", account.id)
            return actor_from(account, session)
    if locked_until is not None:
        raise AccountLocked(locked_message(locked_until, now))
    raise SignInFailed(WRONG_CREDENTIALS)


def actor_from(account: Account, session: Session) -> Actor:
    linked: tuple[tuple[int, str], ...] = ()
    if account.role == Role.CARER:
        linked = tuple(account_queries.linked_clients(account.id, session=session))
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
    )


def load_actor(account_id: int) -> Actor | None:
    """The actor for a signed-in session, or None when the account was closed or locked since."""
    with db.read() as session:
        account = account_queries.by_id(account_id, session=session)
        if account is None or not account.active or is_locked(account.locked_until, clock.now()):
            return None
        return actor_from(account, session)


def set_large_text(account_id: int, on: bool) -> None:
    with db.write() as session:
        account = account_queries.by_id(account_id, session=session)
        if account is None:
            raise NotFound("That account no longer exists.")
        account.large_text = on


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite(account_id: int) -> str:
    """A one-time invitation token for the account; only its hash is stored."""
    with db.write() as session:
        account = account_queries.by_id(account_id, session=session)
        if account is None:
            raise NotFound("That account no longer exists.")
        return issue_invitation(account)


def issue_invitation(account: Account) -> str:
    """Give the account a new one-time link token (any earlier one stops working)."""
    token = secrets.token_urlsafe(32)
    account.invitation_token_hash = token_hash(token)
    account.invitation_expires_at = clock.now() + INVITATION_VALID
    return token


def accept_invitation(token: str, password: str, repeated: str) -> Actor:
    """Set the password from an invitation link; the link then stops working."""
    problems = password_problems(password, repeated)
    if problems:
        raise InvalidInput(problems)
    new_hash = hash_password(password)
    with db.write() as session:
        account = account_queries.by_invitation(token_hash(token), session=session)
        if (
            account is None
            or account.invitation_expires_at is None
            or account.invitation_expires_at < clock.now()
        ):
            raise SignInFailed(
                "This invitation link has expired or was already used. Please ask the agency for a new one."
            )
        account.password_hash = new_hash
        account.invitation_token_hash = None
        account.invitation_expires_at = None
        account.failed_logins, account.locked_until = 0, None
        audit.record(session, account.id, "accept_invitation", "account", account.id)
        return actor_from(account, session)


def password_problems(password: str, repeated: str) -> dict[str, str]:
    problems: dict[str, str] = {}
    if len(password) < MIN_PASSWORD_LENGTH:
        problems["password"] = f"Please choose a password of at least {MIN_PASSWORD_LENGTH} characters."
    elif password != repeated:
        problems["repeated"] = "The two passwords are not the same."
    return problems
