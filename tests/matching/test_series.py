"""A permanent booking: every occurrence checked, and what each worker cannot do."""

from datetime import date, timedelta

import pytest

from domain import matching
from domain.errors import DomainError
from domain.matching import ShiftToFill
from domain.vocabulary import ClientWorkerRelation, RequirementLevel
from tests.matching import reference
from tests.matching.builders import Town, at, north

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


def mixed_agency(town: Town) -> list[int]:
    """Listed, listed with occurrences they cannot do, far away, without windows, over their hours,
    blocked, missing a competency: every way in and out of a series."""
    first_aid = town.competency("First aid")
    town.require(RequirementLevel.CLIENT, competency_id=first_aid)
    held = {first_aid: None}
    ann = town.worker("Ann", competencies=held, rating=5)
    bob = town.worker("Bob", competencies=held)
    town.leave(bob, at(MONDAYS[1], "00:00"), at(MONDAYS[1], "23:00"))
    town.busy(bob, at(MONDAYS[2], "10:00"), at(MONDAYS[2], "12:00"))
    cat = town.worker("Cat", competencies=held, home=north(60))
    town.busy(cat, at(MONDAYS[3], "07:00"), at(MONDAYS[3], "08:00"))  # near the client that morning
    dan = town.worker("Dan", competencies=held, windows=((1, 0, 1440),))
    eve = town.worker("Eve", competencies=held, max_hours=1)
    fay = town.worker("Fay", competencies=held)
    town.relate(fay, ClientWorkerRelation.BLOCKED)
    gus = town.worker("Gus")
    return [ann, bob, cat, dan, eve, fay, gus]


def test_without_reasons_the_series_answer_is_the_full_one_without_left_out(town: Town) -> None:
    mixed_agency(town)
    shifts = weekly(town)
    full = series(town, shifts)
    assert len(full.providers) == 3  # not vacuous
    assert len(full.left_out) == 4
    quick = matching.find_providers_for_series(shifts, session=town.session, reasons=False)
    assert quick == matching.SeriesMatch(full.providers, ())


def test_only_the_given_workers_are_answered_as_the_full_search_answers_them(town: Town) -> None:
    everyone = mixed_agency(town)
    shifts = weekly(town)
    full = series(town, shifts)
    for chosen in ([worker_id] for worker_id in everyone):
        found = matching.find_providers_for_series(shifts, session=town.session, only=chosen)
        assert found == matching.SeriesMatch(
            tuple(p for p in full.providers if p.provider.worker_id in chosen),
            tuple(out for out in full.left_out if out.worker_id in chosen),
        )
        assert len(found.providers) + len(found.left_out) == 1
    pair = [everyone[1], everyone[3], -1]  # an id nobody has is no one
    some = matching.find_providers_for_series(shifts, session=town.session, only=pair)
    assert [p.provider.worker_id for p in some.providers] == [everyone[1]]
    assert [out.worker_id for out in some.left_out] == [everyone[3]]


def test_a_worker_far_from_home_is_listed_for_the_occurrence_after_a_shift_nearby(town: Town) -> None:
    cat = mixed_agency(town)[2]
    found = matching.find_providers_for_series(weekly(town), session=town.session, reasons=False, only=[cat])
    assert [p.provider.worker_id for p in found.providers] == [cat]
    assert [day for day, _reasons in found.providers[0].cannot_do] == MONDAYS[:3]
