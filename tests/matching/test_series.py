"""A permanent booking: every occurrence checked, and what each worker cannot do."""

from datetime import date, timedelta

import pytest

from domain import matching
from domain.errors import DomainError
from domain.matching import ShiftToFill
from storage.models.enums import RequirementLevel
from tests.matching import reference
from tests.matching.builders import Town, at

MONDAYS = [date(2026, 12, 7) + timedelta(weeks=n) for n in range(4)]


def weekly(town: Town) -> list[ShiftToFill]:
    return [town.shift(at(day, "09:00"), at(day, "11:00")) for day in MONDAYS]


def series(town: Town, shifts: list[ShiftToFill]) -> matching.SeriesMatch:
    found = matching.find_providers_for_series(shifts, session=town.session)
    assert reference.find_providers_for_series(shifts, session=town.session) == found
    return found


def test_a_worker_who_can_do_some_occurrences_is_listed_with_the_ones_they_cannot(town: Town) -> None:
    ann, bob = town.worker("Ann", rating=3), town.worker("Bob", rating=5)
    town.leave(ann, at(MONDAYS[1], "00:00"), at(MONDAYS[1], "23:00"))
    town.busy(ann, at(MONDAYS[3], "10:00"), at(MONDAYS[3], "12:00"))
    found = series(town, weekly(town))
    assert [p.provider.worker_id for p in found.providers] == [bob, ann]
    assert found.providers[0].cannot_do == ()
    assert found.providers[1].cannot_do == (
        (MONDAYS[1], ("on leave",)),
        (MONDAYS[3], ("clashes with 10:00–12:00 shift",)),
    )


def test_a_competency_expiring_half_way_through_the_series_leaves_the_worker_out(town: Town) -> None:
    first_aid = town.competency("First aid")
    town.require(RequirementLevel.CLIENT, competency_id=first_aid)
    ann = town.worker(competencies={first_aid: MONDAYS[1]})
    found = series(town, weekly(town))
    assert found.providers == ()
    assert found.left_out[0].worker_id == ann
    assert found.left_out[0].reasons == ("missing: First aid (expired 2026-12-14)",)


def test_a_worker_who_can_do_no_occurrence_is_left_out_with_each_dates_reasons(town: Town) -> None:
    ann = town.worker(windows=((1, 0, 1440),))
    found = series(town, weekly(town)[:2])
    assert found.providers == ()
    assert found.left_out[0].worker_id == ann
    assert found.left_out[0].reasons == (
        "2026-12-07: not available Mon 09:00–11:00",
        "2026-12-14: not available Mon 09:00–11:00",
    )


def test_hours_are_counted_in_each_occurrences_own_week(town: Town) -> None:
    ann = town.worker(max_hours=4)
    town.busy(ann, at(MONDAYS[2] + timedelta(days=1), "09:00"), at(MONDAYS[2] + timedelta(days=1), "12:00"))
    found = series(town, weekly(town))
    assert found.providers[0].cannot_do == ((MONDAYS[2], ("3 of 4 h rostered, this shift 2 h",)),)


def test_a_series_must_be_one_bookings_visits(town: Town) -> None:
    shifts = weekly(town)
    other = town.client(-33.87, 151.2)
    mixed = [
        *shifts[:1],
        ShiftToFill(other, town.service_id, town.program_id, shifts[1].starts_at, shifts[1].ends_at),
    ]
    with pytest.raises(DomainError, match="same client"):
        matching.find_providers_for_series(mixed, session=town.session)
    with pytest.raises(DomainError, match="at least one visit"):
        matching.find_providers_for_series([], session=town.session)
