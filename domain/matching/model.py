"""The public contract of matching: what a search is asked, and what it answers.

Booking, the Day Manager and the worker API code against these shapes; fields may be added,
never renamed or removed.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple


@dataclass(frozen=True)
class Wish:
    """One preference item of a client, or of one booking's override."""

    competency_id: int | None
    characteristic_id: int | None
    mandatory: bool
    weight: int = 1


@dataclass(frozen=True)
class ShiftToFill:
    """The shift a worker is sought for. Times are aware UTC."""

    client_id: int
    service_id: int
    program_id: int
    starts_at: datetime
    ends_at: datetime
    lat: float | None = None  # where the work is; None = the client's home
    lon: float | None = None
    # None = the client's saved preferences (level PREFERENCE), or the stored override of
    # `booking_id` when that booking uses its own; a tuple = this booking's override instead.
    wishes: tuple[Wish, ...] | None = None
    ignore_shift_ids: frozenset[int] = frozenset()  # e.g. the shift being (re)allocated itself
    booking_id: int | None = None


@dataclass(frozen=True)
class HeldCompetency:
    name: str
    glyph: str
    kind: str
    expires_on: date | None  # the last day it is valid


class Provider(NamedTuple):
    """Everything a provider card needs (DESIGN §3.1 point 6).

    A named tuple, not a dataclass: a search makes thousands, and a frozen dataclass costs five
    times as much to make. Add new fields at the end (callers may unpack it). NOTE:
    domain/matching/search.py makes these from columns named after the fields (the worker's own
    facts in columns.CARD): a new field needs its column there.
    """

    worker_id: int
    name: str
    photo_media_id: int | None
    charge_rate_cents: int
    gender: str
    age: int  # on the shift's local date
    competencies: tuple[HeldCompetency, ...]
    rating: int
    medal: str | None
    medal_colour: str | None
    review_count: int
    distance_km: float  # from where the worker will be at the shift's start, to 0.1 km
    desirables_met: int  # weighted
    desirables_total: int  # weighted
    preferred: bool


@dataclass(frozen=True)
class LeftOut:
    """A worker who may not do the shift, and every reason why,
    e.g. "missing: Hoist transfer (expired 2026-10-02)"."""

    worker_id: int
    name: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    providers: tuple[Provider, ...]
    left_out: tuple[LeftOut, ...]


@dataclass(frozen=True)
class SeriesProvider:
    provider: Provider  # as for the series' first occurrence
    cannot_do: tuple[tuple[date, tuple[str, ...]], ...]  # local date + reasons


@dataclass(frozen=True)
class SeriesMatch:
    providers: tuple[SeriesProvider, ...]
    left_out: tuple[LeftOut, ...]
