"""One action's context: the session, the moment, who acts, and the agency's settings, opened once
per use case (a click, an API call, a job run) and handed to the helpers that need them.

    with action.writing(actor) as act:
        shift = queries.shift(shift_id, session=act.session, for_update=True)
        ...
        act.audit("cancel", "shift", shift.id)
        act.announce(events.ShiftChanged.of(...))

The settings are read on first use through the action's own session: a use case holds one
connection, never a second one for the settings while its transaction waits. Announcements are
published only after the transaction has committed, so a listener never sees a change that rolls
back; a failed action announces nothing.
"""

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ParamSpec, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session

from domain import audit, clock, events
from domain.accounts.access import Actor
from domain.agency import local_time
from domain.agency import settings as agency_settings
from domain.agency.settings import AgencySettings
from domain.errors import ChangedMeanwhile, PortalBusy
from storage import db

P = ParamSpec("P")
T = TypeVar("T")
ATTEMPTS = 5


@dataclass
class Action:
    session: Session
    now: datetime  # aware, UTC
    actor: Actor | None = None
    announcements: list[events.Event] = field(default_factory=list)
    _settings: AgencySettings | None = None

    @property
    def settings(self) -> AgencySettings:
        if self._settings is None:
            self._settings = agency_settings.load(session=self.session)
        return self._settings

    @property
    def zone(self) -> ZoneInfo:
        return self.settings.zone

    @property
    def today(self) -> date:
        """The agency's local date now."""
        return self.local(self.now).date()

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def day_bounds(self, first: date, last: date | None = None) -> tuple[datetime, datetime]:
        return local_time.span_of_days(first, last, self.zone)

    @property
    def account_id(self) -> int | None:
        return self.actor.account_id if self.actor is not None else None

    def audit(
        self, what: str, entity: str, entity_id: int | None, detail: str = "", *, client_id: int | None = None
    ) -> None:
        """Record who did what to which record, in this action's transaction (whose client record
        it was is found from the record unless given)."""
        audit.record(
            self.session, self.actor, what, entity, entity_id, detail, at=self.now, client_id=client_id
        )

    def announce(self, event: events.Event) -> None:
        """Tell open pages about the change once the transaction has committed."""
        self.announcements.append(event)


@contextmanager
def writing(actor: Actor | None = None, *, now: datetime | None = None) -> Iterator[Action]:
    """An action whose changes commit together when the block ends, or not at all."""
    with _connection_or_busy(), db.write() as session:
        act = Action(session, now or clock.now(), actor)
        yield act
    for event in act.announcements:
        events.publish(event)


@contextmanager
def reading(actor: Actor | None = None, *, now: datetime | None = None) -> Iterator[Action]:
    """An action that only looks."""
    with _connection_or_busy(), db.read() as session:
        yield Action(session, now or clock.now(), actor)


@contextmanager
def _connection_or_busy() -> Iterator[None]:
    """A request that cannot get a connection within the pool's timeout says so (and is answered
    at once with a clear message) instead of hanging."""
    try:
        yield
    except PoolTimeout as error:
        raise PortalBusy() from error


def retried(use_case: Callable[P, T]) -> Callable[P, T]:
    """For a use case that races others for the same rows (an offer answered while its visit is
    cancelled): when the database undid it to break a deadlock or a serialization conflict (or, on
    SQLite, stayed busy), run the whole use case again, a few times; then ChangedMeanwhile — a
    clear "look again", never a server error. Safe: nothing of a failed attempt was committed,
    announced or sent."""

    @functools.wraps(use_case)
    def run(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return db.retrying(lambda: use_case(*args, **kwargs), attempts=ATTEMPTS)
        except DBAPIError as error:
            if db.is_transient(error):
                raise ChangedMeanwhile() from error
            raise

    return run
