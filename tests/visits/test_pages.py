"""The calendar, history and services pages as a client uses them (NiceGUI's simulated User)."""

from datetime import UTC, datetime, timedelta

from nicegui import ElementFilter
from nicegui.testing import User
from sqlalchemy import update

from components import shift_actions
from demo.history import add_weekly_history
from domain import clock, events, money
from domain.visits.lines import PAGE_SIZE
from domain.vocabulary import LedgerKind, ShiftStatus
from storage import db
from storage.models import LedgerEntry, Shift
from tests.support.records import actor, count, first_shift, ledger_entries, shift, shift_ids
from tests.support.ui import eventually, sign_in

MARGARET = 1
MONDAY_MORNING = datetime(2026, 11, 29, 22, 0, tzinfo=UTC)  # Monday 30 November, 9:00 in Sydney


def table_rows(user: User) -> int:
    """Rows of data the page sent (every table's rows)."""
    with user:
        return sum(len(table.rows) for table in user.find(marker="shift-table").elements)


async def shown(user: User, text: str) -> None:
    """Wait until the text is on screen: the work behind it runs off the event loop."""

    def visible() -> bool:
        with user:
            return any(True for _ in ElementFilter(content=text, only_visible=True))

    await eventually(visible, f"seeing {text!r}")


def table_cells(user: User) -> list[str]:
    """Every cell of every table on the page, as the browser will show it."""
    with user:
        tables = user.find(marker="shift-table").elements if user.find(marker="shift-table") else []
        return [str(value) for table in tables for row in table.rows for value in row.values()]


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


def act(user: User, shift_id: int, action: str) -> None:
    """What a tap on a row's action button sends to the server."""
    user.find(marker="shift-table").trigger("act", {"id": shift_id, "action": action})


async def test_the_calendar_shows_each_visit_with_its_status_in_words(user: User) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{MARGARET}/calendar")
    await user.should_see("November 2026")
    assert any("Transport · Billed" in text for text in month_visits(user))
    assert any("Personal care · Queried" in text for text in month_visits(user))
    user.find(marker="later").click()
    await user.should_see("December 2026")
    await eventually(lambda: any("· Confirmed" in text for text in month_visits(user)), "December's visits")
    user.find(marker="calendar-view").elements.pop().value = "week"
    await user.should_see("Week of Monday 30 November 2026")


async def test_the_client_sees_the_fee_confirms_it_and_finds_it_on_the_billed_tab(user: User) -> None:
    clock.freeze(MONDAY_MORNING)
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{MARGARET}/services?tab=accepted")
    shift_id = shift_ids(MARGARET, ShiftStatus.ALLOCATED, after=clock.now())[0]
    fees_before = count(LedgerEntry)
    act(user, shift_id, "cancel")
    await shown(user, "short notice cancellation. A fee of")
    assert count(LedgerEntry) == fees_before  # shown, not yet billed
    user.find(marker="cancel-reason").elements.pop().value = "NSDH"
    user.find(marker="confirm-cancel").click()
    await eventually(lambda: shift(shift_id).status == ShiftStatus.CANCELLED, "the cancellation")
    [fee] = ledger_entries(shift_id, LedgerKind.CANCELLATION_FEE)
    user.find(marker="tabs").elements.pop().value = "billed"
    charged = f"fee {money.dollars(fee.subsidy_cents + fee.contribution_cents)}"
    await eventually(lambda: any(charged in cell for cell in table_cells(user)), "the fee on the billed tab")


async def test_another_clients_pages_show_nothing_of_theirs(user: User) -> None:
    await sign_in(user, "margaret@example.com")
    for section in ("calendar", "history", "services"):
        await user.open(f"/clients/2/{section}")
        await user.should_see("Not available")
        await user.should_not_see("Papadopoulos")


async def test_a_page_handler_refuses_another_clients_shift(user: User) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{MARGARET}/services?tab=completed")
    completed = first_shift(MARGARET, ShiftStatus.COMPLETED)
    george = actor("george@example.com")

    async def nothing() -> None:
        raise AssertionError("the screen must not be refreshed after a refusal")

    with user:
        await shift_actions.approve(george, completed, nothing)
    await user.should_see("You do not have access to that.")
    assert shift(completed).status == ShiftStatus.COMPLETED


async def test_approving_and_querying_from_the_completed_tab(user: User) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{MARGARET}/services?tab=completed")
    first, second = shift_ids(MARGARET, ShiftStatus.COMPLETED)[:2]
    act(user, first, "approve")
    await eventually(lambda: shift(first).status == ShiftStatus.APPROVED, "approval")
    act(user, second, "query")
    await shown(user, "Tell us what was not right.")
    user.find(marker="query-message").type("The worker left early.")
    user.find(marker="send-query").click()
    await eventually(lambda: shift(second).status == ShiftStatus.QUERIED, "the query")


async def test_two_years_of_weekly_visits_never_send_more_than_fifty_rows(user: User) -> None:
    with db.write() as session:
        added = add_weekly_history(session, MARGARET, now=clock.now())
    assert added > 100
    await sign_in(user, "margaret@example.com")
    two_years_ago = (clock.now() - timedelta(days=740)).date().isoformat()
    await user.open(f"/clients/{MARGARET}/history?from={two_years_ago}")
    await user.should_see("Page 1 of")
    assert table_rows(user) == PAGE_SIZE
    user.find(marker="next-page").click()
    await user.should_see("Page 2 of")
    assert table_rows(user) == PAGE_SIZE
    await user.open(f"/clients/{MARGARET}/services?tab=billed")
    await user.should_see("Page 1 of")
    assert table_rows(user) == PAGE_SIZE


async def test_the_calendar_updates_live_when_staff_allocate_a_visit(user: User) -> None:
    shift_id = shift_ids(MARGARET, ShiftStatus.ALLOCATED, after=clock.now())[0]
    with db.write() as session:
        session.execute(
            update(Shift).where(Shift.id == shift_id).values(status=ShiftStatus.UNALLOCATED, worker_id=None)
        )
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{MARGARET}/calendar?day=2026-12-01")
    assert sum("· Requested" in text for text in month_visits(user)) == 1
    with db.write() as session:  # what the roster department's allocation does
        session.execute(
            update(Shift).where(Shift.id == shift_id).values(status=ShiftStatus.ALLOCATED, worker_id=1)
        )
    events.publish(events.ShiftChanged.of([shift_id], [MARGARET], [1]))
    await eventually(lambda: not any("· Requested" in text for text in month_visits(user)), "the live update")
