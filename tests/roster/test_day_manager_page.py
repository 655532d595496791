"""The Day Manager as roster staff use it (NiceGUI's simulated User): allocating from the ranked
list, live updates, pending offers, and refusals."""

from datetime import date, time

import pytest
from nicegui.testing import User

from domain.booking import requests
from domain.roster import day as day_manager
from domain.roster.day import DayFilter, Show
from domain.vocabulary import ShiftStatus
from tests.support.personas import Personas
from tests.support.records import request_for, shifts_of_booking, status_of
from tests.support.ui import seen, sign_in, until

MONDAY = date(2026, 12, 7)


@pytest.mark.parametrize("email", ["aisha@example.com", "margaret@example.com", "chris@example.com"])
async def test_a_worker_a_client_and_a_case_manager_cannot_open_the_day_manager(
    user: User, email: str
) -> None:
    await sign_in(user, email)
    await user.open("/admin/day")
    await user.should_see("Not available")
    await user.should_not_see(marker="day-table")


def day_cells(user: User) -> list[str]:
    """Every cell of the Day Manager's table, as the browser shows it."""
    with user:
        [table] = user.find(marker="day-table").elements
        return [str(value) for row in table.rows for value in row.values()]


def unallocated_of_margaret(personas: Personas) -> int:
    found = day_manager.day(personas.roster, MONDAY, DayFilter(search="Wilson"))
    return found.counts[Show.UNALLOCATED]


async def test_the_day_manager_allocates_a_request_from_the_ranked_list(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client
    before = unallocated_of_margaret(portal_personas)
    booked = requests.let_agency_choose(margaret, request_for(margaret.client_id, MONDAY))
    [shift] = shifts_of_booking(booked.number)
    await sign_in(user, "rosa@example.com")
    await user.open(f"/admin/day?day={MONDAY.isoformat()}&show=unallocated&q=Wilson")
    await seen(user, f"Unallocated ({before + 1})")
    await seen(user, "Monday 7 December 2026")
    user.find(marker="day-table").trigger("allocate", shift.id)
    await seen(user, "can do it, best suited first")
    await user.should_see("Left out (")
    user.find(marker=f"allocate-{portal_personas.worker.worker_id}").click()  # Aisha Rahman
    await until(lambda: status_of(shift.id) == ShiftStatus.ALLOCATED, "the shift allocated")
    await seen(user, f"Unallocated ({before})")


async def test_the_day_manager_shows_a_new_request_live(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client
    before = unallocated_of_margaret(portal_personas)
    await sign_in(user, "rosa@example.com")
    await user.open(f"/admin/day?day={MONDAY.isoformat()}&show=unallocated&q=Wilson")
    await seen(user, f"Unallocated ({before})")
    requests.let_agency_choose(margaret, request_for(margaret.client_id, MONDAY, time(14, 0)))
    await seen(user, f"Unallocated ({before + 1})")
    assert "2:00 pm – 3:00 pm" in day_cells(user)


async def test_a_search_that_is_too_long_says_so_and_the_day_stays(user: User) -> None:
    await sign_in(user, "rosa@example.com")
    await user.open(f"/admin/day?day={MONDAY.isoformat()}")
    await seen(user, "Monday 7 December 2026")
    user.find(marker="search").type("x" * 81)
    user.find(marker="search-button").click()
    await seen(user, "Please search with at most 80 characters.")
    await user.should_see("Monday 7 December 2026")


async def test_the_day_manager_shows_a_pending_offer_with_when_the_answer_is_due(
    user: User, portal_personas: Personas
) -> None:
    margaret, aisha = portal_personas.client, portal_personas.worker
    booked = requests.nominate(
        margaret, request_for(margaret.client_id, MONDAY, time(15, 0)), aisha.worker_id
    )
    await sign_in(user, "rosa@example.com")
    await user.open(f"/admin/day?day={MONDAY.isoformat()}&show=offered")
    await seen(user, "Offered (")
    cells = day_cells(user)
    assert booked.number in cells
    assert any(cell.startswith("Offered, waiting for the worker, answer due by") for cell in cells)
    assert any(cell.startswith("Aisha Rahman (") for cell in cells)  # with her suburb and staff number
