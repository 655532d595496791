"""Turning a calendar feed on, making a new address, turning it off, and reading a feed by its
address. Only the SHA-256 of the address's secret is stored, as for invitations and API tokens:
the address is shown once, when it is made."""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from domain import action
from domain.accounts import access, auth, passwords, rate_limits
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import NotAllowed, NotFound
from domain.feeds.ics import FeedVisit, calendar_text
from domain.vocabulary import Role
from storage.models import CalendarFeed
from storage.queries import NamedRow
from storage.queries import feeds as feed_queries

BACK = timedelta(weeks=4)  # a feed shows the visits of the last four weeks…
AHEAD = timedelta(weeks=26)  # …and of the next 26
NOT_YOURS = "You can turn on a calendar feed only for yourself or for someone you care for."
NO_SUCH_FEED = "There is no calendar feed at this address."


@dataclass(frozen=True)
class Subject:
    """Whose visits a feed shows: a client's (client_id) or the worker's own (worker_id)."""

    client_id: int | None
    worker_id: int | None


@dataclass(frozen=True)
class FeedState:
    on: bool
    since: datetime | None  # when the current address was made


def subject_for(actor: Actor, client_id: int | None) -> Subject:
    """A client's or carer's feed of a client they act for, or a worker's of their own shifts;
    staff have none (they see every client in the portal itself)."""
    if client_id is not None:
        if actor.role not in access.CLIENT_SIDE_ROLES or client_id not in actor.client_ids:
            raise NotAllowed(NOT_YOURS)
        return Subject(client_id, None)
    if actor.role != Role.WORKER or actor.worker_id is None:
        raise NotAllowed(NOT_YOURS)
    return Subject(None, actor.worker_id)


def address(public_url: str, token: str) -> str:
    return f"{public_url.rstrip('/')}/feeds/{token}.ics"


def state(actor: Actor, client_id: int | None = None) -> FeedState:
    subject = subject_for(actor, client_id)
    with action.reading(actor) as act:
        feed = _feed(act, actor, subject)
        return FeedState(feed is not None, feed.created_at if feed else None)


def turn_on(actor: Actor, client_id: int | None = None) -> str:
    """A new secret address (the secret, to show once); a feed already on gets a new one."""
    return _issue(actor, client_id, renewing=False)


def make_new(actor: Actor, client_id: int | None = None) -> str:
    """A new address for a feed that is on; the old one answers "not found" from now on."""
    return _issue(actor, client_id, renewing=True)


def _issue(actor: Actor, client_id: int | None, *, renewing: bool) -> str:
    subject = subject_for(actor, client_id)
    token = secrets.token_urlsafe(32)
    with action.writing(actor) as act:
        # One at a time per account: a double tap makes one feed, not a unique-key error.
        feed_queries.lock_account(actor.account_id, session=act.session)
        feed = _feed(act, actor, subject)
        if feed is None and renewing:
            raise NotFound("The calendar feed is off. Turn it on first.")
        if feed is None:
            feed = CalendarFeed(
                account_id=actor.account_id,
                client_id=subject.client_id,
                worker_id=subject.worker_id,
                token_hash="",
                created_at=act.now,
            )
            act.session.add(feed)
        what = "create" if feed.id is None else "regenerate"
        feed.token_hash = passwords.token_hash(token)
        feed.created_at = act.now
        act.session.flush()
        act.audit(what, "calendar_feed", feed.id, _detail(subject), client_id=subject.client_id)
    return token


def turn_off(actor: Actor, client_id: int | None = None) -> None:
    """The address stops working at once; nothing of the feed is kept."""
    subject = subject_for(actor, client_id)
    with action.writing(actor) as act:
        feed_queries.lock_account(actor.account_id, session=act.session)
        feed = _feed(act, actor, subject)
        if feed is None:
            return
        feed_queries.remove(feed.id, session=act.session)
        act.audit("revoke", "calendar_feed", feed.id, _detail(subject), client_id=subject.client_id)


def read(token: str, public_url: str, *, address: str | None = None) -> bytes:
    """The feed at this secret address; NotFound for an unknown, revoked or no longer permitted one
    (an account switched off, a carer no longer linked), all alike so nothing is revealed. Counted
    per address (TooManyAttempts past the limit), as every anonymous door is."""
    rate_limits.check((rate_limits.FEED_PER_ADDRESS, address))
    host = urlsplit(public_url).hostname or "care-portal"
    with action.reading() as act:
        feed = feed_queries.by_hash(passwords.token_hash(token), session=act.session)
        owner = auth.active_actor(act, feed.account_id) if feed is not None else None
        if feed is None or owner is None or not _still_permitted(owner, feed):
            raise NotFound(NO_SUCH_FEED)
        rows = feed_queries.visits(
            client_id=feed.client_id,
            worker_id=feed.worker_id,
            start=act.now - BACK,
            end=act.now + AHEAD,
            session=act.session,
        )
        for_worker = feed.worker_id is not None
        visits = [_visit(row, for_worker) for row in rows]
        name = f"{act.settings.name} {'shifts' if for_worker else 'visits'}"
        return calendar_text(visits, name=name, host=host, now=act.now)


def _still_permitted(owner: Actor, feed: CalendarFeed) -> bool:
    try:
        return subject_for(owner, feed.client_id) == Subject(feed.client_id, feed.worker_id)
    except NotAllowed:
        return False


def _visit(row: NamedRow, for_worker: bool) -> FeedVisit:
    """What each person's calendar says: a client's and carer's the worker's first name, a
    worker's the client's first name and address; nothing more of anyone."""
    if for_worker:
        summary = f"{row.service} for {row.client_preferred_name or row.client_first_name}"
        location: str | None = f"{row.home_street}, {row.home_suburb} {row.home_state} {row.home_postcode}"
    else:
        worker = row.worker_preferred_name or row.worker_first_name
        summary = f"{row.service} with {worker}" if worker else f"{row.service} (worker to be confirmed)"
        location = None
    return FeedVisit(row.id, row.starts_at, row.ends_at, row.status, row.version, summary, location)


def _feed(act: Action, actor: Actor, subject: Subject) -> CalendarFeed | None:
    return feed_queries.of_account(
        actor.account_id, client_id=subject.client_id, worker_id=subject.worker_id, session=act.session
    )


def _detail(subject: Subject) -> str:
    return (
        "calendar feed of the worker's shifts"
        if subject.worker_id
        else "calendar feed of the client's visits"
    )
