"""The booking catalogue: exactly the client's approved services, priced under their program, with
the hours used and left this period; only for those who may act for the client. Both databases."""

from datetime import date

import pytest
from sqlalchemy import update

from domain import clock
from domain.booking import catalogue
from domain.booking.catalogue import period_bounds
from domain.errors import NotAllowed
from domain.vocabulary import BudgetPeriod, ShiftStatus
from storage import db
from storage.models import ApprovedService, FundingPackage, Service, ServiceRate, Shift
from storage.queries import media as media_queries
from tests.support.personas import Personas
from tests.support.records import approved_ids


def test_the_client_sees_exactly_her_approved_services_from_the_programs_lowest_rate(
    personas: Personas,
) -> None:
    margaret = personas.client.client_id
    items = catalogue.catalogue(personas.client, margaret)
    assert sorted(item.approved_service_id for item in items) == approved_ids(margaret)
    with db.read() as session:
        for item in items:
            rates = [
                rate.rate_cents
                for rate in session.query(ServiceRate).filter_by(
                    service_id=item.service_id, program_id=item.program_id
                )
            ]
            assert item.rate_cents == min(rates)
            assert item.prices is not None
            assert item.prices.highest == max(rates)
            assert item.name == session.get(Service, item.service_id).name


def test_an_approved_rate_wins_over_the_programs_rate(personas: Personas) -> None:
    margaret = personas.client.client_id
    first = approved_ids(margaret)[0]
    with db.write() as session:
        session.execute(update(ApprovedService).where(ApprovedService.id == first).values(rate_cents=12_345))
    assert catalogue.item(personas.client, margaret, first).rate_cents == 12_345


def test_hours_used_count_busy_and_billed_shifts_of_this_week_but_not_cancelled_ones(
    personas: Personas,
) -> None:
    margaret = personas.client.client_id
    item = catalogue.catalogue(personas.client, margaret)[0]
    with db.read() as session:
        package_id = session.get(ApprovedService, item.approved_service_id).package_id
        week = (
            session.query(Shift)
            .filter(
                Shift.client_id == margaret,
                Shift.service_id == item.service_id,
                Shift.package_id == package_id,
                Shift.occurrence_date >= item.period_first,
                Shift.occurrence_date <= item.period_last,
            )
            .all()
        )
    busy = [s for s in week if s.status not in (ShiftStatus.CANCELLED, ShiftStatus.UNALLOCATED)]
    assert item.used_units == sum(s.bill_units for s in busy)
    assert busy, "the demo client has visits of this service this week"
    with db.write() as session:
        session.execute(update(Shift).where(Shift.id == busy[0].id).values(status=ShiftStatus.CANCELLED))
    again = catalogue.item(personas.client, margaret, item.approved_service_id)
    assert again.used_units == item.used_units - busy[0].bill_units
    assert again.left_units == max(again.approved_units - again.used_units, 0)


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (BudgetPeriod.WEEK, (date(2026, 11, 23), date(2026, 11, 29))),
        (BudgetPeriod.MONTH, (date(2026, 11, 1), date(2026, 11, 30))),
        (BudgetPeriod.QUARTER, (date(2026, 10, 1), date(2026, 12, 31))),
        (BudgetPeriod.PLAN, (date(2026, 7, 1), date(2027, 6, 30))),
    ],
)
def test_budget_periods_contain_today(period: BudgetPeriod, expected: tuple[date, date]) -> None:
    assert period_bounds(period, date(2026, 11, 27), (date(2026, 7, 1), date(2027, 6, 30))) == expected


def test_a_package_that_is_not_active_offers_nothing(personas: Personas) -> None:
    margaret = personas.client.client_id
    with db.write() as session:
        session.execute(
            update(FundingPackage).where(FundingPackage.client_id == margaret).values(active=False)
        )
    assert catalogue.catalogue(personas.client, margaret) == ()


def test_another_client_a_worker_and_a_service_not_approved_are_refused(personas: Personas) -> None:
    margaret = personas.client.client_id
    with pytest.raises(NotAllowed):
        catalogue.catalogue(personas.other_client, margaret)
    with pytest.raises(NotAllowed):
        catalogue.catalogue(personas.worker, margaret)
    with pytest.raises(NotAllowed):
        catalogue.item(personas.client, margaret, approved_ids(personas.other_client.client_id)[0])


def test_a_carer_and_roster_staff_see_the_catalogue_of_a_client_they_act_for(personas: Personas) -> None:
    margaret = personas.client.client_id
    carer_client = personas.carer.client_ids[0]
    assert catalogue.catalogue(personas.carer, carer_client)
    assert catalogue.catalogue(personas.roster, margaret) == catalogue.catalogue(personas.client, margaret)


def test_a_services_picture_is_shown_instead_of_its_glyph(personas: Personas) -> None:
    margaret = personas.client.client_id
    item = catalogue.catalogue(personas.client, margaret)[0]
    assert catalogue.service_image(personas.client, item.service_id) is None
    with db.write() as session:
        media = media_queries.add(b"\x89PNG picture", "image/png", created_at=clock.now(), session=session)
        session.execute(update(Service).where(Service.id == item.service_id).values(image_media_id=media.id))
    again = catalogue.item(personas.client, margaret, item.approved_service_id)
    assert again.image_media_id is not None
    assert catalogue.service_image(personas.client, item.service_id) == (b"\x89PNG picture", "image/png")
