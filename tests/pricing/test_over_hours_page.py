"""The page of bookings past the approved hours through NiceGUI's simulated User against main.py:
a case manager allows one (recorded, and it leaves the list); a client may not open the page."""

from datetime import time

from nicegui.testing import User
from sqlalchemy import select, update

from domain.booking import catalogue, requests
from storage import db
from storage.models import ApprovedService, Booking
from tests.pricing.test_beyond_approved import SUNDAY, used_in_week
from tests.support.personas import Personas
from tests.support.ui import sign_in

PATIENCE = 600


def booked_past_the_hours(personas: Personas) -> Booking:
    margaret = personas.client
    item = catalogue.catalogue(margaret, margaret.client_id)[0]
    used = used_in_week(item, margaret.client_id, SUNDAY)
    with db.write() as session:
        session.execute(
            update(ApprovedService)
            .where(ApprovedService.id == item.approved_service_id)
            .values(units_per_period=used + 100)
        )
    booked = requests.let_agency_choose(
        margaret,
        requests.Wanted(margaret.client_id, item.approved_service_id, SUNDAY, time(10), 90),
    )
    with db.read() as session:
        found = session.scalar(select(Booking).where(Booking.id == booked.booking_id))
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
