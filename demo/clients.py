"""Generated clients: who they are, their funding package, approved services and requirements."""

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import insert
from sqlalchemy.orm import Session

from domain.vocabulary import (
    BudgetPeriod,
    Gender,
    ManagementType,
    NdisCategory,
    RequirementLevel,
)
from storage.models import (
    ApprovedService,
    Client,
    EmergencyContact,
    FundingPackage,
    MarketingGroup,
    PackageBudget,
    Requirement,
    client_marketing_group,
)

from . import names
from .catalogue import Catalogue, requirement
from .people import add_portraits, first_name, home_address, near, pick_gender, street_address, sydney_places

# program code -> (share of clients, age range, services they may be approved for)
PROGRAM_MIX = {
    "HCP": (
        0.3,
        (67, 96),
        (
            "personal_care",
            "domestic",
            "social_support",
            "transport",
            "meal_prep",
            "gardening",
            "nursing",
            "shopping",
        ),
    ),
    "SAH": (
        0.27,
        (66, 95),
        (
            "personal_care",
            "domestic",
            "social_support",
            "transport",
            "nursing",
            "physio",
            "home_maintenance",
            "medication",
        ),
    ),
    "NDIS": (
        0.23,
        (22, 64),
        (
            "personal_care",
            "community_access",
            "social_support",
            "domestic",
            "respite",
            "overnight",
            "transport",
            "physio",
        ),
    ),
    "CHSP": (0.1, (68, 94), ("domestic", "gardening", "transport", "meal_prep", "social_support")),
    "PRIVATE": (0.1, (60, 92), ("domestic", "social_support", "shopping", "respite", "personal_care")),
}
# program -> (levels with yearly budgets in cents, contribution %, care management %)
PACKAGES = {
    "HCP": ((("Level 2", 1_910_000), ("Level 3", 4_160_000), ("Level 4", 6_300_000)), (0, 17), 15),
    "SAH": (
        (("Classification 3", 2_930_000), ("Classification 5", 4_770_000), ("Classification 7", 6_870_000)),
        (5, 50),
        10,
    ),
    "NDIS": ((("NDIS plan", 0),), (0, 0), 0),
    "CHSP": ((("Entry-level support", 450_000),), (10, 15), 0),
    "PRIVATE": ((("Private account", 1_200_000),), (0, 0), 0),
}
MARKETING_GROUPS = ("Over 80s", "Carers", "NDIS participants", "Inner West", "Greek community", "Newsletter")
CLIENT_REQUIREMENT_CHOICES = (
    "dementia_care",
    "medication_assistance",
    "diabetes_management",
    "palliative_care",
)


@dataclass
class ClientSeed:
    id: int
    name: str
    lat: float
    lon: float
    program: str
    package: FundingPackage
    approved: list[tuple[int, str]]  # (approved service id, service code)
    mandatory: set[str] = field(default_factory=set)  # competency codes, all services
    per_service: dict[str, set[str]] = field(default_factory=dict)
    female_only: bool = False
    prefer_worker_id: int | None = None  # tried first when rostering (the demo personas)


def seed_clients(
    session: Session,
    rng: random.Random,
    catalogue: Catalogue,
    count: int,
    today: date,
    *,
    portraits: bool,
    case_managers: list[int | None],  # [None] for an agency without case managers
    fixed: list[dict] | None = None,
    history_from: date | None = None,
) -> list[ClientSeed]:
    places = sydney_places()
    session.execute(insert(MarketingGroup), [{"name": n} for n in MARKETING_GROUPS])
    group_ids = {g.name: g.id for g in session.query(MarketingGroup)}
    rows, programs = [], []
    for index in range(count):
        given = (fixed or [])[index] if fixed and index < len(fixed) else {}
        program = (
            given.get("program") or rng.choices(list(PROGRAM_MIX), [v[0] for v in PROGRAM_MIX.values()])[0]
        )
        low, high = PROGRAM_MIX[program][1]
        gender = given.get("gender") or pick_gender(rng, 0.6)
        place = given.get("place") or rng.choice(places)
        lat, lon = near(place, rng)
        language = (
            given.get("language")
            or rng.choices(
                ("English", "Greek", "Italian", "Vietnamese", "Cantonese", "Arabic"), (70, 8, 7, 6, 5, 4)
            )[0]
        )
        rows.append(
            {
                "client_number": f"C{index + 1:05d}",
                # on the books since a fixed time before the seed day, so seeding twice matches
                "created_at": datetime.combine(today - timedelta(days=300), time(10), UTC),
                "updated_at": datetime.combine(today - timedelta(days=300), time(10), UTC),
                "title": {Gender.FEMALE: "Mrs", Gender.MALE: "Mr"}.get(gender),
                "first_name": given.get("first_name") or first_name(rng, gender),
                "last_name": given.get("last_name") or rng.choice(names.LAST),
                "preferred_name": given.get("preferred_name"),
                "date_of_birth": today - timedelta(days=rng.randint(low * 365, high * 365)),
                "gender": gender,
                "home_phone": names.fictitious_landline(rng) if rng.random() < 0.7 else None,
                "mobile_phone": names.fictitious_mobile(rng),
                "email": given.get("email")
                or (f"c{index + 1:05d}@clients.example.com" if rng.random() < 0.6 else None),
                **home_address(street_address(rng), place, lat, lon),
                "postal_same_as_home": True,
                "language": language,
                "interpreter_needed": language != "English" and rng.random() < 0.4,
                "case_manager_account_id": rng.choice(case_managers),
                "notes": "",
                "photo_media_id": None,
            }
        )
        programs.append(program)
    if portraits:
        photo_ids = add_portraits(
            session, [f"client-{r['client_number']}" for r in rows], grey=[p != "NDIS" for p in programs]
        )
        for row, photo_id in zip(rows, photo_ids, strict=True):
            row["photo_media_id"] = photo_id
    ids = list(session.scalars(insert(Client).returning(Client.id, sort_by_parameter_order=True), rows))
    _contacts_and_groups(session, rng, ids, rows, programs, group_ids, today)
    fixed = fixed or []
    return [
        _package(
            session,
            rng,
            catalogue,
            client_id,
            row,
            program,
            today,
            fixed[index] if index < len(fixed) else {},
            history_from,
        )
        for index, (client_id, row, program) in enumerate(zip(ids, rows, programs, strict=True))
    ]


def plan_end(starts: date, today: date) -> date:
    """A year's plan, renewed a year at a time while it would have ended before today."""
    ends = starts + timedelta(days=364)
    while ends < today:
        ends += timedelta(days=365)
    return ends


def _contacts_and_groups(
    session: Session,
    rng: random.Random,
    ids: list[int],
    rows: list[dict],
    programs: list[str],
    group_ids: dict[str, int],
    today: date,
) -> None:
    contacts, memberships = [], []
    for client_id, row, program in zip(ids, rows, programs, strict=True):
        for position in range(rng.choice((1, 1, 2))):
            gender = pick_gender(rng, 0.5)
            contacts.append(
                {
                    "client_id": client_id,
                    "position": position,
                    "name": f"{first_name(rng, gender)} {row['last_name']}",
                    "relationship_to_client": rng.choice(names.RELATIONSHIPS[gender.value]),
                    "phone": names.fictitious_mobile(rng),
                    "email": None,
                }
            )
        age = (today - row["date_of_birth"]).days // 365
        groups = {"Newsletter"} if rng.random() < 0.7 else set()
        if age >= 80:
            groups.add("Over 80s")
        if program == "NDIS":
            groups.add("NDIS participants")
        if row["language"] == "Greek":
            groups.add("Greek community")
        if row["home_suburb"] in (
            "Marrickville",
            "Newtown",
            "Leichhardt",
            "Ashfield",
            "Petersham",
            "Dulwich Hill",
        ):
            groups.add("Inner West")
        memberships += [{"client_id": client_id, "group_id": group_ids[g]} for g in sorted(groups)]
    session.execute(insert(EmergencyContact), contacts)
    if memberships:
        session.execute(insert(client_marketing_group), memberships)


def _package(
    session: Session,
    rng: random.Random,
    catalogue: Catalogue,
    client_id: int,
    row: dict,
    program: str,
    today: date,
    given: dict,
    history_from: date | None = None,
) -> ClientSeed:
    levels, (low_pct, high_pct), care_pct = PACKAGES[program]
    level, yearly = rng.choice(levels)
    starts = today - timedelta(days=rng.randint(90, 300))
    if history_from is not None:
        starts = min(starts, history_from)  # a long history is billed to a package that covers it
    budget = yearly if program != "NDIS" else rng.randrange(4_000_000, 12_000_000, 10_000)
    package = FundingPackage(
        client_id=client_id,
        program_id=catalogue.programs[program],
        reference=f"{program}-{client_id:05d}",
        level=level,
        starts_on=starts,
        ends_on=plan_end(starts, today),
        budget_cents=budget,
        management_type=ManagementType.AGENCY,
        contribution_pct=rng.randint(low_pct, high_pct) if high_pct else 0,
        care_management_pct=care_pct,
    )
    if program == "NDIS":
        split = ((NdisCategory.CORE, 70), (NdisCategory.CAPACITY_BUILDING, 25), (NdisCategory.CAPITAL, 5))
        package.budgets = [PackageBudget(category=c, amount_cents=budget * pct // 100) for c, pct in split]
    session.add(package)
    session.flush()
    choices = given.get("services") or rng.sample(PROGRAM_MIX[program][2], rng.randint(2, 4))
    # Drawn for every client so the generator's sequence stays the same; the standing personas are
    # approved enough for their rostered visits and more (past the approved hours a visit waits for
    # the agency's decision: domain.pricing.over_hours).
    drawn = [rng.choice((150, 200, 300, 400, 600)) for _ in choices]
    approved = [
        ApprovedService(
            package_id=package.id,
            service_id=catalogue.services[code],
            units_per_period=given.get("approved_units") or units,
            period=BudgetPeriod.WEEK,
            rate_cents=None,
        )
        for code, units in zip(choices, drawn, strict=True)
    ]
    session.add_all(approved)
    session.flush()
    seed = ClientSeed(
        client_id,
        f"{row['first_name']} {row['last_name']}",
        row["home_lat"],
        row["home_lon"],
        program,
        package,
        [(a.id, code) for a, code in zip(approved, choices, strict=True)],
    )
    _requirements(session, rng, catalogue, seed, row["language"], given)
    return seed


def _requirements(
    session: Session, rng: random.Random, catalogue: Catalogue, seed: ClientSeed, language: str, given: dict
) -> None:
    """Client and Client-Service levels, and the client's own preferences."""
    rows = []
    if given.get("female_only") or (not given and rng.random() < 0.12):
        seed.female_only = True
        rows.append(
            requirement(
                RequirementLevel.CLIENT,
                client_id=seed.id,
                mandatory=True,
                characteristic_id=catalogue.genders["female"],
            )
        )
    if not given and rng.random() < 0.2:
        code = rng.choice(CLIENT_REQUIREMENT_CHOICES)
        seed.mandatory.add(code)
        rows.append(
            requirement(
                RequirementLevel.CLIENT,
                client_id=seed.id,
                mandatory=True,
                competency_id=catalogue.competencies[code],
            )
        )
    approved_codes = {code for _, code in seed.approved}
    if "personal_care" in approved_codes and (given.get("hoist") or (not given and rng.random() < 0.25)):
        seed.per_service["personal_care"] = {"hoist_transfer"}
        rows.append(
            requirement(
                RequirementLevel.CLIENT_SERVICE,
                client_id=seed.id,
                mandatory=True,
                service_id=catalogue.services["personal_care"],
                competency_id=catalogue.competencies["hoist_transfer"],
            )
        )
    for flag, share in (("non_smoker", 0.45), ("pet_friendly", 0.25)):
        if rng.random() < share:
            rows.append(
                requirement(
                    RequirementLevel.PREFERENCE,
                    client_id=seed.id,
                    mandatory=False,
                    characteristic_id=catalogue.flags[flag],
                    weight=2,
                )
            )
    if language != "English" and (given.get("prefers_language") or rng.random() < 0.6):
        rows.append(
            requirement(
                RequirementLevel.PREFERENCE,
                client_id=seed.id,
                mandatory=False,
                characteristic_id=catalogue.languages[language],
                weight=3,
            )
        )
    if rows:
        session.execute(insert(Requirement), rows)
