"""Browser sessions kept in the database: begun only once every factor was right, with a new identity
each time (a cookie picked up before sign-in never becomes a signed-in one), ended by signing out in
any tab, and all ended at once when the password changes, the account is switched off or an
administrator signs the account out everywhere.

The cookie holds a random token; only its SHA-256 is kept. The pages cannot set cookies (they run
over a websocket), so signing in makes a one-time *ticket* instead, valid for a minute, that the
browser trades for its cookie at /session/begin.
"""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain import action
from domain.accounts import access, passwords
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import NotAllowed, NotFound, SignInFailed
from domain.language import N_, _
from domain.vocabulary import Role
from storage.models import WebSession
from storage.queries import accounts as account_queries
from storage.queries import sessions as session_queries

TICKET_VALID = timedelta(minutes=1)
STAFF_LIFETIME = timedelta(hours=12)  # a working day, whatever the activity
KEEP_LIFETIME = timedelta(days=30)  # a client's (or carer's) own tablet, if they ask to stay signed in
ENROL_LIFETIME = timedelta(minutes=15)  # an administrator setting up two-factor after the password
TOUCH_EVERY = timedelta(minutes=1)  # last_seen_at is written at most once a minute
MAY_KEEP = access.CLIENT_SIDE_ROLES
ENROL_REQUIRED_FOR = frozenset({Role.ADMIN})  # the same as domain.accounts.second_factor.REQUIRED_FOR
TICKET_ENDED = N_("That sign-in link has expired. Please sign in again.")  # said as _(TICKET_ENDED)


@dataclass(frozen=True)
class Began:
    token: str  # for the cookie
    max_age: (
        int | None
    )  # seconds for a persistent cookie ("keep me signed in"); None: until the browser closes


@dataclass(frozen=True)
class Live:
    session_id: int
    account_id: int
    enrol_only: bool  # signed in with the password only, to set up two-factor


def lifetime(role: Role, keep: bool) -> timedelta:
    """How long a session lasts at most: 30 days for a client who ticks "keep me signed in",
    otherwise 12 hours (and 30 idle minutes end it sooner)."""
    return KEEP_LIFETIME if keep and role in MAY_KEEP else STAFF_LIFETIME


def ticket_for(
    act: Action, account_id: int, role: Role, *, keep: bool = False, enrol_only: bool = False
) -> str:
    """A one-time ticket for a new session, written in the caller's action."""
    ticket = secrets.token_urlsafe(32)
    keep = keep and role in MAY_KEEP and not enrol_only
    act.session.add(
        WebSession(
            account_id=account_id,
            ticket_hash=passwords.token_hash(ticket),
            ticket_expires_at=act.now + TICKET_VALID,
            created_at=act.now,
            last_seen_at=act.now,
            expires_at=act.now + (ENROL_LIFETIME if enrol_only else lifetime(role, keep)),
            keep=keep,
            enrol_only=enrol_only,
        )
    )
    return ticket


def open_for(actor: Actor, *, keep: bool = False) -> str:
    """A ticket for a new session of someone who has just proved who they are (password, and code if
    asked). An administrator without two-factor gets a session that opens only its set-up page."""
    with action.writing(actor) as act:
        account = account_queries.by_id(actor.account_id, session=act.session)
        if account is None or not account.active:
            raise SignInFailed(_(TICKET_ENDED))
        enrol_only = account.role in ENROL_REQUIRED_FOR and account.totp_secret is None
        return ticket_for(act, account.id, account.role, keep=keep, enrol_only=enrol_only)


def promote(token: str | None) -> str:
    """A ticket for a full session in place of this one, once two-factor is set up (a change of
    privilege: a new identity)."""
    with action.writing() as act:
        row = session_queries.by_token(passwords.token_hash(token), session=act.session) if token else None
        if row is None or not _is_live(row, act.now):
            raise SignInFailed(_(TICKET_ENDED))
        account = account_queries.by_id(row.account_id, session=act.session)
        if account is None or not account.active:
            raise SignInFailed(_(TICKET_ENDED))
        if account.role in ENROL_REQUIRED_FOR and account.totp_secret is None:
            raise NotAllowed("Please set up two-step sign-in first.")
        return ticket_for(act, account.id, account.role)


def redeem(ticket: str, replacing: str | None = None) -> Began:
    """Trade a ticket for the session's cookie token (once); the browser's earlier session, if any,
    ends: a new identity at every sign-in and every change of privilege."""
    token = secrets.token_urlsafe(32)
    with action.writing() as act:
        row = session_queries.by_ticket(passwords.token_hash(ticket), session=act.session)
        if (
            row is None
            or row.ended_at is not None
            or row.ticket_expires_at is None
            or row.ticket_expires_at < act.now
        ):
            raise SignInFailed(_(TICKET_ENDED))
        if replacing:
            session_queries.end(passwords.token_hash(replacing), now=act.now, session=act.session)
        row.ticket_hash, row.ticket_expires_at = None, None
        row.token_hash = passwords.token_hash(token)
        row.last_seen_at = act.now
        max_age = int((row.expires_at - act.now).total_seconds()) if row.keep else None
        act.audit("session_begin", "account", row.account_id)
    return Began(token, max_age)


def resume(token: str | None) -> Live | None:
    """The live session for this cookie token, or None: unknown, ended, past its lifetime, idle for
    30 minutes (unless kept on the client's own tablet), or its account switched off."""
    if not token:
        return None
    with action.reading() as act:
        row = session_queries.by_token(passwords.token_hash(token), session=act.session)
        if row is None or not _is_live(row, act.now):
            return None
        account = account_queries.by_id(row.account_id, session=act.session)
        if account is None or not account.active:
            return None
        live = Live(row.id, row.account_id, row.enrol_only)
        stale = act.now - row.last_seen_at > TOUCH_EVERY
    if stale:
        with action.writing() as act:
            session_queries.touch(live.session_id, now=act.now, session=act.session)
    return live


def ended_by_idling(token: str | None) -> bool:
    """Whether this token's session ended by 30 idle minutes (for the sign-in page's message)."""
    if not token:
        return False
    with action.reading() as act:
        row = session_queries.by_token(passwords.token_hash(token), session=act.session)
        return (
            row is not None
            and row.ended_at is None
            and act.now < row.expires_at
            and not row.keep
            and passwords.is_idle_expired(row.last_seen_at, act.now)
        )


def _is_live(row: WebSession, now: datetime) -> bool:
    if row.ended_at is not None or row.token_hash is None or now >= row.expires_at:
        return False
    return row.keep or not passwords.is_idle_expired(row.last_seen_at, now)


def end(token: str | None) -> None:
    """Sign out: this session ends, in every tab that shares it."""
    if not token:
        return
    with action.writing() as act:
        session_queries.end(passwords.token_hash(token), now=act.now, session=act.session)


def end_everything(act: Action, account_id: int, *, why: str) -> None:
    """Every session and every API token of the account ends, in the caller's action."""
    sessions = session_queries.end_all(account_id, now=act.now, session=act.session)
    tokens = session_queries.revoke_tokens(account_id, now=act.now, session=act.session)
    act.audit("end_sessions", "account", account_id, f"{why}: {sessions} sessions, {tokens} tokens")


def sign_out_everywhere(actor: Actor, account_id: int) -> None:
    """An administrator's "Sign out everywhere": every browser and app of the account must sign in again."""
    access.require_role(actor, Role.ADMIN)
    with action.writing(actor) as act:
        if account_queries.by_id(account_id, session=act.session, for_update=True) is None:
            raise NotFound("That account no longer exists.")
        end_everything(act, account_id, why="signed out everywhere")
