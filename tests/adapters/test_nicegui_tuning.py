"""NiceGUI's "does this handler take arguments?" answered once per method, and a removed element's
observables freed as it goes (adapters.nicegui_tuning)."""

import functools
from collections.abc import Iterator

import pytest
from nicegui import Client, helpers

from adapters import nicegui_tuning


class Handlers:
    def with_event(self, event: object) -> None: ...

    def without(self) -> None: ...

    def optional(self, event: object = None) -> None: ...

    def spread(self, *args: object) -> None: ...


def plain(event: object) -> None: ...


@pytest.fixture
def installed() -> Iterator[None]:
    before, removal = helpers.expects_arguments, Client.remove_elements
    nicegui_tuning.install()
    yield
    helpers.expects_arguments, Client.remove_elements = before, removal


def test_the_answer_is_nicegui_s_own_for_every_kind_of_handler(installed: None) -> None:
    handlers = Handlers()
    cases = [
        handlers.with_event,
        handlers.without,
        handlers.optional,
        handlers.spread,
        plain,
        lambda: None,
        lambda e: e,
        functools.partial(plain),
    ]
    for handler in cases:
        for _ in range(2):  # asked again: the kept answer
            assert nicegui_tuning.expects_arguments(handler) == nicegui_tuning._original(handler), handler
    assert helpers.expects_arguments is nicegui_tuning.expects_arguments


def test_a_method_is_inspected_once_whatever_object_it_is_bound_to(
    installed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []

    def counting(func: object) -> bool:
        asked.append(func)
        return True

    monkeypatch.setattr(nicegui_tuning, "_original", counting)

    class Fresh:
        def handler(self, event: object) -> None: ...

    for _ in range(5):
        assert nicegui_tuning.expects_arguments(Fresh().handler)
    assert len(asked) == 1
