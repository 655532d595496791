"""Generated support workers and clients, with what the rostering step needs kept in memory."""

import hashlib
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from sqlalchemy.orm import Session

from adapters import geocoding
from adapters.geocoding import Suburb
from domain.vocabulary import Gender, GeocodeStatus
from storage.models import (
    AvailabilityWindow,
    Leave,
    MediaFile,
    Worker,
    WorkerCharacteristic,
    WorkerCompetency,
)

from . import names, prices
from .catalogue import LANGUAGES, Catalogue
from .portraits import portrait_png

# (weekdays, start minute, end minute): the shapes of week support workers offer
AVAILABILITY_PATTERNS = (
    ((0, 1, 2, 3, 4), 7 * 60, 15 * 60),
    ((0, 1, 2, 3, 4), 8 * 60, 17 * 60),
    ((0, 1, 2, 3, 4), 9 * 60, 18 * 60),
    ((0, 1, 2, 3, 4, 5, 6), 7 * 60, 19 * 60),
    ((0, 2, 4, 5, 6), 8 * 60, 18 * 60),
    ((1, 3, 5, 6), 7 * 60, 16 * 60),
    ((0, 1, 2, 3), 12 * 60, 21 * 60),
)

# code, share of workers holding it, years valid (None: never expires)
COMPETENCY_SHARES = (
    ("police_check", 0.98, 3),
    ("ndis_screening", 0.7, 5),
    ("wwcc", 0.3, 5),
    ("cert3_individual_support", 0.85, None),
    ("cert4_ageing", 0.2, None),
    ("cert4_disability", 0.2, None),
    ("first_aid", 0.85, 3),
    ("cpr", 0.85, 1),
    ("manual_handling", 0.8, 2),
    ("infection_control", 0.8, 2),
    ("food_safety", 0.4, None),
    ("hoist_transfer", 0.35, 2),
    ("medication_assistance", 0.45, 2),
    ("dementia_care", 0.4, None),
    ("palliative_care", 0.15, None),
    ("peg_feeding", 0.08, 2),
    ("catheter_care", 0.1, 2),
    ("wound_care", 0.12, None),
    ("behaviour_support", 0.15, None),
    ("autism_support", 0.15, None),
    ("mental_health_first_aid", 0.2, 3),
    ("diabetes_management", 0.2, None),
    ("seizure_management", 0.12, 2),
    ("pressure_care", 0.2, None),
    ("auslan", 0.03, None),
    ("registered_nurse", 0.05, 1),
    ("enrolled_nurse", 0.05, 1),
    ("physiotherapist", 0.02, 1),
)


@dataclass
class WorkerSeed:
    id: int
    name: str
    lat: float
    lon: float
    gender: Gender
    born: date
    max_minutes_per_week: int
    windows: dict[int, tuple[int, int]]  # weekday -> (start, end) minutes
    competencies: dict[str, date | None]  # code -> expiry (None: never)
    languages: set[str]
    flags: set[str]
    leave: list[tuple[datetime, datetime]] = field(default_factory=list)
    charge_level: int | None = None


def sydney_places() -> list[Suburb]:
    """The Greater Sydney suburbs of the shipped table (the agency's service area)."""
    return [s for s in geocoding.suburbs() if -34.1 <= s.lat <= -33.55 and 150.6 <= s.lon <= 151.35]


def street_address(rng: random.Random) -> str:
    return f"{rng.randint(1, 180)} {rng.choice(names.STREETS)}"


def near(place: Suburb, rng: random.Random) -> tuple[float, float]:
    """A point within about a kilometre of the suburb's centre."""
    return round(place.lat + rng.uniform(-0.008, 0.008), 6), round(place.lon + rng.uniform(-0.008, 0.008), 6)


def add_portraits(session: Session, seeds: list[str], *, grey: list[bool] | None = None) -> list[int]:
    now = datetime(2000, 1, 1, tzinfo=UTC)  # fixed, so seeding twice gives identical rows
    rows = []
    for index, seed in enumerate(seeds):
        data = portrait_png(seed, grey_hair=bool(grey and grey[index]))
        rows.append(
            {
                "content_type": "image/png",
                "size": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "data": data,
                "created_at": now,
            }
        )
    return list(
        session.scalars(insert(MediaFile).returning(MediaFile.id, sort_by_parameter_order=True), rows)
    )


def home_address(street: str, place: Suburb, lat: float, lon: float) -> dict:
    return {
        "home_street": street,
        "home_suburb": place.name,
        "home_state": place.state,
        "home_postcode": place.postcode,
        "home_lat": lat,
        "home_lon": lon,
        "home_geocode": GeocodeStatus.SUBURB,
    }


def pick_gender(rng: random.Random, female_share: float) -> Gender:
    roll = rng.random()
    if roll < female_share:
        return Gender.FEMALE
    return Gender.NON_BINARY if roll > 0.985 else Gender.MALE


def first_name(rng: random.Random, gender: Gender) -> str:
    pool = {Gender.FEMALE: names.FEMALE_FIRST, Gender.MALE: names.MALE_FIRST}.get(
        gender, names.NON_BINARY_FIRST
    )
    return rng.choice(pool)


def seed_workers(
    session: Session,
    rng: random.Random,
    catalogue: Catalogue,
    count: int,
    today: date,
    zone: ZoneInfo,
    *,
    portraits: bool,
    fixed: list[dict] | None = None,
) -> list[WorkerSeed]:
    """`fixed` workers (the demo personas) come first, with the given fields overriding the random ones."""
    places = sydney_places()
    rows, seeds = [], []
    for index in range(count):
        given = (fixed or [])[index] if fixed and index < len(fixed) else {}
        gender = given.get("gender") or pick_gender(rng, 0.75)
        place = given.get("place") or rng.choice(places)
        lat, lon = near(place, rng)
        started = today - timedelta(days=rng.randint(30, 12 * 365))
        years = (today - started).days / 365.25
        medal = next(
            (m for m, y in (("Platinum", 10), ("Gold", 5), ("Silver", 3), ("Bronze", 1)) if years >= y), None
        )
        row = {
            "created_at": datetime.combine(started, time(9), zone),  # hired then: deterministic
            "staff_number": f"W{index + 1:05d}",
            "first_name": given.get("first_name") or first_name(rng, gender),
            "last_name": given.get("last_name") or rng.choice(names.LAST),
            "gender": gender,
            "date_of_birth": today - timedelta(days=rng.randint(20 * 365, 64 * 365)),
            "mobile_phone": names.fictitious_mobile(rng),
            "charge_rate_cents": rng.randrange(3800, 6200, 25),
            "charge_level": prices.level_of(years),
            "rating": rng.choices((1, 2, 3, 4, 5), weights=(1, 3, 20, 45, 31))[0],
            "medal_id": catalogue.medals.get(medal) if medal else None,
            "max_hours_per_week": rng.choice((20, 24, 30, 38, 38)),
            "started_on": started,
            **home_address(street_address(rng), place, lat, lon),
            "bio": "",
            "photo_media_id": None,
        }
        row["email"] = given.get("email") or f"{row['staff_number'].lower()}@workers.example.com"
        row["bio"] = given.get("bio") or (
            f"{row['first_name']} has supported people at home for {max(1, round(years))} year"
            f"{'s' if round(years) > 1 else ''}."
        )
        rows.append(row)
    if portraits:
        photo_ids = add_portraits(session, [f"worker-{r['staff_number']}" for r in rows])
        for row, photo_id in zip(rows, photo_ids, strict=True):
            row["photo_media_id"] = photo_id
    ids = list(session.scalars(insert(Worker).returning(Worker.id, sort_by_parameter_order=True), rows))
    for index, (worker_id, row) in enumerate(zip(ids, rows, strict=True)):
        given = (fixed or [])[index] if fixed and index < len(fixed) else {}
        seeds.append(_worker_details(rng, worker_id, row, today, zone, given))
    _insert_worker_details(session, catalogue, seeds)
    return seeds


def _worker_details(
    rng: random.Random, worker_id: int, row: dict, today: date, zone: ZoneInfo, given: dict
) -> WorkerSeed:
    days, start, end = given.get("pattern") or rng.choice(AVAILABILITY_PATTERNS)
    competencies: dict[str, date | None] = {}
    for code, share, years in COMPETENCY_SHARES:
        if code in given.get("competencies", ()) or (not given.get("competencies") and rng.random() < share):
            if years is None:
                competencies[code] = None
            else:
                # Obtained up to the validity period ago: some expire soon, ~5% already have.
                obtained = today - timedelta(days=rng.randint(0, int(years * 365 * 1.05)))
                competencies[code] = obtained + timedelta(days=int(years * 365))
    if given.get("competencies"):
        competencies = {code: today + timedelta(days=400) for code in given["competencies"]}
    languages = {"English"} | set(given.get("languages", ()))
    if not given and rng.random() < 0.35:
        languages.add(rng.choice(LANGUAGES[1:]))  # English is the first
    flags = set(given.get("flags", ())) or {
        code
        for code, share in (
            ("non_smoker", 0.8),
            ("pet_friendly", 0.6),
            ("driver_with_car", 0.65),
            ("lgbti_aware", 0.3),
        )
        if rng.random() < share
    }
    if "driver_with_car" in flags:
        competencies.setdefault("drivers_licence", today + timedelta(days=rng.randint(60, 5 * 365)))
    seed = WorkerSeed(
        id=worker_id,
        name=f"{row['first_name']} {row['last_name']}",
        lat=row["home_lat"],
        lon=row["home_lon"],
        gender=row["gender"],
        born=row["date_of_birth"],
        max_minutes_per_week=row["max_hours_per_week"] * 60,
        windows={day: (start, end) for day in days},
        competencies=competencies,
        languages=languages,
        flags=flags,
        charge_level=row["charge_level"],
    )
    if not given and rng.random() < 0.12:  # some leave in the coming four weeks
        first = today + timedelta(days=rng.randint(1, 24))
        starts = datetime.combine(first, time(0), zone).astimezone(UTC)
        ends = datetime.combine(first + timedelta(days=rng.randint(3, 10)), time(0), zone).astimezone(UTC)
        seed.leave.append((starts, ends))
    return seed


def _insert_worker_details(session: Session, catalogue: Catalogue, seeds: list[WorkerSeed]) -> None:
    session.execute(
        insert(AvailabilityWindow),
        [
            {"worker_id": s.id, "weekday": day, "start_minute": start, "end_minute": end}
            for s in seeds
            for day, (start, end) in sorted(s.windows.items())
        ],
    )
    session.execute(
        insert(WorkerCompetency),
        [
            {
                "worker_id": s.id,
                "competency_id": catalogue.competencies[code],
                "expires_on": expiry,
                "obtained_on": None,
                "reference": None,
            }
            for s in seeds
            for code, expiry in sorted(s.competencies.items())
        ],
    )
    characteristic_rows = [
        {"worker_id": s.id, "characteristic_id": catalogue.languages[lang]}
        for s in seeds
        for lang in sorted(s.languages)
    ] + [
        {"worker_id": s.id, "characteristic_id": catalogue.flags[flag]}
        for s in seeds
        for flag in sorted(s.flags)
    ]
    session.execute(insert(WorkerCharacteristic), characteristic_rows)
    leave_rows = [
        {"worker_id": s.id, "starts_at": a, "ends_at": b, "reason": "Annual leave"}
        for s in seeds
        for a, b in s.leave
    ]
    if leave_rows:
        session.execute(insert(Leave), leave_rows)
