"""Workers in the back office, on both databases (the personas fixture): an administrator or a
roster officer adds a worker and keeps their records; matching sees every change at once; every
bad field is named with what is wrong and nothing is written; other roles are refused."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import func, select

from domain import action
from domain.accounts.access import Actor
from domain.backoffice import workers
from domain.backoffice.workers import CompetencyEntry, WorkerForm
from domain.booking import catalogue, requests
from domain.booking.wanted import Wanted
from domain.errors import InvalidInput, NotAllowed, NotFound
from domain.pricing import quoting
from domain.vocabulary import GeocodeStatus
from storage import db
from storage.models import (
    AuditEvent,
    AvailabilityWindow,
    Competency,
    Leave,
    Worker,
    WorkerCharacteristic,
    WorkerCompetency,
    WorkforceVersion,
)
from tests.support.personas import Personas

NEW_WORKER = WorkerForm(
    staff_number="W9001",
    first_name="Priya",
    last_name="Sharma",
    gender="female",
    date_of_birth="14/2/1990",
    mobile_phone="0412 345 678",
    email="priya@example.com",
    started_on="2026-11-01",
    street="10 Illawarra Road",
    suburb="marrickville",
    state="NSW",
    postcode="2204",
    charge_rate="45.50",
    max_hours_per_week="38",
    rating=4,
)
EVERY_DAY = ["6:00-20:00"] * 7


def competency_id(code: str) -> int:
    with db.read() as session:
        found = session.scalar(select(Competency.id).where(Competency.code == code))
        assert found is not None
        return found


def counts() -> tuple[int, ...]:
    """Every table a worker edit writes, counted: bad input must leave all of them as they were."""
    with db.read() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(table)) or 0
            for table in (
                Worker,
                WorkerCompetency,
                WorkerCharacteristic,
                AvailabilityWindow,
                Leave,
                AuditEvent,
            )
        )


def stamp() -> int:
    with db.read() as session:
        return session.scalar(select(WorkforceVersion.stamp)) or 0


def margaret_monday(personas: Personas) -> Wanted:
    margaret = personas.client
    item = next(i for i in catalogue.catalogue(margaret, margaret.client_id) if i.name == "Personal care")
    return Wanted(margaret.client_id, item.approved_service_id, date(2026, 12, 7), time(9, 0), 60)


def offered(personas: Personas, worker_id: int) -> bool:
    found = requests.providers(personas.client, margaret_monday(personas))
    return worker_id in {p.provider.worker_id for p in found.providers}


def ready_worker(actor: Actor, *, police_until: str = "30/6/2028") -> int:
    worker_id = workers.create(actor, NEW_WORKER)
    workers.set_competencies(
        actor, worker_id, [CompetencyEntry(competency_id("police_check"), True, police_until)]
    )
    workers.set_week(actor, worker_id, EVERY_DAY)
    return worker_id


def test_a_new_worker_is_offered_at_once_and_not_once_their_police_check_expires(personas: Personas) -> None:
    admin = personas.admin
    before = stamp()
    worker_id = ready_worker(admin)
    assert stamp() > before  # the workforce stamp moved: matching reloads
    record = workers.record(admin, worker_id)
    assert record.name == "Priya Sharma"
    assert record.form.suburb == "Marrickville"
    assert record.home_located != GeocodeStatus.NOT_FOUND
    assert record.week == tuple(["6:00-20:00"] * 7)
    assert offered(personas, worker_id)

    police = competency_id("police_check")
    workers.set_competencies(admin, worker_id, [CompetencyEntry(police, True, "26/11/2026")])  # yesterday
    assert not offered(personas, worker_id)
    found = requests.providers(personas.roster, margaret_monday(personas))
    reasons = next(left.reasons for left in found.left_out if left.worker_id == worker_id)
    assert any("National police check" in reason for reason in reasons)

    workers.set_competencies(admin, worker_id, [CompetencyEntry(police, True, "7/12/2026")])  # last valid day
    assert offered(personas, worker_id)


def test_leave_and_an_empty_week_take_the_worker_off_the_list(personas: Personas) -> None:
    roster = personas.roster
    worker_id = ready_worker(roster)
    assert offered(personas, worker_id)
    added = workers.add_leave(
        roster, worker_id, first_day="7/12/2026", last_day="8/12/2026", reason="Holiday"
    )
    assert [(line.first_day, line.last_day, line.reason) for line in added.leave] == [
        (date(2026, 12, 7), date(2026, 12, 8), "Holiday")
    ]
    assert not offered(personas, worker_id)
    workers.remove_leave(roster, worker_id, added.leave[0].leave_id)
    assert offered(personas, worker_id)
    workers.set_week(roster, worker_id, ["", "7:00-12:00, 13:00-15:00", "", "", "", "", ""])
    assert not offered(personas, worker_id)


def test_edits_are_audited(personas: Personas) -> None:
    admin = personas.admin
    worker_id = ready_worker(admin)
    workers.update(admin, worker_id, replace(NEW_WORKER, max_hours_per_week="20", medal_id=None))
    with db.read() as session:
        trail = list(
            session.execute(
                select(AuditEvent.account_id, AuditEvent.action, AuditEvent.detail).where(
                    AuditEvent.entity == "worker", AuditEvent.entity_id == worker_id
                )
            )
        )
    assert [(a, what) for a, what, _ in trail] == [
        (admin.account_id, w) for w in ("create", "update", "update", "update")
    ]
    assert "max_hours_per_week" in trail[-1][2]


def test_the_list_finds_by_name_staff_number_and_suburb_and_lists_who_expires_soon(
    personas: Personas,
) -> None:
    admin = personas.admin
    worker_id = ready_worker(admin, police_until="20/12/2026")
    for search in ("priya", "W9001", "Marrick sharma"):
        assert worker_id in {line.worker_id for line in workers.find(admin, search)}
    assert workers.find(admin, "nobody-by-this-name") == []
    soon = [line for line in workers.expiring(admin) if line.worker_id == worker_id]
    assert [(line.competency, line.expires_on) for line in soon] == [
        ("National police check", date(2026, 12, 20))
    ]


def test_an_address_that_cannot_be_placed_is_saved_and_flagged(personas: Personas) -> None:
    admin = personas.admin
    worker_id = workers.create(
        admin, replace(NEW_WORKER, street="1 Nowhere Lane", suburb="Zzyzx", state="NT", postcode="0999")
    )
    record = workers.record(admin, worker_id)
    assert record.home_located == GeocodeStatus.NOT_FOUND
    assert any(line.unplaced for line in workers.find(admin, "Sharma"))


BAD_DETAILS = [
    ("first_name", "   ", "Please enter the first name."),
    ("staff_number", "", "Please enter the staff number."),
    ("gender", "robot", "Please choose a gender"),
    ("date_of_birth", "31/2/1990", "is not a date on the calendar"),
    ("date_of_birth", "yesterday", "is not a date"),
    ("date_of_birth", "1/1/2020", "at least 15 years old"),
    ("started_on", "", "Please enter the day they started"),
    ("mobile_phone", "12345", "is not"),
    ("email", "priya@", "is not an e-mail address"),
    ("state", "XYZ", "Please choose a state"),
    ("postcode", "3000", "is not in NSW"),
    ("postcode", "20a4", "is not a postcode"),
    ("charge_rate", "-5", "from 0 to"),
    ("charge_rate", "45.555", "to the cent"),
    ("charge_rate", "lots", "in dollars"),
    ("charge_level", "4", "Please choose the charge level"),
    ("charge_level", "two", "Please choose the charge level"),
    ("max_hours_per_week", "81", "from 0 to 80"),
    ("max_hours_per_week", "7.5", "whole number"),
    ("rating", 6, "from 1 to 5"),
    ("street", "x" * 201, "at most 200 characters"),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_DETAILS)
def test_bad_details_are_named_at_their_field_and_write_nothing(
    personas: Personas, field: str, value: object, message: str
) -> None:
    admin = personas.admin
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        workers.create(admin, replace(NEW_WORKER, **{field: value}))
    assert message in refused.value.fields[field]
    assert counts() == before
    worker_id = workers.create(admin, NEW_WORKER)
    kept = workers.record(admin, worker_id)
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        workers.update(admin, worker_id, replace(NEW_WORKER, **{field: value}))
    assert message in refused.value.fields[field]
    assert counts() == before
    assert workers.record(admin, worker_id) == kept


def test_every_bad_field_is_named_at_once(personas: Personas) -> None:
    with pytest.raises(InvalidInput) as refused:
        workers.create(personas.admin, WorkerForm())
    assert {
        "first_name",
        "last_name",
        "staff_number",
        "gender",
        "date_of_birth",
        "started_on",
        "street",
    } <= set(refused.value.fields)


def test_a_staff_number_is_the_workers_own(personas: Personas) -> None:
    admin = personas.admin
    workers.create(admin, NEW_WORKER)
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        workers.create(admin, replace(NEW_WORKER, staff_number="w9001", first_name="Other"))
    assert refused.value.fields == {"staff_number": "Staff number w9001 is already taken."}
    assert counts() == before


@pytest.mark.parametrize(
    ("week", "field", "message"),
    [
        (["9:00-"] + [""] * 6, "day_0", "is not a span of time"),
        (["", "17:00-9:00"] + [""] * 5, "day_1", "ends before it starts"),
        (["", "", "8:00-12:00, 11:00-14:00"] + [""] * 4, "day_2", "overlap"),
        ([""] * 6 + ["25:00-26:00"], "day_6", "is not a time of day"),
        ([""] * 3 + ["9:75-10:00"] + [""] * 3, "day_3", "is not a time of day"),
    ],
)
def test_bad_availability_is_named_by_day_and_writes_nothing(
    personas: Personas, week: list[str], field: str, message: str
) -> None:
    admin = personas.admin
    worker_id = ready_worker(admin)
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        workers.set_week(admin, worker_id, week)
    assert message in refused.value.fields[field]
    assert counts() == before
    assert workers.record(admin, worker_id).week == tuple(EVERY_DAY)


def test_bad_competencies_and_leave_write_nothing(personas: Personas) -> None:
    admin = personas.admin
    worker_id = ready_worker(admin)
    police = competency_id("police_check")
    before, kept = counts(), workers.record(admin, worker_id)
    with pytest.raises(InvalidInput) as refused:
        workers.set_competencies(admin, worker_id, [CompetencyEntry(police, True, "30/13/2027")])
    assert "is not a date" in refused.value.fields[f"competency_{police}"]
    with pytest.raises(InvalidInput) as refused:
        workers.set_competencies(admin, worker_id, [CompetencyEntry(police, True, "")])
    assert "please enter the last day it is valid" in refused.value.fields[f"competency_{police}"]
    with pytest.raises(InvalidInput) as refused:
        workers.add_leave(admin, worker_id, first_day="9/12/2026", last_day="8/12/2026", reason="")
    assert refused.value.fields == {"leave_last": "The last day of leave is before the first."}
    with pytest.raises(InvalidInput) as refused:
        workers.add_leave(admin, worker_id, first_day="", last_day="someday", reason="")
    assert set(refused.value.fields) == {"leave_first", "leave_last"}
    with pytest.raises(InvalidInput) as refused:
        workers.add_leave(admin, worker_id, first_day="1/1/2026", last_day="2/1/2026", reason="")
    assert refused.value.fields == {"leave_last": "That leave is over already."}
    assert counts() == before
    assert workers.record(admin, worker_id) == kept


def test_only_administrators_and_roster_staff_may_see_or_change_workers(personas: Personas) -> None:
    worker_id = ready_worker(personas.admin)
    before = counts()
    attempts: list[Callable[[Actor], object]] = [
        workers.find,
        workers.expiring,
        workers.choices,
        lambda who: workers.record(who, worker_id),
        lambda who: workers.create(who, replace(NEW_WORKER, staff_number="W9002")),
        lambda who: workers.update(who, worker_id, NEW_WORKER),
        lambda who: workers.set_week(who, worker_id, [""] * 7),
        lambda who: workers.set_competencies(who, worker_id, []),
        lambda who: workers.set_characteristics(who, worker_id, []),
        lambda who: workers.add_leave(who, worker_id, first_day="7/12/2026", last_day="7/12/2026", reason=""),
    ]
    for outsider in (personas.client, personas.carer, personas.worker, personas.case_manager):
        for attempt in attempts:
            with pytest.raises(NotAllowed):
                attempt(outsider)
    assert counts() == before
    with pytest.raises(NotFound):
        workers.record(personas.admin, 10**9)


def test_the_charge_level_on_the_form_is_the_one_pricing_reads(personas: Personas) -> None:
    """One source of truth: the form edits `Worker.charge_level`, which the visit's price is read from."""
    admin = personas.admin
    worker_id = workers.create(admin, replace(NEW_WORKER, charge_level="2"))
    assert workers.record(admin, worker_id).form.charge_level == 2
    with action.reading(admin) as act:
        assert quoting.worker_levels(act, [worker_id]) == {worker_id: 2}
    before = stamp()
    workers.update(admin, worker_id, replace(NEW_WORKER, charge_level=""))
    assert stamp() > before  # matching and pricing see the change at once
    with action.reading(admin) as act:
        assert quoting.worker_levels(act, [worker_id]) == {worker_id: None}
    assert workers.record(admin, worker_id).form.charge_level == 0
