"""The demo agency: its people with known logins (listed in the README) among generated ones."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from adapters import geocoding
from domain.vocabulary import CarerAccess, Gender, Role
from storage.models import Account, CarerLink, Client, ShiftQuery

from . import news
from .agency import AgencySpec, GeneratedAgency, generate, raise_query

DEMO_PASSWORD = "care-portal-demo"
DEMO_CASE_MANAGER = "chris@example.com"  # the README's case manager looks after every persona client
# Each persona client is approved 20 hours (or visits) a week of each service: more than the demo
# rosters, so a visit they book is offered as usual; past it, a visit would wait for the agency.
PERSONA_UNITS = 2_000


def _place(name: str) -> geocoding.Suburb:
    return next(s for s in geocoding.suburbs() if s.name == name)


STAFF = (
    {"email": "admin@example.com", "name": "Alex Morgan", "role": Role.ADMIN, "password": DEMO_PASSWORD},
    {"email": "rosa@example.com", "name": "Rosa Martinez", "role": Role.ROSTER, "password": DEMO_PASSWORD},
    {
        "email": "chris@example.com",
        "name": "Chris Taylor",
        "role": Role.CASE_MANAGER,
        "password": DEMO_PASSWORD,
    },
    {"email": "priya@example.com", "name": "Priya Sharma", "role": Role.CASE_MANAGER},
    {"email": "tom@example.com", "name": "Tom O'Brien", "role": Role.CASE_MANAGER},
)
CARE_SKILLS = (
    "police_check",
    "ndis_screening",
    "cert3_individual_support",
    "first_aid",
    "cpr",
    "manual_handling",
    "infection_control",
)
# Loose seed records, read by key as generate() reads every fixed person (AgencySpec).
WORKERS: tuple[dict[str, Any], ...] = (
    {
        "first_name": "Aisha",
        "last_name": "Rahman",
        "gender": Gender.FEMALE,
        "place": "Marrickville",
        "email": "aisha@example.com",
        "login": "aisha@example.com",
        "password": DEMO_PASSWORD,
        "pattern": ((0, 1, 2, 3, 4, 5), 7 * 60, 18 * 60),
        "languages": ("Hindi",),
        "flags": ("non_smoker", "pet_friendly", "driver_with_car"),
        "competencies": (*CARE_SKILLS, "dementia_care", "medication_assistance", "hoist_transfer"),
        "bio": "Aisha loves a chat and a cup of tea, and has cared for people living with dementia for "
        "eight years.",
    },
    {
        "first_name": "Ben",
        "last_name": "Carter",
        "gender": Gender.MALE,
        "place": "Newtown",
        "email": "ben@example.com",
        "login": "ben@example.com",
        "password": DEMO_PASSWORD,
        "pattern": ((0, 1, 2, 3, 4), 7 * 60, 15 * 60),
        "flags": ("driver_with_car",),
        "competencies": CARE_SKILLS,
        "bio": "Ben drives clients to appointments all over the Inner West and is handy around the garden.",
    },
)
CLIENTS: tuple[dict[str, Any], ...] = (
    {
        "first_name": "Margaret",
        "last_name": "Wilson",
        "gender": Gender.FEMALE,
        "program": "HCP",
        "place": "Marrickville",
        "language": "English",
        "email": "margaret@example.com",
        "login": "margaret@example.com",
        "password": DEMO_PASSWORD,
        "services": ["personal_care", "domestic", "social_support", "transport"],
        "approved_units": PERSONA_UNITS,
    },
    {
        "first_name": "George",
        "last_name": "Papadopoulos",
        "gender": Gender.MALE,
        "program": "SAH",
        "place": "Earlwood",
        "language": "Greek",
        "prefers_language": True,
        "email": "george@example.com",
        "login": "george@example.com",
        "password": DEMO_PASSWORD,
        "services": ["domestic", "social_support", "transport"],
        "approved_units": PERSONA_UNITS,
    },
    {
        "first_name": "Thanh",
        "last_name": "Nguyễn",
        "gender": Gender.MALE,
        "program": "SAH",
        "place": "Cabramatta",
        "language": "Vietnamese",
        "services": ["personal_care", "social_support", "medication"],
        "approved_units": PERSONA_UNITS,
    },
    {
        "first_name": "Bích",
        "last_name": "Nguyễn",
        "gender": Gender.FEMALE,
        "program": "HCP",
        "place": "Cabramatta",
        "language": "Vietnamese",
        "female_only": True,
        "services": ["personal_care", "domestic", "meal_prep"],
        "approved_units": PERSONA_UNITS,
    },
    {
        "first_name": "Zoe",
        "preferred_name": "Ζωή",
        "last_name": "Alexiou",
        "gender": Gender.FEMALE,
        "program": "NDIS",
        "place": "Kogarah",
        "language": "Greek",
        "hoist": True,
        "services": ["personal_care", "community_access", "respite"],
        "approved_units": PERSONA_UNITS,
    },
)


@dataclass(frozen=True)
class DemoCarer:
    email: str
    name: str
    clients: tuple[int, ...]  # indexes into CLIENTS
    relationship: str


CARER = DemoCarer("daniel@example.com", "Daniel Nguyen", clients=(2, 3), relationship="Son")
# Carers the agency limits (docs/carer-access.md): what each may do for their one client.
LIMITED_CARERS = (
    (
        DemoCarer("sophie@example.com", "Sophie Wilson", clients=(0,), relationship="Daughter"),
        CarerAccess.VIEW,
        False,
    ),
    (
        DemoCarer("nick@example.com", "Nick Papadopoulos", clients=(1,), relationship="Son"),
        CarerAccess.BOOK,
        True,
    ),
)


@dataclass(frozen=True)
class DemoLogin:
    role: str
    email: str
    who: str


DEMO_LOGINS = (
    DemoLogin("Client", "margaret@example.com", "Margaret Wilson (Home Care Package)"),
    DemoLogin("Client", "george@example.com", "George Papadopoulos (Support at Home)"),
    DemoLogin("Carer of two clients", "daniel@example.com", "Daniel Nguyen, son of Thanh and Bích Nguyễn"),
    DemoLogin(
        "Carer, view only", "sophie@example.com", "Sophie Wilson, daughter of Margaret Wilson (no statements)"
    ),
    DemoLogin(
        "Carer, book and cancel", "nick@example.com", "Nick Papadopoulos, son of George (with statements)"
    ),
    DemoLogin("Support worker", "aisha@example.com", "Aisha Rahman"),
    DemoLogin("Support worker", "ben@example.com", "Ben Carter"),
    DemoLogin("Roster officer", "rosa@example.com", "Rosa Martinez"),
    DemoLogin("Case manager", "chris@example.com", "Chris Taylor"),
    DemoLogin("Administrator", "admin@example.com", "Alex Morgan"),
)

DEMO_SPEC = AgencySpec(
    staff=STAFF,
    fixed_workers=tuple(w | {"place": _place(w["place"])} for w in WORKERS),
    fixed_clients=tuple(c | {"place": _place(c["place"])} for c in CLIENTS),
    preferred={0: 0, 1: 1},
)


def seed_demo(session: Session, *, now: datetime, hash_password: Callable[[str], str]) -> GeneratedAgency:
    agency = generate(session, DEMO_SPEC, now=now, hash_password=hash_password)
    _persona_clients_to_the_demo_case_manager(session, agency)
    carer = _carer(session, agency, hash_password, now, CARER)
    for limited, level, statements in LIMITED_CARERS:
        agency.accounts[limited.email] = _carer(
            session, agency, hash_password, now, limited, level, statements
        )
    margaret = agency.accounts["margaret@example.com"]
    shift_id = raise_query(
        session,
        agency.clients[0].id,
        "The worker left about 20 minutes early. Could you check the hours before I approve?",
        now,
    )
    if shift_id is not None:
        session.query(ShiftQuery).filter(ShiftQuery.shift_id == shift_id).update(
            {"raised_by_account_id": margaret}
        )
    agency.accounts[CARER.email] = carer
    news.seed_news(session, now=now, admin_email="admin@example.com", named_client_id=agency.clients[0].id)
    return agency


def _persona_clients_to_the_demo_case_manager(session: Session, agency: GeneratedAgency) -> None:
    """The persona clients' queries go to a case manager who can sign in and answer them (the other
    generated clients keep their randomly drawn case managers)."""
    persona_ids = [client.id for client in agency.clients[: len(CLIENTS)]]
    session.execute(
        update(Client)
        .where(Client.id.in_(persona_ids))
        # updated_at kept as seeded: the same spec and day must give the same agency, to the row
        .values(case_manager_account_id=agency.accounts[DEMO_CASE_MANAGER], updated_at=Client.updated_at)
    )


def _carer(
    session: Session,
    agency: GeneratedAgency,
    hash_password: Callable[[str], str],
    now: datetime,
    carer: DemoCarer,
    level: CarerAccess = CarerAccess.APPROVE,
    statements: bool = True,
) -> int:
    account = Account(
        created_at=now,
        email=carer.email,
        display_name=carer.name,
        role=Role.CARER,
        password_hash=hash_password(DEMO_PASSWORD),
    )
    session.add(account)
    session.flush()
    session.add_all(
        CarerLink(
            account_id=account.id,
            client_id=agency.clients[i].id,
            relationship_to_client=carer.relationship,
            access_level=level,
            receives_statements=statements,
        )
        for i in carer.clients
    )
    return account.id
