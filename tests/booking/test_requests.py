"""Checking and placing a booking request without a nominated worker, on SQLite and PostgreSQL:
lead time, how far ahead, who may book what, bad input, "let the agency choose", and a weekly
series that keeps its local start time across daylight-saving changes."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import text as db_text

from domain import clock
from domain.agency import settings as agency
from domain.booking import requests
from domain.cancellation.rules import LeadTimeTooShort
from domain.errors import InvalidInput, NotAllowed
from domain.vocabulary import BookingStatus, Recurrence, RequirementLevel, ShiftStatus
from storage import db
from storage.models import Requirement
from tests.support.personas import Personas

from .support import booking, counts, not_approved_for, outbox, shifts_of, wanted

SYDNEY_NOW = datetime(2026, 11, 27, 11, 0)  # DEMO_NOW on the agency's clock


def starting_in(minutes: int) -> tuple[date, time]:
    moment = SYDNEY_NOW + timedelta(minutes=minutes)
    return moment.date(), moment.time()


def test_a_request_with_one_minute_less_than_the_lead_time_is_refused_with_the_agencys_phone(
    personas: Personas,
) -> None:
    lead = agency.current().booking_lead_minutes
    day, start = starting_in(lead - 1)
    before = counts()
    with pytest.raises(LeadTimeTooShort) as refused:
        requests.let_agency_choose(
            personas.client, wanted(personas.client.client_id, first_date=day, start=start)
        )
    assert agency.current().phone in refused.value.message
    assert "notice" in refused.value.message
    assert counts() == before


@pytest.mark.parametrize("extra", [0, 1])
def test_a_request_with_the_lead_time_or_one_minute_more_is_booked(personas: Personas, extra: int) -> None:
    day, start = starting_in(agency.current().booking_lead_minutes + extra)
    request = wanted(personas.client.client_id, first_date=day, start=start)
    [visit] = requests.check(personas.client, request)
    assert visit.starts_at == clock.now() + timedelta(minutes=agency.current().booking_lead_minutes + extra)
    booked = requests.let_agency_choose(personas.client, request)
    assert booked.status == BookingStatus.REQUESTED


def test_roster_staff_booking_for_a_caller_are_not_held_to_the_lead_time(personas: Personas) -> None:
    day, start = starting_in(60)
    booked = requests.let_agency_choose(
        personas.roster, wanted(personas.client.client_id, first_date=day, start=start)
    )
    assert booked.shift_count == 1


def test_a_request_further_ahead_than_the_agency_allows_is_refused(personas: Personas) -> None:
    latest = SYDNEY_NOW.date() + timedelta(days=agency.current().booking_horizon_days)
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        requests.check(
            personas.client, wanted(personas.client.client_id, first_date=latest + timedelta(days=1))
        )
    assert "first_date" in refused.value.fields
    assert counts() == before
    assert len(requests.check(personas.client, wanted(personas.client.client_id, first_date=latest))) == 1


def test_a_client_cannot_book_a_service_they_are_not_approved_for(personas: Personas) -> None:
    someone_elses = not_approved_for(personas.client.client_id)
    before = counts()
    request = wanted(personas.client.client_id, approved_service_id=someone_elses)
    with pytest.raises(NotAllowed):
        requests.check(personas.client, request)
    with pytest.raises(NotAllowed):
        requests.let_agency_choose(personas.client, request)
    assert counts() == before


def test_nobody_books_for_a_client_they_do_not_act_for(personas: Personas) -> None:
    margarets = wanted(personas.client.client_id)
    before = counts()
    for outsider in (personas.other_client, personas.carer, personas.worker):
        with pytest.raises(NotAllowed):
            requests.let_agency_choose(outsider, margarets)
    assert counts() == before


def test_a_carer_books_for_the_client_they_care_for(personas: Personas) -> None:
    cared_for = personas.carer.client_ids[0]
    booked = requests.let_agency_choose(personas.carer, wanted(cared_for))
    assert booking(booked.booking_id).client_id == cared_for


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"minutes": 10}, "duration_minutes"),
        ({"minutes": 24 * 60 + 15}, "duration_minutes"),
        ({"recurrence": Recurrence.WEEKLY, "ends_on": date(2026, 12, 1)}, "ends_on"),
        ({"notes": "x" * 2001}, "notes"),
    ],
)
def test_bad_input_gets_a_clear_message_and_changes_nothing(
    personas: Personas, changes: dict, field: str
) -> None:
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        requests.let_agency_choose(personas.client, wanted(personas.client.client_id, **changes))
    assert field in refused.value.fields
    assert refused.value.fields[field]
    assert counts() == before


def test_letting_the_agency_choose_leaves_the_visits_unallocated_and_emails_the_roster(
    personas: Personas,
) -> None:
    request = wanted(personas.client.client_id, recurrence=Recurrence.WEEKLY, notes="Side door, please")
    booked = requests.let_agency_choose(personas.client, request)
    made = shifts_of(booked.booking_id)
    weeks = agency.current().shift_horizon_weeks
    assert booked.number.startswith("BK")
    assert booked.shift_count == len(made) == weeks  # Wednesdays from 2 Dec up to 8 weeks from today
    assert {(s.status, s.worker_id) for s in made} == {(ShiftStatus.UNALLOCATED, None)}
    assert {s.notes for s in made} == {"Side door, please"}
    assert booking(booked.booking_id).status == BookingStatus.REQUESTED
    [email] = outbox("booking_requested_roster")
    assert email.to_address == agency.current().roster_email
    assert booked.number in email.subject


def test_booking_numbers_are_readable_and_unique(personas: Personas) -> None:
    numbers = {
        requests.let_agency_choose(personas.client, wanted(personas.client.client_id)).number
        for _ in range(3)
    }
    assert len(numbers) == 3
    assert all(n.startswith("BK") and n[2:].isdigit() for n in numbers)


def test_preferences_changed_for_this_booking_only_are_kept_with_the_booking(personas: Personas) -> None:
    from domain import matching

    with db.read() as session:
        defaults = session.query(Requirement).filter_by(level=RequirementLevel.PREFERENCE).count()
        competency_id = session.execute(db_text("SELECT id FROM competency ORDER BY id LIMIT 1")).scalar_one()
    wish = matching.Wish(competency_id=competency_id, characteristic_id=None, mandatory=True, weight=1)
    booked = requests.let_agency_choose(personas.client, wanted(personas.client.client_id, wishes=(wish,)))
    assert booking(booked.booking_id).uses_own_preferences
    with db.read() as session:
        own = session.query(Requirement).filter_by(booking_id=booked.booking_id).all()
        assert session.query(Requirement).filter_by(level=RequirementLevel.PREFERENCE).count() == defaults
    assert [(r.level, r.competency_id, r.mandatory) for r in own] == [
        (RequirementLevel.BOOKING, competency_id, True)
    ]


def test_a_weekly_booking_keeps_its_local_start_across_the_april_change(personas: Personas) -> None:
    clock.freeze(datetime(2027, 3, 1, tzinfo=UTC))
    request = wanted(
        personas.client.client_id,
        first_date=date(2027, 3, 17),
        start=time(9, 30),
        recurrence=Recurrence.WEEKLY,
    )
    booked = requests.let_agency_choose(personas.client, request)
    local = [s.starts_at.astimezone(agency.current().zone) for s in shifts_of(booked.booking_id)]
    assert local[0].date() == date(2027, 3, 17)
    assert local[-1].date() >= date(2027, 4, 21)  # well past 4 April
    assert {moment.time() for moment in local} == {time(9, 30)}
    assert booked.time_notes == ()


def test_a_weekly_sunday_booking_at_half_past_two_across_both_changes_says_what_happened(
    personas: Personas,
) -> None:
    clock.freeze(datetime(2027, 3, 20, tzinfo=UTC))
    april = requests.check(
        personas.roster,
        wanted(
            personas.client.client_id,
            first_date=date(2027, 3, 28),
            start=time(2, 30),
            recurrence=Recurrence.WEEKLY,
        ),
    )
    ambiguous = next(v for v in april if v.local_date == date(2027, 4, 4))
    assert ambiguous.starts_at == datetime(2027, 4, 3, 15, 30, tzinfo=UTC)
    assert ambiguous.time_note is not None
    clock.freeze(datetime(2027, 9, 20, tzinfo=UTC))
    october = requests.let_agency_choose(
        personas.roster,
        wanted(
            personas.client.client_id,
            first_date=date(2027, 9, 26),
            start=time(2, 30),
            recurrence=Recurrence.WEEKLY,
        ),
    )
    moved = next(s for s in shifts_of(october.booking_id) if s.occurrence_date == date(2027, 10, 3))
    assert moved.starts_at.astimezone(agency.current().zone).time() == time(3, 30)
    assert moved.ends_at - moved.starts_at == timedelta(minutes=60)
    assert moved.time_note in october.time_notes


def test_nobody_books_a_visit_that_has_already_started(personas: Personas) -> None:
    day, start = starting_in(-30)
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        requests.let_agency_choose(
            personas.roster, wanted(personas.client.client_id, first_date=day, start=start)
        )
    assert "future" in refused.value.fields["first_date"]
    assert counts() == before
