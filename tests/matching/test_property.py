"""On random small agencies the engine and the deliberately simple reference checker agree:
the same workers listed, in the same order, with the same cards, and the same reasons for
everyone left out (and the same for a series of weekly visits)."""

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from domain import matching
from domain.matching import Match, ShiftToFill, Wish
from domain.vocabulary import (
    CharacteristicKind,
    ClientWorkerRelation,
    Gender,
    RequirementLevel,
    ShiftStatus,
)
from storage import db
from tests.matching import reference
from tests.matching.builders import HOME, Town, at

DAYS = (date(2026, 12, 7), date(2026, 12, 13), date(2027, 4, 4), date(2027, 10, 3))  # incl. both DST Sundays
LEVELS = (
    RequirementLevel.GLOBAL,
    RequirementLevel.PROGRAM,
    RequirementLevel.CLIENT,
    RequirementLevel.CLIENT_SERVICE,
    RequirementLevel.PREFERENCE,
)
ITEMS = 7  # three competencies, then female, aged 18–29, speaks Greek, non-smoker
minutes = st.integers(0, 95).map(lambda n: n * 15)
place = st.one_of(st.none(), st.tuples(st.floats(-0.3, 0.3), st.floats(-0.3, 0.3)))  # up to ~35 km off
near = st.tuples(st.floats(-0.04, 0.04), st.floats(-0.04, 0.04))

worker = st.fixed_dictionaries(
    {
        "name": st.sampled_from(("Ann", "Bob", "Cy")),
        "home": st.one_of(st.just((0.0, 0.0)), near, near, place),
        "gender": st.sampled_from((Gender.FEMALE, Gender.MALE)),
        "born": st.dates(date(1960, 1, 1), date(2004, 12, 31)),
        "windows": st.one_of(
            st.just([(d, 0, 1425) for d in range(7)]),  # available around the clock
            st.lists(st.tuples(st.integers(0, 6), minutes, minutes), max_size=4),
        ),
        "competencies": st.dictionaries(
            st.integers(0, 2), st.one_of(st.none(), st.integers(-3, 8)), max_size=3
        ),
        "characteristics": st.sets(st.integers(0, 1)),
        "max_hours": st.sampled_from((2, 4, 8, 38, 38)),
        "rating": st.integers(1, 5),
        "relation": st.sampled_from(
            (None, None, ClientWorkerRelation.PREFERRED, ClientWorkerRelation.BLOCKED)
        ),
        "busy": st.lists(
            st.tuples(
                st.integers(0, 300),
                st.integers(1, 16).map(lambda n: n * 15),
                st.sampled_from((ShiftStatus.ALLOCATED, ShiftStatus.OFFERED, ShiftStatus.CANCELLED)),
                place,
            ),
            max_size=3,
        ),
        "busy_from": st.integers(-1800, 600),
        "leave": st.one_of(st.none(), st.tuples(st.integers(-1500, 600), st.integers(1, 2000))),
    }
)
agency = st.fixed_dictionaries(
    {
        "radius": st.sampled_from((5, 15, 25)),
        "speed": st.sampled_from((20, 30, 60)),
        "buffer": st.sampled_from((0, 10, 15)),
        "day": st.sampled_from(DAYS),
        "start": minutes,
        "duration": st.one_of(st.integers(1, 12), st.integers(1, 40)).map(lambda n: n * 15),
        "requirements": st.lists(
            st.tuples(st.sampled_from(LEVELS), st.integers(0, ITEMS - 1), st.booleans(), st.integers(1, 3)),
            max_size=5,
        ),
        "override": st.one_of(
            st.none(),
            st.lists(st.tuples(st.integers(0, ITEMS - 1), st.booleans(), st.integers(1, 3)), max_size=2),
        ),
        "workers": st.lists(worker, min_size=1, max_size=6),
        "ignore_first_busy": st.booleans(),
    }
)


def build(session: Session, plan: dict[str, Any]) -> tuple[Town, ShiftToFill]:
    town = Town(session, radius_km=plan["radius"], speed_kmh=plan["speed"], buffer_minutes=plan["buffer"])
    competencies = [town.competency(name) for name in ("Hoist transfer", "First aid", "Dementia care")]
    characteristics = [
        town.characteristic(CharacteristicKind.GENDER, "female", "Female worker"),
        town.characteristic(CharacteristicKind.AGE_BAND, "18_29", "Aged 18–29", (18, 29)),
        town.characteristic(CharacteristicKind.LANGUAGE, "Greek", "Speaks Greek"),
        town.characteristic(CharacteristicKind.FLAG, "non_smoker", "Non-smoker"),
    ]
    items = [("competency_id", c) for c in competencies] + [("characteristic_id", c) for c in characteristics]
    for level, item, mandatory, weight in plan["requirements"]:
        town.require(level, mandatory=mandatory, weight=weight, **dict([items[item]]))
    starts = at(plan["day"], "00:00") + timedelta(minutes=plan["start"])
    ends = starts + timedelta(minutes=plan["duration"])
    ignore: set[int] = set()
    for person in plan["workers"]:
        ignore |= add_worker(town, person, competencies, characteristics, plan["day"], starts)
    wishes = None
    if plan["override"] is not None:
        wishes = tuple(
            Wish(
                **({"competency_id": None, "characteristic_id": None} | dict([items[item]])),
                mandatory=m,
                weight=w,
            )
            for item, m, w in plan["override"]
        )
    chosen = frozenset(sorted(ignore)[:1]) if plan["ignore_first_busy"] else frozenset()
    return town, town.shift(starts, ends, wishes=wishes, ignore=chosen)


def add_worker(
    town: Town,
    given: dict[str, Any],
    competencies: list[int],
    characteristics: list[int],
    day: date,
    starts: Any,
) -> set[int]:
    home = None if given["home"] is None else (HOME[0] + given["home"][0], HOME[1] + given["home"][1])
    worker_id = town.worker(
        given["name"],
        home=home,
        gender=given["gender"],
        born=given["born"],
        windows=tuple((d, min(a, b), max(a, b) + 15) for d, a, b in given["windows"]),
        competencies={
            competencies[i]: None if days is None else day + timedelta(days=days)
            for i, days in given["competencies"].items()
        },
        characteristics=tuple(characteristics[2 + i] for i in given["characteristics"]),
        max_hours=given["max_hours"],
        rating=given["rating"],
    )
    if given["relation"] is not None:
        town.relate(worker_id, given["relation"])
    busy, moment = set(), starts + timedelta(minutes=given["busy_from"])
    for gap, length, status, where in given["busy"]:
        moment += timedelta(minutes=gap)
        spot = None if where is None else (HOME[0] + where[0], HOME[1] + where[1])
        busy.add(town.busy(worker_id, moment, moment + timedelta(minutes=length), place=spot, status=status))
        moment += timedelta(minutes=length)
    if given["leave"] is not None:
        offset, length = given["leave"]
        town.leave(worker_id, starts + timedelta(minutes=offset), starts + timedelta(minutes=offset + length))
    return busy


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(plan=agency)
def test_the_engine_agrees_with_the_reference_on_random_agencies(empty_db: str, plan: dict[str, Any]) -> None:
    with Session(db.engine(), expire_on_commit=False) as session:
        _town, shift = build(session, plan)
        expected = reference.find_providers_with_reasons(shift, session=session)
        event(f"listed: {min(len(expected.providers), 2)}, left out: {min(len(expected.left_out), 2)}")
        assert matching.find_providers_with_reasons(shift, session=session) == expected
        assert matching.find_providers(shift, session=session) == expected.providers
        for worker_id in [p.worker_id for p in expected.providers] + [
            out.worker_id for out in expected.left_out
        ]:
            assert matching.find_providers_with_reasons(
                shift, session=session, only=[worker_id, -1]
            ) == Match(
                tuple(p for p in expected.providers if p.worker_id == worker_id),
                tuple(out for out in expected.left_out if out.worker_id == worker_id),
            )
        weekly = [
            ShiftToFill(
                **{
                    **shift.__dict__,
                    "starts_at": shift.starts_at + timedelta(weeks=n),
                    "ends_at": shift.ends_at + timedelta(weeks=n),
                }
            )
            for n in range(3)
        ]
        full = matching.find_providers_for_series(weekly, session=session)
        assert full == reference.find_providers_for_series(weekly, session=session)
        assert_filtered_answers_agree(weekly, full, session)
        session.rollback()


def assert_filtered_answers_agree(
    weekly: list[ShiftToFill], full: matching.SeriesMatch, session: Session
) -> None:
    """Without left-out reasons, and for only some workers, the series answer is the full one, filtered."""
    series = matching.find_providers_for_series
    assert series(weekly, session=session, reasons=False) == matching.SeriesMatch(full.providers, ())
    everyone = [p.provider.worker_id for p in full.providers] + [out.worker_id for out in full.left_out]
    for only in ([worker_id] for worker_id in everyone):
        assert series(weekly, session=session, only=only) == filtered(full, set(only))
        assert series(weekly, session=session, only=only, reasons=False) == matching.SeriesMatch(
            filtered(full, set(only)).providers, ()
        )
    assert series(weekly, session=session, only=[*everyone[::2], -1]) == filtered(full, set(everyone[::2]))


def filtered(full: matching.SeriesMatch, ids: set[int]) -> matching.SeriesMatch:
    return matching.SeriesMatch(
        tuple(p for p in full.providers if p.provider.worker_id in ids),
        tuple(out for out in full.left_out if out.worker_id in ids),
    )


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_property_test_finds_listed_and_left_out_workers(empty_db: str) -> None:
    """A fixed plan, to show the comparison above is not vacuous: someone is listed, someone is not."""
    plan = {
        "radius": 25,
        "speed": 30,
        "buffer": 15,
        "day": DAYS[0],
        "start": 540,
        "duration": 120,
        "requirements": [(RequirementLevel.GLOBAL, 1, True, 1)],
        "override": None,
        "ignore_first_busy": False,
        "workers": [
            {
                "name": "Ann",
                "home": (0.0, 0.0),
                "gender": Gender.FEMALE,
                "born": date(1980, 1, 1),
                "windows": [(0, 0, 1425)],
                "competencies": {1: None},
                "characteristics": set(),
                "max_hours": 38,
                "rating": 3,
                "relation": None,
                "busy": [],
                "busy_from": 0,
                "leave": None,
            },
            {
                "name": "Bob",
                "home": (0.0, 0.0),
                "gender": Gender.MALE,
                "born": date(1980, 1, 1),
                "windows": [],
                "competencies": {},
                "characteristics": set(),
                "max_hours": 38,
                "rating": 3,
                "relation": None,
                "busy": [],
                "busy_from": 0,
                "leave": None,
            },
        ],
    }
    with Session(db.engine(), expire_on_commit=False) as session:
        _town, shift = build(session, plan)
        match = matching.find_providers_with_reasons(shift, session=session)
        assert [p.name for p in match.providers] == ["Ann Lee"]
        assert match.left_out[0].reasons == ("missing: First aid", "not available Mon 09:00–11:00")
        assert reference.find_providers_with_reasons(shift, session=session) == match
        session.rollback()
