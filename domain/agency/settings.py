"""The agency's settings as the rules read them: read in the action's own transaction (see
domain.action), so a use case never holds a second connection for them."""

from dataclasses import dataclass, fields
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from domain.errors import NotFound
from storage import db
from storage.queries import agency as agency_queries


@dataclass(frozen=True)
class AgencySettings:
    name: str
    phone: str
    email: str
    roster_email: str
    timezone: str
    state: str
    logo_media_id: int | None
    booking_lead_minutes: int
    cancel_lead_minutes: int
    booking_horizon_days: int
    shift_horizon_weeks: int
    offer_expiry_minutes: int
    reminder_lead_minutes: int
    travel_radius_km: int
    travel_speed_kmh: int
    travel_buffer_minutes: int

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def load(*, session: Session) -> AgencySettings:
    row = agency_queries.get(session=session)
    if row is None:
        raise NotFound("The agency has not been set up yet.")
    return AgencySettings(**{field.name: getattr(row, field.name) for field in fields(AgencySettings)})


def current() -> AgencySettings:
    """The settings now, in a session of their own: for a page being built (off the event loop) and
    for code that is not inside a use case's transaction."""
    with db.read() as session:
        return load(session=session)

