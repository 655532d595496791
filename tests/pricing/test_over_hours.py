"""Staff allow a booking past the approved hours: it waits for their decision with what goes
beyond; a case manager, roster officer or administrator allows it (recorded on the booking and
audited) and it leaves the list; nobody else may. Both databases."""

from datetime import time

import pytest
from sqlalchemy import func, select, update

from domain.booking import catalogue, requests
from domain.errors import InvalidInput, NotAllowed, NotFound
from domain.pricing import over_hours
from storage import db
from storage.models import ApprovedService, AuditEvent, Booking, OutboxMessage
from tests.pricing.test_beyond_approved import SUNDAY, used_in_week
from tests.support.personas import Personas


def one_hour_left(item: catalogue.CatalogueItem, client_id: int) -> None:
    """One hour of the service left in SUNDAY's week."""
    used = used_in_week(item, client_id, SUNDAY)
    with db.write() as session:
        session.execute(
            update(ApprovedService)
            .where(ApprovedService.id == item.approved_service_id)
            .values(units_per_period=used + 100)
        )


def book_past_the_hours(personas: Personas) -> int:
    """Margaret lets the agency choose for an hour and a half, with one hour left that week."""
    margaret = personas.client
    item = catalogue.catalogue(margaret, margaret.client_id)[0]
    one_hour_left(item, margaret.client_id)
    wanted = requests.Wanted(
        client_id=margaret.client_id,
        approved_service_id=item.approved_service_id,
        first_date=SUNDAY,
        start_time=time(10),
        duration_minutes=90,
    )
    booked = requests.let_agency_choose(margaret, wanted)
    assert booked.beyond
    return booked.booking_id


def allowed_of(booking_id: int) -> tuple[object, str | None]:
    with db.read() as session:
        row = session.get(Booking, booking_id)
        assert row is not None
        return row.beyond_allowed_at, row.beyond_allowed_by


@pytest.mark.parametrize("who", ["case_manager", "roster", "admin"])
def test_staff_allow_a_booking_past_the_approved_hours(personas: Personas, who: str) -> None:
    booking_id = book_past_the_hours(personas)
    staff = getattr(personas, who)
    listed = next(line for line in over_hours.waiting(staff) if line.booking_id == booking_id)
    assert "0.5 hours beyond the approved hours" in listed.beyond
    assert "(1 hour left)" in listed.beyond
    assert listed.client.startswith("Margaret")
    left = over_hours.allow(staff, booking_id)
    assert booking_id not in {line.booking_id for line in left}
    allowed_at, allowed_by = allowed_of(booking_id)
    assert allowed_at is not None
    assert allowed_by == staff.display_name
    with db.read() as session:
        trail = session.execute(
            select(AuditEvent.account_id, AuditEvent.detail).where(
                AuditEvent.action == "allow_beyond", AuditEvent.entity_id == booking_id
            )
        ).all()
    assert [(account, "beyond the approved" in detail) for account, detail in trail] == [
        (staff.account_id, True)
    ]
    with db.read() as session:
        told = session.scalars(
            select(OutboxMessage.body_text).where(OutboxMessage.template == "beyond_allowed_to_client")
        ).all()
    assert len(told) == 1
    assert "It goes ahead as booked." in told[0]


def test_allowing_twice_or_a_booking_within_the_hours_is_refused_and_changes_nothing(
    personas: Personas,
) -> None:
    booking_id = book_past_the_hours(personas)
    over_hours.allow(personas.roster, booking_id)
    before = allowed_of(booking_id)
    with pytest.raises(InvalidInput) as refused:
        over_hours.allow(personas.case_manager, booking_id)
    assert "was already allowed by" in refused.value.fields["booking"]
    assert allowed_of(booking_id) == before
    with db.read() as session:
        within = session.scalar(select(Booking.id).where(Booking.beyond_approved.is_(None)))
        audits = session.scalar(select(func.count()).select_from(AuditEvent))
    assert within is not None
    with pytest.raises(NotFound):
        over_hours.allow(personas.admin, within)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == audits


def test_clients_carers_and_workers_may_not_allow(personas: Personas) -> None:
    booking_id = book_past_the_hours(personas)
    for outsider in (personas.client, personas.carer, personas.worker):
        with pytest.raises(NotAllowed):
            over_hours.waiting(outsider)
        with pytest.raises(NotAllowed):
            over_hours.allow(outsider, booking_id)
    assert allowed_of(booking_id) == (None, None)
