"""Booking past the approved hours left in the period: the client is told the hours left and what
the extra costs (at the visit's own rate) before booking and on the confirmation. Both databases."""

from datetime import date, time, timedelta

from sqlalchemy import func, select, update

from domain import money
from domain.booking import catalogue, requests
from domain.vocabulary import BUSY_SHIFT_STATUSES
from storage import db
from storage.models import ApprovedService, ServiceRate, Shift
from tests.support.personas import Personas

SUNDAY = date(2027, 1, 31)


def used_in_week(item: catalogue.CatalogueItem, client_id: int, sunday: date) -> int:
    monday = sunday - timedelta(days=6)
    with db.read() as session:
        return int(
            session.scalar(
                select(func.coalesce(func.sum(Shift.bill_units), 0)).where(
                    Shift.client_id == client_id,
                    Shift.service_id == item.service_id,
                    Shift.status.in_(BUSY_SHIFT_STATUSES),
                    Shift.occurrence_date >= monday,
                    Shift.occurrence_date <= sunday,
                )
            )
            or 0
        )


def test_a_booking_past_the_hours_left_says_how_many_are_left_and_what_the_extra_costs(
    personas: Personas,
) -> None:
    margaret = personas.client
    item = catalogue.catalogue(margaret, margaret.client_id)[0]
    used = used_in_week(item, margaret.client_id, SUNDAY)
    with db.write() as session:  # one hour left that week
        session.execute(
            update(ApprovedService)
            .where(ApprovedService.id == item.approved_service_id)
            .values(units_per_period=used + 100)
        )
        sunday_rate = session.scalar(
            select(func.min(ServiceRate.rate_cents)).where(
                ServiceRate.service_id == item.service_id,
                ServiceRate.program_id == item.program_id,
                ServiceRate.time_band == "sunday",
            )
        )
    assert sunday_rate is not None
    wanted = requests.Wanted(
        client_id=margaret.client_id,
        approved_service_id=item.approved_service_id,
        first_date=SUNDAY,
        start_time=time(10),
        duration_minutes=90,
    )
    extra = money.dollars(money.price_cents(50, sunday_rate))
    warning = requests.beyond(margaret, wanted)
    assert "1 hour left" in warning
    assert "0.5 hours more than approved" in warning
    assert f"costing {extra} more" in warning
    booked = requests.let_agency_choose(margaret, wanted)
    assert booked.beyond == warning


def test_a_booking_within_the_hours_left_has_no_warning(personas: Personas) -> None:
    margaret = personas.client
    item = catalogue.catalogue(margaret, margaret.client_id)[0]
    used = used_in_week(item, margaret.client_id, SUNDAY)
    with db.write() as session:
        session.execute(
            update(ApprovedService)
            .where(ApprovedService.id == item.approved_service_id)
            .values(units_per_period=used + 150)
        )
    wanted = requests.Wanted(
        client_id=margaret.client_id,
        approved_service_id=item.approved_service_id,
        first_date=SUNDAY,
        start_time=time(10),
        duration_minutes=90,
    )
    assert requests.beyond(margaret, wanted) == ""
    assert requests.let_agency_choose(margaret, wanted).beyond == ""
