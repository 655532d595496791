"""The booking page as Margaret sees it (NiceGUI's simulated User), for a Christmas Day visit: the
tile's "from" price, the summary, the card of the worker she chooses and the confirmation all say
the rate stored on the visit."""

from datetime import date

from nicegui.testing import User
from sqlalchemy import select

from domain import money
from domain.booking import catalogue
from storage import db
from storage.models import Booking, Shift
from tests.booking.test_book_page import pick_when
from tests.support.personas import Personas
from tests.support.ui import seen, sign_in

CHRISTMAS = date(2026, 12, 25)


async def test_a_christmas_day_visit_says_one_rate_from_the_summary_to_the_confirmation(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client
    item = catalogue.catalogue(margaret, margaret.client_id)[0]
    assert item.prices is not None
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret.client_id}/book")
    await user.should_see(f"from {money.dollars(item.prices.lowest)} an hour")  # the tile
    user.find(marker=f"service-{item.approved_service_id}").click()
    await seen(user, "Date of the first visit")
    await pick_when(user, CHRISTMAS, "10:00")
    await seen(user, "Who should do it?")
    holiday = f"{money.dollars(item.prices.highest)} an hour"  # the dearest band in the demo
    await user.should_see(f"Price: {holiday}")  # the summary
    user.find(marker="choose-my-worker").click()
    await seen(user, "What matters to you in a worker?")
    user.find(marker="find-provider").click()
    await seen(user, "can do it")
    await user.should_see(f": {holiday}")  # "This booking with <worker>: $X an hour" on the cards
    user.find(marker="agency-instead").click()
    await seen(user, "Your booking is sent")
    await user.should_see(f"Price: {holiday}")  # the confirmation
    with db.read() as session:
        booking_id = session.scalar(select(Booking.id).order_by(Booking.id.desc()).limit(1))
        stored = session.scalars(select(Shift.bill_rate_cents).where(Shift.booking_id == booking_id)).all()
    assert stored == [item.prices.highest]
