"""The calendar, history and services pages as a client uses them (NiceGUI's simulated User)."""

from datetime import timedelta

from nicegui.testing import User
from sqlalchemy import update

from demo.history import add_weekly_history
from domain import clock, events
from domain.visits.lines import PAGE_SIZE
from domain.vocabulary import ShiftStatus
from storage import db
from storage.models import Shift
from tests.support.personas import Personas
from tests.support.records import shift_ids
from tests.support.ui import eventually, sign_in


def table_rows(user: User) -> int:
    """Rows of data the page sent (every table's rows)."""
    with user:
        return sum(len(table.rows) for table in user.find(marker="shift-table").elements)


def month_visits(user: User) -> list[str]:
    """The label of every visit in the month grid: time, service and status in words."""
    with user:
        [grid] = user.find(marker="month-grid").elements
        return [
            visit["text"]
            for row in grid.rows
            for day in row.values()
            if isinstance(day, dict)
            for visit in day["visits"]
        ]


async def test_the_calendar_shows_each_visit_with_its_status_in_words(
    user: User, portal_personas: Personas
) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{portal_personas.client.client_id}/calendar")
    await user.should_see("November 2026")
    assert any("Transport · Billed" in text for text in month_visits(user))
    assert any("Personal care · Queried" in text for text in month_visits(user))
    user.find(marker="later").click()
    await user.should_see("December 2026")
    await eventually(lambda: any("· Confirmed" in text for text in month_visits(user)), "December's visits")
    user.find(marker="calendar-view").elements.pop().value = "week"
    await user.should_see("Week of Monday 30 November 2026")


async def test_another_clients_pages_show_nothing_of_theirs(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "margaret@example.com")
    for section in ("calendar", "history", "services"):
        await user.open(f"/clients/{portal_personas.other_client.client_id}/{section}")
        await user.should_see("Not available")
        await user.should_not_see("Papadopoulos")


async def test_two_years_of_weekly_visits_never_send_more_than_fifty_rows(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    with db.write() as session:
        added = add_weekly_history(session, margaret, now=clock.now())
    assert added > 100
    await sign_in(user, "margaret@example.com")
    two_years_ago = (clock.now() - timedelta(days=740)).date().isoformat()
    await user.open(f"/clients/{margaret}/history?from={two_years_ago}")
    await user.should_see("Page 1 of")
    assert table_rows(user) == PAGE_SIZE
    user.find(marker="next-page").click()
    await user.should_see("Page 2 of")
    assert table_rows(user) == PAGE_SIZE
    await user.open(f"/clients/{margaret}/services?tab=billed")
    await user.should_see("Page 1 of")
    assert table_rows(user) == PAGE_SIZE


async def test_the_calendar_updates_live_when_staff_allocate_a_visit(
    user: User, portal_personas: Personas
) -> None:
    margaret, aisha = portal_personas.client.client_id, portal_personas.worker.worker_id
    shift_id = shift_ids(margaret, ShiftStatus.ALLOCATED, after=clock.now())[0]
    with db.write() as session:
        session.execute(
            update(Shift).where(Shift.id == shift_id).values(status=ShiftStatus.UNALLOCATED, worker_id=None)
        )
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/calendar?day=2026-12-01")
    assert sum("· Requested" in text for text in month_visits(user)) == 1
    with db.write() as session:  # what the roster department's allocation does
        session.execute(
            update(Shift).where(Shift.id == shift_id).values(status=ShiftStatus.ALLOCATED, worker_id=aisha)
        )
    events.publish(events.ShiftChanged.of([shift_id], [margaret], [aisha]))
    await eventually(lambda: not any("· Requested" in text for text in month_visits(user)), "the live update")
