"""The Day Manager as a kiosk (NiceGUI's simulated User): the wall screen, a repeating booking
allocated in one step from the Allocate dialog, and two workers of the same name told apart."""

from dataclasses import replace
from datetime import timedelta

from nicegui.testing import User
from sqlalchemy import select, update

from domain.booking import requests
from domain.vocabulary import Recurrence, ShiftStatus
from storage import db
from storage.models import Worker
from tests.support.personas import Personas
from tests.support.records import request_for, shifts_of_booking
from tests.support.ui import seen, sign_in, until

from .test_day_manager_page import MONDAY


def identity(worker_id: int | None) -> str:
    with db.read() as session:
        row = session.execute(
            select(Worker.home_suburb, Worker.staff_number).where(Worker.id == worker_id)
        ).one()
    return f"({row.home_suburb}, {row.staff_number})"


async def test_a_series_is_allocated_in_one_step_and_namesakes_are_told_apart(
    user: User, portal_personas: Personas
) -> None:
    margaret, aisha, ben = portal_personas.client, portal_personas.worker, portal_personas.other_worker
    with db.write() as session:  # Ben takes Aisha's name
        session.execute(
            update(Worker)
            .where(Worker.id == ben.worker_id)
            .values(first_name="Aisha", last_name="Rahman", preferred_name=None)
        )
    wanted = replace(
        request_for(margaret.client_id, MONDAY, recurrence=Recurrence.WEEKLY),
        ends_on=MONDAY + timedelta(weeks=3),
    )
    booked = requests.let_agency_choose(margaret, wanted)
    visits = sorted(shifts_of_booking(booked.number), key=lambda s: s.starts_at)
    assert len(visits) == 4
    await sign_in(user, "rosa@example.com")
    await user.open(f"/admin/day?day={MONDAY.isoformat()}&show=unallocated&q=Wilson")
    await seen(user, "Unallocated (")
    user.find(marker="day-table").trigger("allocate", visits[0].id)
    await seen(user, "can do it, best suited first")
    await seen(user, "one of 4 in a repeating booking")
    await seen(user, f"Aisha Rahman {identity(aisha.worker_id)}")
    await seen(user, f"Aisha Rahman {identity(ben.worker_id)}")
    user.find(marker=f"allocate-series-{aisha.worker_id}").click()
    await seen(user, "visits allocated to Aisha Rahman")

    def all_settled() -> bool:
        return all(s.status != ShiftStatus.UNALLOCATED for s in shifts_of_booking(booked.number))

    await until(all_settled, "every visit of the series allocated")
    assert {s.worker_id for s in shifts_of_booking(booked.number)} == {aisha.worker_id}


async def test_the_wall_screen_keeps_its_mode_and_says_when_it_was_updated(user: User) -> None:
    await sign_in(user, "rosa@example.com")
    await user.open(f"/admin/day?wall=1&day={MONDAY.isoformat()}")
    await seen(user, "Updated at")
    await seen(user, "Monday 7 December 2026")
    user.find(marker="next-day").click()
    await seen(user, "Tuesday 8 December 2026")
    await seen(user, "Updated at")


def test_a_wall_screen_showing_today_moves_on_at_midnight_and_one_showing_another_day_stays() -> None:
    from datetime import date

    from pages.day_manager import rolled_over

    monday, tuesday, friday = date(2026, 12, 7), date(2026, 12, 8), date(2026, 12, 11)
    assert rolled_over(monday, monday, tuesday) == tuesday
    assert rolled_over(monday, monday, monday) is None
    assert rolled_over(friday, monday, tuesday) is None
