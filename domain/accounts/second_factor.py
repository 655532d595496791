"""Staff two-factor sign-in: a TOTP authenticator app (RFC 6238, 30-second codes of six digits) and
ten one-time recovery codes, shown once and kept only as hashes.

Required for administrators (one without it is sent to set it up right after the password), offered
to every staff account; another administrator can reset it when a phone is lost. A wrong code counts
towards the same lockout as a wrong password (domain.accounts.auth).
"""

import secrets
from dataclasses import dataclass
from datetime import datetime

import pyotp

from domain import action, clock
from domain.accounts import access, passwords, sessions
from domain.accounts.access import Actor
from domain.errors import DomainError, InvalidInput, NotAllowed, NotFound
from domain.language import N_, _
from domain.vocabulary import Role
from storage.models import Account
from storage.queries import accounts as account_queries
from storage.queries import sessions as session_queries

ISSUER = "Care Portal"
RECOVERY_CODES = 10
REQUIRED_FOR = sessions.ENROL_REQUIRED_FOR
OFFERED_TO = access.STAFF_ROLES
# Also said on the sign-in page (domain.accounts.auth), so in the reader's language: _(WRONG_CODE).
WRONG_CODE = N_("That code is not right. Please type the six digits your authenticator app shows now.")


@dataclass(frozen=True)
class Enrolment:
    """A secret to set up: shown as a QR code and as text, kept only once a code confirms it."""

    secret: str
    uri: str  # otpauth://, what the QR code holds


@dataclass(frozen=True)
class Status:
    enrolled: bool
    required: bool
    recovery_codes_left: int


def is_required(role: Role) -> bool:
    return role in REQUIRED_FOR


def new_enrolment(actor: Actor) -> Enrolment:
    if actor.role not in OFFERED_TO:
        raise NotAllowed("Two-step sign-in is for agency staff.")
    with action.reading(actor) as act:
        account = account_queries.by_id(actor.account_id, session=act.session)
        if account is None:
            raise NotFound("That account no longer exists.")
        email = account.email
    secret = pyotp.random_base32()
    return Enrolment(secret, pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER))


def status(actor: Actor) -> Status:
    with action.reading(actor) as act:
        account = account_queries.by_id(actor.account_id, session=act.session)
        if account is None:
            raise NotFound("That account no longer exists.")
        left = sum(
            1 for c in session_queries.recovery_codes(account.id, session=act.session) if c.used_at is None
        )
        return Status(account.totp_secret is not None, is_required(account.role), left)


def confirm(actor: Actor, secret: str, code: str, current_token: str | None = None) -> list[str]:
    """Keep the secret once a code from the app shows it was set up; the new recovery codes (shown
    once). Every other session of the account ends: they were begun without the second factor."""
    if actor.role not in OFFERED_TO:
        raise NotAllowed("Two-step sign-in is for agency staff.")
    step = matching_step(secret, code, None, clock.now())
    if step is None:
        raise InvalidInput({"code": _(WRONG_CODE)})
    codes = [_recovery_code() for _unused in range(RECOVERY_CODES)]
    with action.writing(actor) as act:
        account = account_queries.by_id(actor.account_id, session=act.session, for_update=True)
        if account is None:
            raise NotFound("That account no longer exists.")
        account.totp_secret, account.totp_last_step = secret, step
        session_queries.replace_recovery_codes(
            account.id, [passwords.token_hash(_normal(c)) for c in codes], session=act.session
        )
        current = (
            session_queries.by_token(passwords.token_hash(current_token), session=act.session)
            if current_token
            else None
        )
        session_queries.end_all(
            account.id, now=act.now, session=act.session, keep_id=current.id if current else None
        )
        act.audit("two_factor_enrol", "account", account.id)
    return codes


def reset(actor: Actor, account_id: int) -> None:
    """An administrator clears another staff member's two-factor (a lost phone): they set it up again
    at their next sign-in (administrators must; others may). Their sessions end."""
    access.require_role(actor, Role.ADMIN)
    if account_id == actor.account_id:
        raise DomainError("Another administrator must reset your own two-step sign-in.")
    with action.writing(actor) as act:
        account = account_queries.by_id(account_id, session=act.session, for_update=True)
        if account is None:
            raise NotFound("That account no longer exists.")
        account.totp_secret, account.totp_last_step = None, None
        session_queries.replace_recovery_codes(account.id, [], session=act.session)
        sessions.end_everything(act, account.id, why="two-step sign-in reset")
        act.audit("two_factor_reset", "account", account.id)


def matching_step(secret: str, code: str, last_step: int | None, now: datetime) -> int | None:
    """The 30-second step whose code this is (the one before and after allowed, for a phone's clock),
    or None; a step already used is refused, so an overheard code cannot be replayed."""
    digits = "".join(code.split())
    if len(digits) != 6 or not digits.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    current = int(now.timestamp()) // totp.interval
    for step in (current, current - 1, current + 1):
        if (last_step is None or step > last_step) and secrets.compare_digest(
            totp.generate_otp(step), digits
        ):
            return step
    return None


def check(account: Account, code: str, act: action.Action) -> bool:
    """Whether the code (from the app, or an unused recovery code) is right, used up if so."""
    assert account.totp_secret is not None
    step = matching_step(account.totp_secret, code, account.totp_last_step, act.now)
    if step is not None:
        account.totp_last_step = step
        return True
    normal = _normal(code)
    if len(normal) != 10:
        return False
    used = session_queries.use_recovery_code(
        account.id, passwords.token_hash(normal), now=act.now, session=act.session
    )
    if used:
        act.audit("recovery_code_used", "account", account.id)
    return used


def _recovery_code() -> str:
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i
    raw = "".join(secrets.choice(alphabet) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def _normal(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isalnum())
