"""Workers, shifts and rules made in memory, for the tests of the pure rules (no database).

Times are Sydney wall-clock times, as in builders.py; places are the client's home or a number of
kilometres north of it.
"""

from datetime import date, datetime

from domain.matching import workforce
from domain.matching.checks import Busy, Rules
from domain.matching.distance import Spot, spot
from domain.matching.facts import Characteristic, WorkerFacts
from domain.matching.model import ShiftToFill
from domain.matching.requirements import Requirements
from domain.matching.slot import Slot, slot_of
from tests.matching.builders import ALL_WEEK, HOME, SYDNEY, at, north

CLIENT_HOME = spot(*HOME)
COMPETENCIES = {1: "First aid", 2: "Hoist transfer"}
FEMALE = Characteristic(1, "gender", "female", "Female worker", None, None)
YOUNG = Characteristic(2, "age_band", "18-29", "Aged 18–29", 18, 29)
GREEK = Characteristic(3, "language", "el", "Speaks Greek", None, None)
CHARACTERISTICS = {c.id: c for c in (FEMALE, YOUNG, GREEK)}


def km_north(km: float) -> Spot:
    return spot(*north(km))


def worker(
    worker_id: int = 1,
    *,
    name: str = "Ann",
    gender: str = "female",
    born: date = date(1980, 1, 1),
    home: Spot | None = CLIENT_HOME,
    windows: tuple[tuple[int, int, int], ...] = ALL_WEEK,
    competencies: dict[int, tuple[date | None, date | None]] | None = None,
    characteristics: frozenset[int] = frozenset(),
    max_hours: int = 38,
) -> WorkerFacts:
    """`windows` as (weekday, from minute, to minute); `competencies` as id -> (obtained, last valid day)."""
    by_day: list[list[tuple[int, int]]] = [[] for _ in range(7)]
    for weekday, start, end in windows:
        by_day[weekday].append((start, end))
    return WorkerFacts(
        id=worker_id,
        name=name,
        gender=gender,
        born=born,
        photo_media_id=None,
        charge_rate_cents=4500,
        rating=3,
        medal=None,
        medal_colour=None,
        review_count=0,
        max_minutes=max_hours * 60,
        home=home,
        competencies=competencies or {},
        characteristics=characteristics,
        spans=tuple(workforce.join_spans(day) for day in by_day),
        held=(),
    )


def shift(day: date, starts: str, ends: str, *, end_day: date | None = None) -> Slot:
    """The slot of a shift at the client's home, from `starts` on `day` to `ends` (on `end_day`)."""
    return shift_for(at(day, starts), at(end_day or day, ends))


def shift_for(starts: datetime, ends: datetime) -> Slot:
    return slot_of(ShiftToFill(1, 1, 1, starts, ends), CLIENT_HOME, SYDNEY)


def busy(day: date, starts: str, ends: str, *, place: Spot | None = CLIENT_HOME, shift_id: int = 100) -> Busy:
    """Another shift the worker already has, at `place` (None: not on the map)."""
    return busy_for(at(day, starts), at(day, ends), place=place, shift_id=shift_id)


def busy_for(
    starts: datetime, ends: datetime, *, place: Spot | None = CLIENT_HOME, shift_id: int = 100
) -> Busy:
    lat, lon = (place[0], place[1]) if place is not None else (None, None)
    return Busy(shift_id, _seconds(starts), _seconds(ends), lat, lon)


def rules(
    *workers: WorkerFacts,
    competencies: tuple[int, ...] = (),
    characteristics: tuple[int, ...] = (),
    desirable: tuple[tuple[int, int], ...] = (),
    blocked: frozenset[int] = frozenset(),
    radius_km: int = 25,
    speed_kmh: int = 30,
    buffer_minutes: int = 15,
) -> Rules:
    """The rules of one search over these workers; `desirable` as (competency id, weight)."""
    force = workforce.of(
        1,
        {w.id: w for w in workers},
        competency_names=COMPETENCIES,
        characteristics=CHARACTERISTICS,
    )
    return Rules(
        force=force,
        requirements=Requirements(competencies, characteristics, desirable, ()),
        blocked=blocked,
        preferred=frozenset(),
        zone=SYDNEY,
        radius_km=radius_km,
        speed_kmh=speed_kmh,
        buffer_minutes=buffer_minutes,
    )


def _seconds(moment: datetime) -> int:
    return int(moment.timestamp())
