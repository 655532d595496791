"""A page that closes (or a list that is cleared) is freed as it goes, by reference counting, not
left for a full run of the garbage collector: under load such garbage was most of a process's
growth, and collecting it held the event loop for seconds (adapters/nicegui_tuning.py)."""

import gc
from collections import Counter
from collections.abc import Callable, Iterator

import pytest
from nicegui import ui
from nicegui.observables import ObservableCollection
from nicegui.testing import User
from sqlalchemy import select

from storage import db
from storage.models import Account
from tests.support.ui import sign_in


@pytest.fixture
def garbage() -> Iterator[Callable[[], Counter[str]]]:
    """What a full collection finds dead in cycles from here on: NiceGUI's observables by type."""
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)

    def observables() -> Counter[str]:
        gc.collect()
        return Counter(type(o).__name__ for o in gc.garbage if isinstance(o, ObservableCollection))

    try:
        yield observables
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


def client_id_of(email: str) -> int:
    with db.read() as session:
        found = session.scalar(select(Account.client_id).where(Account.email == email))
    assert found is not None
    return found


async def test_a_closed_calendar_page_leaves_nothing_for_the_collector(
    user: User, garbage: Callable[[], Counter[str]]
) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{client_id_of('margaret@example.com')}/calendar")
    await user.should_see("Calendar")
    page = user.client
    assert len(page.elements) > 20
    page.delete()
    del page
    assert garbage() == Counter()


async def test_a_cleared_list_leaves_nothing_for_the_collector(
    user: User, garbage: Callable[[], Counter[str]]
) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{client_id_of('margaret@example.com')}/calendar")
    await user.should_see("Calendar")
    with user.client.content, ui.column().classes("gap-2") as column:
        for n in range(30):
            ui.label(f"Row {n}").classes("text-lg").style("color: #333").props("role=listitem")
    await user.should_see("Row 29")
    before = len(user.client.elements)
    column.clear()
    await user.should_not_see("Row 29")
    assert len(user.client.elements) == before - 30
    assert garbage() == Counter()
