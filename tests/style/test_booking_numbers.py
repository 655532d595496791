"""One booking number format everywhere: BK and the booking's id, for the demo's bookings as for
those made in the portal, and for a database seeded before (renumbered by migration 0014)."""

import re

from alembic import command
from nicegui.testing import User
from sqlalchemy import select, text

from domain.booking import making
from storage import db, migrate
from storage.models import Booking
from tests.style.pagetext import said
from tests.support.personas import Personas
from tests.support.ui import eventually, sign_in

NUMBER = re.compile(r"BK\d{6,}")


def numbers() -> dict[int, str]:
    with db.read() as session:
        return {row.id: row.number for row in session.execute(select(Booking.id, Booking.number)).all()}


def test_every_demo_booking_is_numbered_from_its_id(demo_db: str) -> None:
    found = numbers()
    assert found
    assert found == {booking_id: making.number(booking_id) for booking_id in found}


def test_an_older_database_is_renumbered_and_nothing_else_changes(demo_db: str) -> None:
    before = numbers()
    with db.write() as session:  # the numbers an older demo seed gave
        session.execute(text("UPDATE booking SET number = 'B' || CAST(id + 1000000 AS VARCHAR(20))"))
    with db.engine().begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0013")
    migrate.upgrade(db.engine())
    assert numbers() == before


async def test_the_services_page_shows_one_format(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{portal_personas.client.client_id}/services?tab=billed")
    await eventually(lambda: any(NUMBER.fullmatch(text) for text in said(user)), "the billed visits")
    shown = [text for text in said(user) if re.fullmatch(r"(B|BK|H)\d{6,}", text)]  # not S…: a visit's
    assert shown
    assert all(NUMBER.fullmatch(number) for number in shown), shown
