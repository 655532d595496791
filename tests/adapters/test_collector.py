"""The garbage collector's set-up after start-up (adapters.collector)."""

import gc
from collections.abc import Iterator

import pytest

from adapters import collector


@pytest.fixture
def restored_collector() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_after_start_up_what_is_alive_is_frozen_and_young_collections_are_rarer(
    restored_collector: None,
) -> None:
    gc.unfreeze()
    kept = [[n] for n in range(1000)]  # alive at start-up, as a module's tables are
    collector.settle_after_start()
    assert gc.get_freeze_count() >= len(kept)
    assert gc.get_threshold()[0] == collector.YOUNG_THRESHOLD
    assert all(not gc.is_finalized(item) for item in kept)


def test_objects_made_after_start_up_are_still_collected(restored_collector: None) -> None:
    collector.settle_after_start()
    cycle: list[object] = []
    cycle.append(cycle)
    before = gc.get_count()[0]
    del cycle
    assert gc.collect() >= 1  # the cycle made after the freeze is found and freed
    assert before >= 1
