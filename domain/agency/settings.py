"""The agency's settings as the rules read them, cached briefly so pages do not ask on every click."""

import time
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from domain.errors import NotFound
from storage import db
from storage.queries import agency as agency_queries

CACHE_SECONDS = 30.0


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


_cached: tuple[float, AgencySettings] | None = None


def settings() -> AgencySettings:
    global _cached
    if _cached is not None and time.monotonic() - _cached[0] < CACHE_SECONDS:
        return _cached[1]
    with db.read() as session:
        row = agency_queries.get(session=session)
        if row is None:
            raise NotFound("The agency has not been set up yet.")
        fresh = AgencySettings(
            **{field: getattr(row, field) for field in AgencySettings.__dataclass_fields__}
        )
    _cached = (time.monotonic(), fresh)
    return fresh


def forget_cached() -> None:
    """Call after the settings change, or when the database is swapped (tests)."""
    global _cached
    _cached = None
