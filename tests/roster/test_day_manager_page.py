"""The worker app and the Day Manager as people use them (NiceGUI's simulated User): answering an
offer, marking a shift completed, allocating from the ranked list, live updates, refusals."""

from datetime import date, time, timedelta

import pytest
from nicegui.testing import User
from sqlalchemy import select

from domain import clock
from domain.booking import requests
from domain.roster import day as day_manager
from domain.roster.day import DayFilter, Show
from domain.vocabulary import OfferStatus, Recurrence, ShiftStatus
from storage import db
from storage.models import Offer, Shift
from tests.support.bookings import MARGARET, approved_ids, shifts_of_booking, status_of
from tests.support.records import actor
from tests.support.ui import sign_in
from tests.support.waiting import appears, seen, until

MONDAY = date(2026, 12, 7)


def wanted(start: time = time(9, 0), recurrence: Recurrence = Recurrence.ONCE) -> requests.Wanted:
    return requests.Wanted(MARGARET, approved_ids(MARGARET)[0], MONDAY, start, 60, recurrence)


def offer_status(offer_id: int) -> OfferStatus:
    with db.read() as session:
        return session.get(Offer, offer_id).status


def pending_offer_for(number: str) -> int:
    with db.read() as session:
        return session.scalar(
            select(Offer.id)
            .join(Shift, Shift.booking_id == Offer.booking_id)
            .where(Shift.id == shifts_of_booking(number)[0].id)
        )


async def test_the_worker_accepts_an_offer_and_its_visits_become_hers(user: User) -> None:
    margaret, aisha = actor("margaret@example.com"), actor("aisha@example.com")
    booked = requests.nominate(margaret, wanted(recurrence=Recurrence.WEEKLY), aisha.worker_id)
    offer_id = pending_offer_for(booked.number)
    await sign_in(user, "aisha@example.com")
    await user.open("/worker")
    await seen(user, "Offers waiting for you (1)")
    await user.should_see("for Margaret (Marrickville)")
    user.find(marker=f"accept-{offer_id}").click()
    await until(lambda: offer_status(offer_id) == OfferStatus.ACCEPTED, "the offer accepted")
    assert {s.status for s in shifts_of_booking(booked.number)} == {ShiftStatus.ALLOCATED}
    await seen(user, "Offers waiting for you (0)")


async def test_the_worker_rejects_an_offer_with_a_reason(user: User) -> None:
    booked = requests.nominate(actor("margaret@example.com"), wanted(), actor("aisha@example.com").worker_id)
    offer_id = pending_offer_for(booked.number)
    await sign_in(user, "aisha@example.com")
    await user.open("/worker")
    await seen(user, "Offers waiting for you (1)")
    user.find(marker=f"reject-{offer_id}").click()
    await seen(user, "Reject this offer?")
    user.find(marker="reject-reason").type("I am away that week")
    user.find(marker="confirm-reject").click()
    await until(lambda: offer_status(offer_id) == OfferStatus.REJECTED, "the offer rejected")
    with db.read() as session:
        assert session.get(Offer, offer_id).answer_note == "I am away that week"
    assert {s.status for s in shifts_of_booking(booked.number)} == {ShiftStatus.UNALLOCATED}


async def test_a_new_offer_appears_on_the_open_worker_app(user: User) -> None:
    await sign_in(user, "aisha@example.com")
    await user.open("/worker")
    await seen(user, "Offers waiting for you (0)")
    requests.nominate(actor("margaret@example.com"), wanted(), actor("aisha@example.com").worker_id)
    await seen(user, "Offers waiting for you (1)")


async def test_the_worker_marks_a_started_shift_completed(user: User) -> None:
    aisha = actor("aisha@example.com")
    with db.read() as session:
        shift = session.scalars(
            select(Shift)
            .where(
                Shift.worker_id == aisha.worker_id,
                Shift.status == ShiftStatus.ALLOCATED,
                Shift.starts_at > clock.now(),
            )
            .order_by(Shift.starts_at)
        ).first()
    clock.freeze(shift.starts_at + timedelta(minutes=10))
    await sign_in(user, "aisha@example.com")
    await user.open("/worker")
    await appears(user, f"complete-{shift.id}")
    user.find(marker=f"complete-{shift.id}").click()
    await until(lambda: status_of(shift.id) == ShiftStatus.COMPLETED, "the shift completed")


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


def unallocated_of_margaret() -> int:
    found = day_manager.day(actor("rosa@example.com"), MONDAY, DayFilter(search="Wilson"))
    return found.counts[Show.UNALLOCATED]


async def test_the_day_manager_allocates_a_request_from_the_ranked_list(user: User) -> None:
    before = unallocated_of_margaret()
    booked = requests.let_agency_choose(actor("margaret@example.com"), wanted())
    [shift] = shifts_of_booking(booked.number)
    await sign_in(user, "rosa@example.com")
    await user.open(f"/admin/day?day={MONDAY.isoformat()}&show=unallocated&q=Wilson")
    await seen(user, f"Unallocated ({before + 1})")
    await seen(user, "Monday 7 December 2026")
    user.find(marker="day-table").trigger("allocate", shift.id)
    await seen(user, "can do it, best suited first")
    await user.should_see("Left out (")
    user.find(marker="allocate-1").click()  # Aisha Rahman
    await until(lambda: status_of(shift.id) == ShiftStatus.ALLOCATED, "the shift allocated")
    await seen(user, f"Unallocated ({before})")


async def test_the_day_manager_shows_a_new_request_live(user: User) -> None:
    before = unallocated_of_margaret()
    await sign_in(user, "rosa@example.com")
    await user.open(f"/admin/day?day={MONDAY.isoformat()}&show=unallocated&q=Wilson")
    await seen(user, f"Unallocated ({before})")
    requests.let_agency_choose(actor("margaret@example.com"), wanted(time(14, 0)))
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


async def test_the_reviews_page_shows_what_clients_said(user: User) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open("/workers/1/reviews")
    await user.should_see("Reviews of Aisha Rahman")
    await user.should_see("Always on time and so patient with me.")
    await user.should_not_see("Wilson,")  # reviewers by first name only


async def test_a_worker_cannot_read_another_workers_reviews_page(user: User) -> None:
    await sign_in(user, "aisha@example.com")
    await user.open("/workers/2/reviews")
    await user.should_see("Not available")


async def test_a_carer_books_for_each_client_they_act_for(user: User) -> None:
    daniel = actor("daniel@example.com")
    await sign_in(user, "daniel@example.com")
    for client_id, _name in daniel.linked_clients:
        await user.open(f"/clients/{client_id}/book")
        await user.should_see("Book a service")
        user.find(marker="client-switcher")
        for approved in approved_ids(client_id):
            user.find(marker=f"service-{approved}")


async def test_the_day_manager_shows_a_pending_offer_with_when_the_answer_is_due(user: User) -> None:
    booked = requests.nominate(
        actor("margaret@example.com"), wanted(time(15, 0)), actor("aisha@example.com").worker_id
    )
    await sign_in(user, "rosa@example.com")
    await user.open(f"/admin/day?day={MONDAY.isoformat()}&show=offered")
    await seen(user, "Offered (")
    cells = day_cells(user)
    assert booked.number in cells
    assert any(cell.startswith("Offered, waiting for the worker, answer due by") for cell in cells)
    assert "Aisha Rahman" in cells
