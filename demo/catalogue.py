"""The demo agency's catalogue: programs, services and rates, competencies, characteristics, rules."""

from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import insert
from sqlalchemy.orm import Session

from demo import prices
from domain.pricing.rates import RateCard
from domain.vocabulary import (
    CharacteristicKind,
    CompetencyKind,
    NdisCategory,
    NoticeMeasure,
    ProgramKind,
    RequirementLevel,
    ServiceUnit,
)
from storage.models import (
    Agency,
    CancellationRule,
    Characteristic,
    Competency,
    Medal,
    Program,
    Requirement,
    Service,
    ServiceRate,
)

PROGRAMS = (
    ("HCP", "Home Care Package", ProgramKind.HOME_CARE_PACKAGE),
    ("SAH", "Support at Home", ProgramKind.SUPPORT_AT_HOME),
    ("NDIS", "NDIS", ProgramKind.NDIS),
    ("CHSP", "Commonwealth Home Support", ProgramKind.CHSP),
    ("PRIVATE", "Private", ProgramKind.PRIVATE),
)

# code, name, glyph, unit, minutes, cancellation category, NDIS category, base rate (cents/unit), description
SERVICES = (
    (
        "personal_care",
        "Personal care",
        "shower",
        ServiceUnit.HOUR,
        60,
        "support_worker",
        NdisCategory.CORE,
        7423,
        "Help with showering, dressing, grooming and getting ready for the day.",
    ),
    (
        "domestic",
        "Domestic assistance",
        "cleaning_services",
        ServiceUnit.HOUR,
        120,
        "support_worker",
        NdisCategory.CORE,
        6890,
        "Cleaning, washing, ironing and keeping the home safe and tidy.",
    ),
    (
        "social_support",
        "Social support",
        "diversity_3",
        ServiceUnit.HOUR,
        120,
        "support_worker",
        NdisCategory.CORE,
        6890,
        "Company at home or out: a chat, a walk, a coffee, a visit to friends.",
    ),
    (
        "transport",
        "Transport",
        "directions_car",
        ServiceUnit.EACH,
        60,
        "transport",
        NdisCategory.CORE,
        3850,
        "A driver to take you to appointments, shopping or visits, and bring you home.",
    ),
    (
        "nursing",
        "Nursing care",
        "medical_services",
        ServiceUnit.HOUR,
        60,
        "nursing",
        NdisCategory.CORE,
        11240,
        "A registered or enrolled nurse for wound care, medicines, catheters and checks.",
    ),
    (
        "meal_prep",
        "Meal preparation",
        "restaurant",
        ServiceUnit.HOUR,
        60,
        "support_worker",
        NdisCategory.CORE,
        6890,
        "Planning, cooking and serving meals the way you like them.",
    ),
    (
        "gardening",
        "Gardening",
        "yard",
        ServiceUnit.HOUR,
        120,
        "maintenance",
        NdisCategory.CORE,
        6200,
        "Mowing, weeding, pruning and keeping paths clear and safe.",
    ),
    (
        "respite",
        "In-home respite",
        "weekend",
        ServiceUnit.HOUR,
        180,
        "support_worker",
        NdisCategory.CORE,
        7123,
        "A support worker stays with you so your carer can take a break.",
    ),
    (
        "shopping",
        "Shopping assistance",
        "shopping_cart",
        ServiceUnit.HOUR,
        90,
        "support_worker",
        NdisCategory.CORE,
        6890,
        "Shopping with you, or for you from your list.",
    ),
    (
        "medication",
        "Medication prompting",
        "medication",
        ServiceUnit.EACH,
        30,
        "support_worker",
        NdisCategory.CORE,
        3500,
        "A short visit to remind and help you take your medicines on time.",
    ),
    (
        "physio",
        "Physiotherapy",
        "accessibility_new",
        ServiceUnit.HOUR,
        60,
        "allied_health",
        NdisCategory.CAPACITY_BUILDING,
        19399,
        "Exercises and treatment to keep you moving and prevent falls.",
    ),
    (
        "community_access",
        "Community access",
        "park",
        ServiceUnit.HOUR,
        180,
        "support_worker",
        NdisCategory.CAPACITY_BUILDING,
        7123,
        "Getting out to groups, classes, the library, church or the club.",
    ),
    (
        "home_maintenance",
        "Home maintenance",
        "handyman",
        ServiceUnit.HOUR,
        60,
        "maintenance",
        NdisCategory.CAPITAL,
        7500,
        "Small repairs, changing light bulbs, smoke alarms and grab rails.",
    ),
    (
        "overnight",
        "Overnight support",
        "bedtime",
        ServiceUnit.EACH,
        600,
        "support_worker",
        NdisCategory.CORE,
        32000,
        "A support worker stays the night, awake or sleeping over.",
    ),
)


# code, name, kind, glyph, expires
COMPETENCIES = (
    ("police_check", "National police check", CompetencyKind.CLEARANCE, "local_police", True),
    ("ndis_screening", "NDIS worker screening", CompetencyKind.CLEARANCE, "verified_user", True),
    ("wwcc", "Working with Children Check", CompetencyKind.CLEARANCE, "child_care", True),
    ("drivers_licence", "Driver licence", CompetencyKind.CLEARANCE, "badge", True),
    (
        "cert3_individual_support",
        "Cert III Individual Support",
        CompetencyKind.QUALIFICATION,
        "school",
        False,
    ),
    ("cert4_ageing", "Cert IV Ageing Support", CompetencyKind.QUALIFICATION, "school", False),
    ("cert4_disability", "Cert IV Disability", CompetencyKind.QUALIFICATION, "school", False),
    ("first_aid", "First aid", CompetencyKind.QUALIFICATION, "medical_information", True),
    ("cpr", "CPR", CompetencyKind.QUALIFICATION, "monitor_heart", True),
    ("registered_nurse", "Registered nurse (AHPRA)", CompetencyKind.QUALIFICATION, "vaccines", True),
    ("enrolled_nurse", "Enrolled nurse (AHPRA)", CompetencyKind.QUALIFICATION, "vaccines", True),
    ("physiotherapist", "Physiotherapist (AHPRA)", CompetencyKind.QUALIFICATION, "sports_gymnastics", True),
    ("manual_handling", "Manual handling", CompetencyKind.QUALIFICATION, "back_hand", True),
    ("infection_control", "Infection control", CompetencyKind.QUALIFICATION, "sanitizer", True),
    ("food_safety", "Food safety", CompetencyKind.QUALIFICATION, "restaurant_menu", False),
    ("hoist_transfer", "Hoist transfer", CompetencyKind.SKILL, "elevator", True),
    ("medication_assistance", "Medication assistance", CompetencyKind.SKILL, "medication", True),
    ("dementia_care", "Dementia care", CompetencyKind.SKILL, "psychology", False),
    ("palliative_care", "Palliative care", CompetencyKind.SKILL, "spa", False),
    ("peg_feeding", "PEG feeding", CompetencyKind.SKILL, "water_drop", True),
    ("catheter_care", "Catheter care", CompetencyKind.SKILL, "healing", True),
    ("wound_care", "Wound care", CompetencyKind.SKILL, "healing", False),
    ("behaviour_support", "Positive behaviour support", CompetencyKind.SKILL, "self_improvement", False),
    ("autism_support", "Autism support", CompetencyKind.SKILL, "extension", False),
    ("mental_health_first_aid", "Mental health first aid", CompetencyKind.SKILL, "favorite", True),
    ("diabetes_management", "Diabetes management", CompetencyKind.SKILL, "bloodtype", False),
    ("seizure_management", "Epilepsy and seizure management", CompetencyKind.SKILL, "bolt", True),
    ("pressure_care", "Pressure care", CompetencyKind.SKILL, "airline_seat_flat", False),
    ("auslan", "Auslan", CompetencyKind.SKILL, "sign_language", False),
)

LANGUAGES = (
    "English",
    "Greek",
    "Italian",
    "Vietnamese",
    "Mandarin",
    "Cantonese",
    "Arabic",
    "Hindi",
    "Spanish",
    "Korean",
    "Tagalog",
)

FLAGS = (
    ("non_smoker", "Non-smoker", "smoke_free"),
    ("pet_friendly", "Pet-friendly", "pets"),
    ("driver_with_car", "Driver with car", "directions_car"),
    ("lgbti_aware", "LGBTIQ+ inclusive practice", "diversity_1"),
)

AGE_BANDS = (
    ("18_29", "Aged 18–29", 18, 29),
    ("30_44", "Aged 30–44", 30, 44),
    ("45_59", "Aged 45–59", 45, 59),
    ("60_plus", "Aged 60 and over", 60, 120),
)

MEDALS = (
    ("Bronze", 1, "#8c5a2b", "One year with us"),
    ("Silver", 2, "#5f6b73", "Three years with us"),
    ("Gold", 3, "#8a6d00", "Five years with us"),
    ("Platinum", 4, "#3d4f5c", "Ten years with us"),
)

# program code, service category, measure, threshold, short-notice %, no-notice %
CANCELLATION_RULES = (
    ("NDIS", "support_worker", NoticeMeasure.CLEAR_DAYS, 7, 100, 100),
    ("NDIS", None, NoticeMeasure.CLEAR_BUSINESS_DAYS, 2, 100, 100),
    ("SAH", None, NoticeMeasure.BUSINESS_DAYS, 2, 100, 100),
    ("HCP", None, NoticeMeasure.BUSINESS_DAYS, 2, 100, 100),
    ("CHSP", None, NoticeMeasure.HOURS, 24, 50, 100),
    ("PRIVATE", None, NoticeMeasure.HOURS, 48, 50, 100),
)


@dataclass(frozen=True)
class Catalogue:
    """The ids the rest of the generator needs, by code."""

    programs: dict[str, int]
    services: dict[str, int]
    rates: dict[tuple[str, str], RateCard]  # (program code, service code) -> its rates
    competencies: dict[str, int]
    languages: dict[str, int]
    flags: dict[str, int]
    genders: dict[str, int]
    age_bands: dict[str, int]
    medals: dict[str, int]


# The catalogue tables looked up by code or name.
Coded = TypeVar("Coded", Program, Service, Competency, Medal)


def _ids(session: Session, model: type[Coded], key: str = "code") -> dict[str, int]:
    return {getattr(row, key): row.id for row in session.query(model)}


def seed_catalogue(
    session: Session, *, now: datetime, agency_name: str = "Harbourside Community Care"
) -> Catalogue:
    session.add(
        Agency(
            name=agency_name,
            phone="02 9555 0100",
            email="hello@example.com",
            roster_email="roster@example.com",
            website="https://example.com",
            timezone="Australia/Sydney",
            state=prices.DEMO_STATE,
            updated_at=now,
        )
    )
    session.execute(insert(Program), [{"code": c, "name": n, "kind": k} for c, n, k in PROGRAMS])
    session.execute(
        insert(Service),
        [
            {
                "code": code,
                "name": name,
                "glyph": glyph,
                "unit": unit,
                "default_duration_minutes": minutes,
                "category": category,
                "ndis_category": ndis,
                "description": description,
            }
            for code, name, glyph, unit, minutes, category, ndis, _rate, description in SERVICES
        ],
    )
    programs, services = _ids(session, Program), _ids(session, Service)
    rates = {
        (program, code): prices.card(program, unit, rate)
        for code, _name, _glyph, unit, *_, rate, _description in SERVICES
        for program in programs
    }
    session.execute(
        insert(ServiceRate),
        [
            {
                "service_id": services[s],
                "program_id": programs[p],
                "time_band": rate.band,
                "charge_level": rate.level,
                "rate_cents": rate.cents,
            }
            for (p, s), card in rates.items()
            for rate in card.rates
        ],
    )
    session.execute(
        insert(Competency),
        [{"code": c, "name": n, "kind": k, "glyph": g, "expires": e} for c, n, k, g, e in COMPETENCIES],
    )
    characteristics = (
        [
            {"kind": CharacteristicKind.GENDER, "code": g, "name": n, "glyph": "person"}
            for g, n in (
                ("female", "Female worker"),
                ("male", "Male worker"),
                ("non_binary", "Non-binary worker"),
            )
        ]
        + [
            {
                "kind": CharacteristicKind.AGE_BAND,
                "code": c,
                "name": n,
                "glyph": "cake",
                "min_age": lo,
                "max_age": hi,
            }
            for c, n, lo, hi in AGE_BANDS
        ]
        + [
            {
                "kind": CharacteristicKind.LANGUAGE,
                "code": lang,
                "name": f"Speaks {lang}",
                "glyph": "translate",
            }
            for lang in LANGUAGES
        ]
        + [{"kind": CharacteristicKind.FLAG, "code": c, "name": n, "glyph": g} for c, n, g in FLAGS]
    )
    session.execute(insert(Characteristic), [{"min_age": None, "max_age": None} | c for c in characteristics])
    session.execute(
        insert(Medal), [{"name": n, "rank": r, "colour": c, "description": d} for n, r, c, d in MEDALS]
    )
    session.execute(
        insert(CancellationRule),
        [
            {
                "program_id": programs[p],
                "service_category": cat,
                "notice_measure": m,
                "short_notice_threshold": t,
                "short_notice_fee_pct": s,
                "no_notice_fee_pct": n,
            }
            for p, cat, m, t, s, n in CANCELLATION_RULES
        ],
    )
    by_kind: dict[CharacteristicKind, dict[str, int]] = {kind: {} for kind in CharacteristicKind}
    for row in session.query(Characteristic):
        by_kind[row.kind][row.code] = row.id
    catalogue = Catalogue(
        programs=programs,
        services=services,
        rates=rates,
        competencies=_ids(session, Competency),
        languages=by_kind[CharacteristicKind.LANGUAGE],
        flags=by_kind[CharacteristicKind.FLAG],
        genders=by_kind[CharacteristicKind.GENDER],
        age_bands=by_kind[CharacteristicKind.AGE_BAND],
        medals=_ids(session, Medal, "name"),
    )
    _seed_agency_requirements(session, catalogue)
    return catalogue


def requirement(
    level: RequirementLevel,
    *,
    mandatory: bool,
    competency_id: int | None = None,
    characteristic_id: int | None = None,
    program_id: int | None = None,
    client_id: int | None = None,
    service_id: int | None = None,
    booking_id: int | None = None,
    weight: int = 1,
) -> dict:
    """A complete requirement row (bulk inserts need the same keys in every row)."""
    return {
        "level": level,
        "mandatory": mandatory,
        "competency_id": competency_id,
        "characteristic_id": characteristic_id,
        "program_id": program_id,
        "client_id": client_id,
        "service_id": service_id,
        "booking_id": booking_id,
        "weight": weight,
    }


def _seed_agency_requirements(session: Session, catalogue: Catalogue) -> None:
    """Global and Program levels: every worker is police-checked; NDIS needs worker screening."""
    competency, programs = catalogue.competencies, catalogue.programs
    session.execute(
        insert(Requirement),
        [
            requirement(RequirementLevel.GLOBAL, mandatory=True, competency_id=competency["police_check"]),
            requirement(
                RequirementLevel.GLOBAL, mandatory=False, competency_id=competency["first_aid"], weight=2
            ),
            requirement(
                RequirementLevel.PROGRAM,
                mandatory=True,
                program_id=programs["NDIS"],
                competency_id=competency["ndis_screening"],
            ),
            requirement(
                RequirementLevel.PROGRAM,
                mandatory=False,
                program_id=programs["HCP"],
                competency_id=competency["cert3_individual_support"],
                weight=3,
            ),
            requirement(
                RequirementLevel.PROGRAM,
                mandatory=False,
                program_id=programs["SAH"],
                competency_id=competency["cert3_individual_support"],
                weight=3,
            ),
        ],
    )
