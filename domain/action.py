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

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from domain import audit, clock, events
from domain.accounts.access import Actor
from domain.agency import local_time
from domain.agency import settings as agency_settings
from domain.agency.settings import AgencySettings
from storage import db


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

    def audit(self, what: str, entity: str, entity_id: int | None, detail: str = "") -> None:
        """Record who did what to which record, in this action's transaction."""
        audit.record(self.session, self.account_id, what, entity, entity_id, detail, at=self.now)

    def announce(self, event: events.Event) -> None:
        """Tell open pages about the change once the transaction has committed."""
        self.announcements.append(event)


@contextmanager
def writing(actor: Actor | None = None, *, now: datetime | None = None) -> Iterator[Action]:
    """An action whose changes commit together when the block ends, or not at all."""
    with db.write() as session:
        act = Action(session, now or clock.now(), actor)
        yield act
    for event in act.announcements:
        events.publish(event)


@contextmanager
def reading(actor: Actor | None = None, *, now: datetime | None = None) -> Iterator[Action]:
    """An action that only looks."""
    with db.read() as session:
        yield Action(session, now or clock.now(), actor)
