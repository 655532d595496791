"""Who is looking at a screen and the agency they see it in: loaded once per page, off the event
loop, by components.guard, and handed to the page and to its frame. Times arrive in UTC from the
domain and are shown in the agency's zone through `local()`."""

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from domain import clock
from domain.accounts.access import Actor
from domain.agency.settings import AgencySettings


@dataclass(frozen=True)
class Viewer:
    """Anyone on a screen, signed in or not (the sign-in and welcome pages)."""

    agency: AgencySettings
    actor: Actor | None = None

    @property
    def zone(self) -> ZoneInfo:
        return self.agency.zone

    @property
    def today(self) -> date:
        """The agency's date now; the clock is asked each time, so a tab left open overnight moves on."""
        return self.local(clock.now()).date()

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)


@dataclass(frozen=True)
class SignedInViewer(Viewer):
    """Someone signed in, on a page their role may open."""

    actor: Actor
