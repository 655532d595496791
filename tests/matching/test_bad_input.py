"""Questions matching cannot answer get a clear message, and nothing changes."""

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from domain import matching
from domain.errors import DomainError
from domain.matching import ShiftToFill, Wish
from storage.models import Shift
from tests.matching.builders import Town, at

MONDAY = date(2026, 12, 7)


def shift_count(town: Town) -> int:
    return town.session.scalar(select(func.count()).select_from(Shift)) or 0


@pytest.mark.parametrize(
    ("starts", "ends", "message"),
    [
        (datetime(2026, 12, 7, 9), datetime(2026, 12, 7, 11), "time zone"),
        (at(MONDAY, "11:00"), at(MONDAY, "09:00"), "end after it starts"),
        (at(MONDAY, "09:00"), at(date(2026, 12, 8), "09:01"), "at most 24 hours"),
    ],
)
def test_impossible_times_are_refused(town: Town, starts: datetime, ends: datetime, message: str) -> None:
    town.worker()
    before = shift_count(town)
    with pytest.raises(DomainError, match=message):
        matching.find_providers(town.shift(starts, ends), session=town.session)
    assert shift_count(town) == before


def test_a_client_whose_home_is_not_on_the_map_gets_a_message_for_the_office(town: Town) -> None:
    lost = town.client(None, None)
    shift = ShiftToFill(lost, town.service_id, town.program_id, at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    with pytest.raises(DomainError, match="not on the map"):
        matching.find_providers_with_reasons(shift, session=town.session)


def test_an_unknown_client_is_not_found(town: Town) -> None:
    shift = ShiftToFill(999_999, town.service_id, town.program_id, at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    with pytest.raises(DomainError, match="client does not exist"):
        matching.find_providers(shift, session=town.session)


@pytest.mark.parametrize(
    "wish",
    [Wish(competency_id=None, characteristic_id=None, mandatory=True), Wish(1, 1, mandatory=True)],
)
def test_a_wish_names_exactly_one_item(town: Town, wish: Wish) -> None:
    with pytest.raises(DomainError, match="one competency or one characteristic"):
        matching.find_providers(
            town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"), wishes=(wish,)), session=town.session
        )


def test_a_wish_for_something_the_agency_does_not_have_is_refused(town: Town) -> None:
    wish = Wish(competency_id=424_242, characteristic_id=None, mandatory=False)
    with pytest.raises(DomainError, match="does not have"):
        matching.find_providers(
            town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"), wishes=(wish,)), session=town.session
        )
