"""The administrators' rate sheet on both databases: what it shows, saving a Sunday rate that the
next booking is charged at, every bad field named with nothing written, and only administrators."""

from datetime import date, time

import pytest
from sqlalchemy import select

from domain.booking import catalogue, requests
from domain.errors import InvalidInput, NotAllowed, NotFound
from domain.pricing import sheet
from domain.vocabulary import TimeBand
from storage import db
from storage.models import ServiceRate
from tests.support.personas import Personas


def rates_of(service_id: int, program_id: int) -> list[tuple]:
    with db.read() as session:
        return sorted(
            session.execute(
                select(ServiceRate.time_band, ServiceRate.charge_level, ServiceRate.rate_cents).where(
                    ServiceRate.service_id == service_id, ServiceRate.program_id == program_id
                )
            ).all()
        )


def test_the_sheet_shows_every_band_of_the_demo_rates(personas: Personas) -> None:
    item = catalogue.catalogue(personas.client, personas.client.client_id)[0]
    shown = sheet.sheet(personas.admin, item.service_id, item.program_id)
    for band, level, cents in rates_of(item.service_id, item.program_id):
        assert shown.entered[sheet.field_name(band, level)] == f"{cents / 100:.2f}"


def test_a_new_sunday_rate_is_what_the_next_sunday_booking_is_charged(personas: Personas) -> None:
    margaret = personas.client
    item = catalogue.catalogue(margaret, margaret.client_id)[0]
    entered = sheet.sheet(personas.admin, item.service_id, item.program_id).entered
    entered[sheet.field_name(TimeBand.SUNDAY, 0)] = "$123.45"
    sheet.save(personas.admin, item.service_id, item.program_id, entered)
    sunday = requests.Wanted(
        client_id=margaret.client_id,
        approved_service_id=item.approved_service_id,
        first_date=date(2026, 12, 6),
        start_time=time(10),
        duration_minutes=60,
    )
    [visit] = requests.check(margaret, sunday)
    assert visit.rate_cents == 12_345


@pytest.mark.parametrize(
    ("field", "typed"),
    [("sunday-0", "abc"), ("evening-2", "-5"), ("night-0", "12.345"), ("saturday-1", "10000.00")],
)
def test_a_bad_amount_is_named_at_its_field_and_nothing_is_written(
    personas: Personas, field: str, typed: str
) -> None:
    item = catalogue.catalogue(personas.client, personas.client.client_id)[0]
    before = rates_of(item.service_id, item.program_id)
    entered = sheet.sheet(personas.admin, item.service_id, item.program_id).entered
    entered[field] = typed
    entered["weekday-0"] = "70.00"  # a good change beside the bad one is not written either
    with pytest.raises(InvalidInput) as refused:
        sheet.save(personas.admin, item.service_id, item.program_id, entered)
    assert list(refused.value.fields) == [field]
    assert "dollars and cents" in refused.value.fields[field]
    assert rates_of(item.service_id, item.program_id) == before


def test_rates_without_a_weekday_rate_are_refused_at_the_weekday_field(personas: Personas) -> None:
    item = catalogue.catalogue(personas.client, personas.client.client_id)[0]
    before = rates_of(item.service_id, item.program_id)
    with pytest.raises(InvalidInput) as refused:
        sheet.save(personas.admin, item.service_id, item.program_id, {"sunday-0": "90"})
    assert list(refused.value.fields) == ["weekday-0"]
    assert rates_of(item.service_id, item.program_id) == before


def test_only_administrators_see_or_change_rates_and_only_the_agencys_services(personas: Personas) -> None:
    item = catalogue.catalogue(personas.client, personas.client.client_id)[0]
    for someone in (personas.client, personas.roster, personas.case_manager, personas.worker):
        with pytest.raises(NotAllowed):
            sheet.sheet(someone)
        with pytest.raises(NotAllowed):
            sheet.save(someone, item.service_id, item.program_id, {"weekday-0": "1"})
    with pytest.raises(NotFound):
        sheet.save(personas.admin, 999_999, item.program_id, {"weekday-0": "1"})
