"""Sign-in for the worker app's JSON API: a support worker trades e-mail and password (with the same
lockout as the sign-in page) for a bearer token; only the token's hash is kept."""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain import audit, clock
from domain.accounts import access, auth
from domain.accounts.access import Actor
from domain.errors import SignInFailed
from domain.vocabulary import Role
from storage import db
from storage.models import ApiToken
from storage.queries import api_tokens as token_queries

LIFETIME = timedelta(days=90)
TOUCH_EVERY = timedelta(minutes=5)  # last_used_at is for the office, not a write on every call
ENDED = "This sign-in has ended. Please sign in to the worker app again."


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_at: datetime


def issue(email: str, password: str, name: str = "Worker app") -> IssuedToken:
    """A new token for a support worker; raises SignInFailed, AccountLocked or NotAllowed."""
    actor = auth.sign_in(email, password)
    access.require_role(actor, Role.WORKER)
    token, now = secrets.token_urlsafe(32), clock.now()
    with db.write() as session:
        session.add(
            ApiToken(
                account_id=actor.account_id,
                token_hash=auth.token_hash(token),
                name=name[:80],
                created_at=now,
                expires_at=now + LIFETIME,
            )
        )
        audit.record(session, actor.account_id, "create", "api_token", None, name[:80])
    return IssuedToken(token, now + LIFETIME)


def is_live(row: ApiToken, now: datetime) -> bool:
    return row.revoked_at is None and (row.expires_at is None or now < row.expires_at)


def actor_for(token: str) -> Actor:
    """Who this bearer token signs in; SignInFailed if it is unknown, revoked, expired, or the
    account was closed or locked since."""
    now = clock.now()
    with db.read() as session:
        row = token_queries.by_hash(auth.token_hash(token), session=session)
        if row is None or not is_live(row, now):
            raise SignInFailed(ENDED)
        token_id, account_id, last_used = row.id, row.account_id, row.last_used_at
    actor = auth.load_actor(account_id)
    if actor is None:
        raise SignInFailed(ENDED)
    if last_used is None or now - last_used > TOUCH_EVERY:
        with db.write() as session:
            token_queries.touch(token_id, now=now, session=session)
    return actor


def revoke(token: str) -> None:
    """Sign this token out; it stops working at once."""
    with db.write() as session:
        token_queries.revoke(auth.token_hash(token), now=clock.now(), session=session)
