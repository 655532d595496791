"""The page of bookings past the approved hours through NiceGUI's simulated User against main.py:
a case manager allows one (recorded, and it leaves the list); a roster officer declines one — first
without a reason (said at the field, nothing written), then with one — after the client saw its
visit waiting on her services page; a client may not open the page."""

import asyncio

from nicegui import ui
from nicegui.testing import User
from sqlalchemy import select

from domain.vocabulary import ShiftStatus
from storage import db
from storage.models import Booking, Shift
from tests.pricing.test_over_hours import book_past_the_hours
from tests.support.personas import Personas
from tests.support.ui import sign_in, table_cells, until

PATIENCE = 600


def booked_past_the_hours(personas: Personas) -> Booking:
    booking_id = book_past_the_hours(personas)
    with db.read() as session:
        found = session.get(Booking, booking_id)
        assert found is not None
        return found


async def test_a_case_manager_allows_a_booking_past_the_approved_hours(
    user: User, portal_personas: Personas
) -> None:
    booking = booked_past_the_hours(portal_personas)
    await sign_in(user, "chris@example.com")
    await user.open("/admin")
    await user.should_see("waiting for a decision", retries=PATIENCE)
    await user.open("/admin/over-hours")
    await user.should_see(f"booking {booking.number}", retries=PATIENCE)
    await user.should_see("0.5 hours beyond the approved hours", retries=PATIENCE)
    user.find(marker=f"allow-{booking.id}").click()
    await user.should_see(f"Booking {booking.number} allowed.", retries=PATIENCE)
    await user.should_not_see(f"booking {booking.number} from", retries=PATIENCE)
    with db.read() as session:
        row = session.get(Booking, booking.id)
        assert row is not None
        assert row.beyond_allowed_at is not None
        assert row.beyond_allowed_by == "Chris Taylor"


async def test_a_client_may_not_open_the_page(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open("/admin/over-hours")
    await user.should_see("You do not have access", retries=PATIENCE)


async def test_the_client_sees_the_visit_waiting_for_the_agency(
    user: User, portal_personas: Personas
) -> None:
    booked_past_the_hours(portal_personas)
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/services?tab=requests")
    await until(
        lambda: any("Waiting for the agency to approve the extra hours" in c for c in table_cells(user)),
        "the waiting visit in the requests table",
    )


async def test_a_roster_officer_declines_only_with_a_reason(user: User, portal_personas: Personas) -> None:
    booking = booked_past_the_hours(portal_personas)
    await sign_in(user, "rosa@example.com")
    await user.open("/admin/over-hours")
    await user.should_see(f"booking {booking.number}", retries=PATIENCE)
    user.find(marker=f"decline-{booking.id}").click()
    await field_says(user, f"reason-{booking.id}", "Please enter the reason the client is told.")
    assert declined(booking.id) == (None, ShiftStatus.WAITING)
    user.find(marker=f"reason-{booking.id}").type("No room left in your package this week.")
    user.find(marker=f"decline-{booking.id}").click()
    await user.should_see(f"Booking {booking.number} declined", retries=PATIENCE)
    await user.should_not_see(f"booking {booking.number} from", retries=PATIENCE)
    assert declined(booking.id) == ("No room left in your package this week.", ShiftStatus.CANCELLED)


def declined(booking_id: int) -> tuple[str | None, ShiftStatus | None]:
    with db.read() as session:
        row = session.get(Booking, booking_id)
        assert row is not None
        status = session.scalar(select(Shift.status).where(Shift.booking_id == booking_id))
        return row.beyond_declined_reason, status


async def field_says(user: User, marker: str, message: str) -> None:
    for _ in range(3000):
        found = next(iter(user.find(marker=marker).elements))
        assert isinstance(found, ui.input)
        if found.error == message:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"{marker} never said {message!r}")
