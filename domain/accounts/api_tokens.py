"""Sign-in for the worker app's JSON API: a support worker trades e-mail and password (with the same
lockout as the sign-in page) for a bearer token; only the token's hash is kept."""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain import action
from domain.accounts import auth, passwords, rate_limits
from domain.accounts.access import Actor
from domain.errors import SignInFailed
from domain.vocabulary import Role
from storage.models import ApiToken
from storage.queries import api_tokens as token_queries

LIFETIME = timedelta(days=90)
TOUCH_EVERY = timedelta(minutes=5)  # last_used_at is for the office, not a write on every call
ENDED = "This sign-in has ended. Please sign in to the worker app again."


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_at: datetime


# An administrator's account can change everyone's: it is not handed out to apps.
API_ROLES = frozenset(Role) - {Role.ADMIN}


def issue(
    email: str,
    password: str,
    name: str = "Worker app",
    *,
    code: str | None = None,
    address: str | None = None,
) -> IssuedToken:
    """A new token for the worker app (or a client's, a carer's or the roster's app); raises
    SignInFailed, AccountLocked or NotAllowed (an administrator's account).

    Signing in is its own use case (its password check stays outside any transaction); the token is
    then written in one action of the worker's."""
    rate_limits.check((rate_limits.TOKEN_PER_ADDRESS, address), (rate_limits.TOKEN_PER_ACCOUNT, email))
    actor = auth.sign_in(email, password, code, admits=API_ROLES)
    token = secrets.token_urlsafe(32)
    with action.writing(actor) as act:
        act.session.add(
            ApiToken(
                account_id=actor.account_id,
                token_hash=passwords.token_hash(token),
                name=name[:80],
                created_at=act.now,
                expires_at=act.now + LIFETIME,
            )
        )
        act.audit("create", "api_token", None, name[:80])
    return IssuedToken(token, act.now + LIFETIME)


def is_live(row: ApiToken, now: datetime) -> bool:
    return row.revoked_at is None and (row.expires_at is None or now < row.expires_at)


def actor_for(token: str) -> Actor:
    """Who this bearer token signs in; SignInFailed if it is unknown, revoked, expired, or the
    account was switched off since (a lockout stops new sign-ins, not tokens already given)."""
    with action.reading() as act:
        row = token_queries.by_hash(passwords.token_hash(token), session=act.session)
        if row is None or not is_live(row, act.now):
            raise SignInFailed(ENDED)
        actor = auth.active_actor(act, row.account_id)
        if actor is None:
            raise SignInFailed(ENDED)
        stale = row.last_used_at is None or act.now - row.last_used_at > TOUCH_EVERY
    if stale:
        _touch(row.id)
    return actor


def _touch(token_id: int) -> None:
    """Note when the token was last used: a write only every few minutes, never on every call."""
    with action.writing() as act:
        token_queries.touch(token_id, now=act.now, session=act.session)


def revoke(token: str) -> None:
    """Sign this token out; it stops working at once."""
    with action.writing() as act:
        token_queries.revoke(passwords.token_hash(token), now=act.now, session=act.session)
