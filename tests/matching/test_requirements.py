"""Requirements: competencies valid on the day, characteristics, mandatory over desirable, blocked workers."""

from datetime import date
from typing import Any

from domain.matching import ShiftToFill, Wish
from domain.vocabulary import CharacteristicKind, ClientWorkerRelation, Gender, RequirementLevel
from tests.matching.builders import Town, at
from tests.matching.conftest import listed, reasons, search

MONDAY = date(2026, 12, 7)


def morning(town: Town, **kwargs: Any) -> ShiftToFill:
    return town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"), **kwargs)


def test_competency_that_expired_the_day_before_the_shift_leaves_the_worker_out(town: Town) -> None:
    hoist = town.competency("Hoist transfer")
    town.require(RequirementLevel.CLIENT, competency_id=hoist)
    ann = town.worker(competencies={hoist: date(2026, 12, 6)})
    assert reasons(town, morning(town), ann) == ("missing: Hoist transfer (expired 2026-12-06)",)


def test_competency_that_expires_on_the_shift_day_still_counts(town: Town) -> None:
    hoist = town.competency("Hoist transfer")
    town.require(RequirementLevel.CLIENT, competency_id=hoist)
    ann = town.worker(competencies={hoist: MONDAY})
    assert listed(town, morning(town)) == [ann]


def test_every_missing_competency_is_named(town: Town) -> None:
    hoist, police = town.competency("Hoist transfer"), town.competency("Police check")
    town.require(competency_id=police)
    town.require(RequirementLevel.CLIENT_SERVICE, competency_id=hoist)
    ann = town.worker()
    assert reasons(town, morning(town), ann) == ("missing: Hoist transfer", "missing: Police check")


def test_mandatory_wins_over_desirable_for_the_same_item(town: Town) -> None:
    first_aid = town.competency("First aid")
    town.require(competency_id=first_aid, mandatory=False, weight=3)
    town.require(RequirementLevel.CLIENT, competency_id=first_aid, mandatory=True)
    holder, other = town.worker("Holly", competencies={first_aid: None}), town.worker("Olga")
    match = search(town, morning(town))
    assert [p.worker_id for p in match.providers] == [holder]
    assert (match.providers[0].desirables_met, match.providers[0].desirables_total) == (0, 0)
    assert match.left_out[0].worker_id == other
    assert match.left_out[0].reasons == ("missing: First aid",)


def test_desirables_rank_by_weight_then_distance(town: Town) -> None:
    dementia, pets = town.competency("Dementia care"), town.competency("Pet care")
    town.require(competency_id=dementia, mandatory=False, weight=3)
    town.require(RequirementLevel.PREFERENCE, competency_id=pets, mandatory=False, weight=1)
    both = town.worker("Bea", home=(-33.80, 151.2093), competencies={dementia: None, pets: None})
    heavy = town.worker("Hana", competencies={dementia: None})
    light = town.worker("Lou", competencies={pets: None})
    none = town.worker("Nel")
    providers = search(town, morning(town)).providers
    assert [p.worker_id for p in providers] == [both, heavy, light, none]
    assert [(p.desirables_met, p.desirables_total) for p in providers] == [(4, 4), (3, 4), (1, 4), (0, 4)]


def test_gender_age_band_and_language_are_checked_on_the_shift_date(town: Town) -> None:
    male = town.characteristic(CharacteristicKind.GENDER, "male", "Male worker")
    young = town.characteristic(CharacteristicKind.AGE_BAND, "18_29", "Aged 18–29", (18, 29))
    greek = town.characteristic(CharacteristicKind.LANGUAGE, "Greek", "Speaks Greek")
    for item in (male, young, greek):
        town.require(RequirementLevel.PREFERENCE, characteristic_id=item)
    nick = town.worker("Nick", gender=Gender.MALE, born=date(1996, 12, 8), characteristics=(greek,))
    ann = town.worker("Ann", born=date(1980, 1, 1))
    assert reasons(town, morning(town), ann) == (
        "aged 46, not aged 18–29",
        "missing: Male worker",
        "missing: Speaks Greek",
    )
    assert listed(town, morning(town)) == [nick]  # 29 on the day: the birthday is the day after
    nick_turns_30 = town.shift(at(date(2026, 12, 8), "09:00"), at(date(2026, 12, 8), "10:00"))
    assert reasons(town, nick_turns_30, nick) == ("aged 30, not aged 18–29",)


def test_a_yes_no_characteristic_is_a_flag_the_worker_has(town: Town) -> None:
    non_smoker = town.characteristic(CharacteristicKind.FLAG, "non_smoker", "Non-smoker")
    town.require(RequirementLevel.CLIENT, characteristic_id=non_smoker)
    ann, bob = town.worker("Ann", characteristics=(non_smoker,)), town.worker("Bob")
    assert listed(town, morning(town)) == [ann]
    assert reasons(town, morning(town), bob) == ("missing: Non-smoker",)


def test_blocked_worker_who_is_otherwise_the_best_never_appears(town: Town) -> None:
    best = town.worker("Best", rating=5)
    other = town.worker("Other", rating=2, home=(-33.80, 151.2093))
    town.relate(best, ClientWorkerRelation.BLOCKED)
    assert listed(town, morning(town)) == [other]
    assert reasons(town, morning(town), best) == ("blocked by the client",)


def test_the_clients_preferred_worker_comes_first_among_equals(town: Town) -> None:
    near = town.worker("Near", rating=5)
    favourite = town.worker("Fave", rating=1, home=(-33.80, 151.2093))
    town.relate(favourite, ClientWorkerRelation.PREFERRED)
    providers = search(town, morning(town)).providers
    assert [p.worker_id for p in providers] == [favourite, near]
    assert [p.preferred for p in providers] == [True, False]


def test_ties_are_broken_by_rating_then_name(town: Town) -> None:
    zoe, amy, top = town.worker("Zoe", rating=3), town.worker("Amy", rating=3), town.worker("Top", rating=5)
    assert listed(town, morning(town)) == [top, amy, zoe]


def test_a_bookings_override_replaces_the_clients_preferences(town: Town) -> None:
    greek = town.characteristic(CharacteristicKind.LANGUAGE, "Greek", "Speaks Greek")
    pets = town.competency("Pet care")
    town.require(RequirementLevel.PREFERENCE, characteristic_id=greek)
    ann = town.worker("Ann", competencies={pets: None})
    assert listed(town, morning(town)) == []
    override = (Wish(competency_id=pets, characteristic_id=None, mandatory=True),)
    assert listed(town, morning(town, wishes=override)) == [ann]
    assert listed(town, morning(town, wishes=())) == [ann]


def test_the_provider_card_has_what_the_client_sees(town: Town) -> None:
    first_aid = town.competency("First aid")
    ann = town.worker("Ann", born=date(1980, 12, 8), competencies={first_aid: date(2027, 3, 1)}, rating=4)
    card = search(town, morning(town)).providers[0]
    assert (card.worker_id, card.name, card.age, card.rating, card.gender) == (
        ann,
        "Ann Lee",
        45,
        4,
        "female",
    )
    assert card.charge_rate_cents == 4500
    assert [(c.name, c.expires_on) for c in card.competencies] == [("First aid", date(2027, 3, 1))]
    assert (card.distance_km, card.review_count, card.medal) == (0.0, 0, None)
