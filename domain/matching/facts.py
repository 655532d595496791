"""What matching knows of one worker and of one characteristic, as the workforce snapshot holds it.

Its own module so that the snapshot (workforce.py) and its columns (columns.py), which both hold
these, import them from here and not from each other.
"""

from dataclasses import dataclass
from datetime import date

from domain.matching.distance import Spot
from domain.matching.model import HeldCompetency


@dataclass(frozen=True, slots=True)
class Characteristic:
    id: int
    kind: str
    code: str
    name: str
    min_age: int | None
    max_age: int | None


@dataclass(frozen=True, slots=True)
class WorkerFacts:
    id: int
    name: str
    gender: str
    born: date
    photo_media_id: int | None
    charge_rate_cents: int
    rating: int
    medal: str | None
    medal_colour: str | None
    review_count: int
    max_minutes: int
    home: Spot | None
    competencies: dict[int, tuple[date | None, date | None]]  # id -> (obtained, last valid day)
    characteristics: frozenset[int]
    spans: tuple[tuple[tuple[int, int], ...], ...]  # per weekday, windows joined where they touch
    held: tuple[HeldCompetency, ...]  # for the provider card, by name
