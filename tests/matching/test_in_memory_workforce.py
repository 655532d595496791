"""The workforce kept in memory: start-up's hook runs once for each large snapshot loaded (it
tunes the garbage collector, FREEZE_WORKFORCE), never for a small one nor for one already kept."""

from collections.abc import Iterator
from datetime import date

import pytest

import config
from domain import matching
from domain.matching import workforce
from tests.matching.builders import Town, at

MONDAY = date(2026, 12, 7)


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """One item per call of start-up's hook; "large" means 2 workers or more here."""
    monkeypatch.setattr(workforce, "LARGE", 2)
    seen: list[int] = []
    matching.after_large_load(lambda: seen.append(1))
    yield seen
    matching.after_large_load(None)


def _search_twice(town: Town) -> None:
    town.session.commit()  # a snapshot read by a transaction that wrote is never kept
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "10:00"))
    matching.find_providers(shift, session=town.session)
    matching.find_providers(shift, session=town.session)


def test_a_large_workforce_is_handed_to_the_hook_once_when_loaded(town: Town, loads: list[int]) -> None:
    town.worker("Ann")
    town.worker("Bob")
    _search_twice(town)
    assert loads == [1]


def test_a_small_workforce_is_not_handed_to_the_hook(town: Town, loads: list[int]) -> None:
    town.worker("Ann")
    _search_twice(town)
    assert loads == []


def test_the_freeze_is_on_unless_freeze_workforce_says_0(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FREEZE_WORKFORCE", raising=False)
    assert config.freeze_workforce() is True
    monkeypatch.setenv("FREEZE_WORKFORCE", "0")
    assert config.freeze_workforce() is False
