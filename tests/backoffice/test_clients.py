"""Clients in the back office, on both databases: an administrator or a case manager adds a client,
a funding package, an approved service and requirements; the client can then book the service, and a
must-have requirement narrows who matching offers; bad input is named at its field and writes
nothing; other roles are refused."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import func, select

from domain.accounts import reading_language
from domain.accounts.access import Actor
from domain.backoffice import clients
from domain.backoffice.clients import ClientForm
from domain.booking import catalogue, requests
from domain.booking.wanted import Wanted
from domain.errors import InvalidInput, NotAllowed
from domain.vocabulary import GeocodeStatus
from storage import db
from storage.models import (
    ApprovedService,
    AuditEvent,
    Client,
    Competency,
    FundingPackage,
    Program,
    Requirement,
    Service,
)
from tests.support.personas import Personas

NEW_CLIENT = ClientForm(
    client_number="C90001",
    first_name="Joan",
    last_name="Baker",
    gender="female",
    date_of_birth="3/5/1941",
    home_phone="02 9876 5432",
    email="joan@example.com",
    street="5 Marrickville Road",
    suburb="Marrickville",
    state="NSW",
    postcode="2204",
    language="English",
)


def counts() -> tuple[int, ...]:
    with db.read() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(table)) or 0
            for table in (Client, FundingPackage, ApprovedService, Requirement, AuditEvent)
        )


def id_of(model: type, **where: str) -> int:
    with db.read() as session:
        column = next(iter(where))
        found = session.scalar(select(model.id).where(getattr(model, column) == where[column]))  # type: ignore[attr-defined]
        assert found is not None
        return int(found)


def funded(actor: Actor) -> int:
    client_id = clients.create(actor, NEW_CLIENT)
    record = clients.add_package(
        actor,
        client_id,
        program_id=id_of(Program, code="HCP"),
        level="Level 3",
        starts_on="1/7/2026",
        ends_on="30/6/2027",
        budget="45,000.00",
    )
    clients.approve_service(
        actor,
        client_id,
        package_id=record.packages[0].package_id,
        service_id=id_of(Service, code="personal_care"),
        amount="6",
        period="week",
    )
    return client_id


def providers(personas: Personas, client_id: int) -> set[int]:
    item = next(i for i in catalogue.catalogue(personas.admin, client_id) if i.name == "Personal care")
    wanted = Wanted(client_id, item.approved_service_id, date(2026, 12, 7), time(9, 0), 60)
    return {p.provider.worker_id for p in requests.providers(personas.admin, wanted).providers}


def test_a_new_funded_client_can_book_and_a_must_have_narrows_the_workers(personas: Personas) -> None:
    manager = personas.case_manager
    client_id = funded(manager)
    record = clients.record(manager, client_id)
    assert record.name == "Joan Baker"
    assert record.carers == ()
    assert record.home_located != GeocodeStatus.NOT_FOUND
    assert [p.reference for p in record.packages] == ["C90001-P1"]
    assert [(a.service, a.amount) for a in record.approved] == [("Personal care", "6 hours a week")]
    everyone = providers(personas, client_id)
    assert everyone
    hoist = id_of(Competency, code="hoist_transfer")
    record = clients.add_requirement(manager, client_id, item=f"competency:{hoist}", mandatory=True)
    assert [(r.what, r.mandatory, r.service) for r in record.requirements] == [("Hoist transfer", True, "")]
    fewer = providers(personas, client_id)
    assert fewer < everyone
    clients.remove_requirement(manager, client_id, record.requirements[0].requirement_id)
    assert providers(personas, client_id) == everyone


BAD = [
    ("client_number", "", "Please enter the client number."),
    ("last_name", " ", "Please enter the last name."),
    ("gender", "", "Please choose a gender"),
    ("date_of_birth", "3/5/41", "is not a date"),
    ("home_phone", "123", "is not"),
    ("email", "joan at example", "is not an e-mail address"),
    ("postcode", "4000", "is not in NSW"),
    ("language", "", "Please enter the language."),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD)
def test_bad_details_are_named_and_write_nothing(
    personas: Personas, field: str, value: str, message: str
) -> None:
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        clients.create(personas.admin, replace(NEW_CLIENT, **{field: value}))
    assert message in refused.value.fields[field]
    assert counts() == before


def test_bad_packages_services_and_requirements_write_nothing(personas: Personas) -> None:
    admin = personas.admin
    client_id = funded(admin)
    package = clients.record(admin, client_id).packages[0].package_id
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        clients.add_package(
            admin, client_id, program_id=None, level="", starts_on="1/7/2027", ends_on="1/6/2027", budget="-1"
        )
    assert set(refused.value.fields) == {"program", "level", "ends_on", "budget"}
    with pytest.raises(InvalidInput) as refused:
        clients.approve_service(
            admin, client_id, package_id=package, service_id=None, amount="0", period="fortnight"
        )
    assert set(refused.value.fields) == {"service", "amount", "period"}
    with pytest.raises(InvalidInput) as refused:
        clients.approve_service(
            admin,
            client_id,
            package_id=package,
            service_id=id_of(Service, code="personal_care"),
            amount="2",
            period="week",
        )
    assert refused.value.fields == {"service": "That service is already approved under this package."}
    other_package = clients.record(admin, personas.client.client_id).packages[0].package_id
    with pytest.raises(InvalidInput) as refused:
        clients.approve_service(
            admin,
            client_id,
            package_id=other_package,
            service_id=id_of(Service, code="domestic"),
            amount="2",
            period="week",
        )
    assert refused.value.fields == {"package": "That package is not this client's."}
    with pytest.raises(InvalidInput):
        clients.add_requirement(admin, client_id, item="nothing", mandatory=True)
    with pytest.raises(InvalidInput):
        clients.add_requirement(admin, client_id, item="competency:999999", mandatory=True)
    assert counts() == before


def test_only_administrators_and_case_managers_may_see_or_change_clients(personas: Personas) -> None:
    client_id = funded(personas.admin)
    before = counts()
    attempts: list[Callable[[Actor], object]] = [
        clients.find,
        clients.choices,
        lambda who: clients.record(who, client_id),
        lambda who: clients.create(who, replace(NEW_CLIENT, client_number="C90002")),
        lambda who: clients.update(who, client_id, NEW_CLIENT),
        lambda who: clients.add_requirement(who, client_id, item="competency:1", mandatory=True),
    ]
    for outsider in (personas.client, personas.carer, personas.worker, personas.roster):
        for attempt in attempts:
            with pytest.raises(NotAllowed):
                attempt(outsider)
    assert counts() == before


def test_the_record_lists_the_carers_who_act_for_the_client(personas: Personas) -> None:
    thanh = clients.record(personas.case_manager, personas.cared_for("Thanh"))
    assert [carer.name for carer in thanh.carers] == ["Daniel Nguyen"]
    assert thanh.carers[0].who.startswith("Daniel Nguyen (Son)")


def test_a_package_keeps_its_contribution_and_ndis_categories_and_a_service_its_own_rate(
    personas: Personas,
) -> None:
    manager = personas.case_manager
    client_id = clients.create(manager, NEW_CLIENT)
    record = clients.add_package(
        manager,
        client_id,
        program_id=id_of(Program, code="NDIS"),
        level="NDIS plan",
        starts_on="1/7/2026",
        ends_on="30/6/2027",
        budget="30,000",
        contribution="0",
        categories={"core": "20,000", "capacity_building": "8,500.50", "capital": ""},
    )
    package = record.packages[0]
    assert package.categories == "Core $20,000.00; Capacity Building $8,500.50"
    record = clients.approve_service(
        manager,
        client_id,
        package_id=package.package_id,
        service_id=id_of(Service, code="personal_care"),
        amount="4",
        period="week",
        rate="65.47",
    )
    assert record.approved[0].rate == "$65.47"
    with db.read() as session:
        assert (
            session.scalar(
                select(ApprovedService.rate_cents).where(ApprovedService.package_id == package.package_id)
            )
            == 6547
        )
    # The negotiated rate is what the client is charged, at every hour.
    item = next(i for i in catalogue.catalogue(manager, client_id) if i.name == "Personal care")
    assert "$65.47" in item.price_words
    hcp = clients.add_package(
        manager,
        client_id,
        program_id=id_of(Program, code="HCP"),
        level="Level 2",
        starts_on="1/7/2026",
        ends_on="30/6/2027",
        budget="16,000",
        contribution="17",
    )
    assert [p.contribution_pct for p in hcp.packages] == [0, 17]


@pytest.mark.parametrize(
    ("program", "extra", "field", "message"),
    [
        ("HCP", {"contribution": "101"}, "contribution", "from 0 to 100"),
        ("HCP", {"contribution": "ten"}, "contribution", "whole number"),
        ("NDIS", {"categories": {"core": "lots"}}, "category_core", "in dollars"),
        ("NDIS", {"categories": {"capital": "-5"}}, "category_capital", "from 0 to"),
        ("NDIS", {"categories": {"core": "40,000"}}, "category_core", "add up to more than the budget"),
        ("HCP", {"categories": {"core": "1,000"}}, "category_core", "for an NDIS plan only"),
    ],
)
def test_bad_contributions_and_categories_are_named_and_write_nothing(
    personas: Personas, program: str, extra: dict, field: str, message: str
) -> None:
    admin = personas.admin
    client_id = clients.create(admin, NEW_CLIENT)
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        clients.add_package(
            admin,
            client_id,
            program_id=id_of(Program, code=program),
            level="Level 1",
            starts_on="1/7/2026",
            ends_on="30/6/2027",
            budget="30,000",
            **extra,
        )
    assert message in refused.value.fields[field]
    assert counts() == before


def test_a_bad_negotiated_rate_is_named_and_writes_nothing(personas: Personas) -> None:
    admin = personas.admin
    client_id = clients.create(admin, NEW_CLIENT)
    package = clients.add_package(
        admin,
        client_id,
        program_id=id_of(Program, code="HCP"),
        level="Level 1",
        starts_on="1/7/2026",
        ends_on="30/6/2027",
        budget="10,000",
    ).packages[0]
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        clients.approve_service(
            admin,
            client_id,
            package_id=package.package_id,
            service_id=id_of(Service, code="personal_care"),
            amount="3",
            period="week",
            rate="12.345",
        )
    assert refused.value.fields == {"rate": refused.value.fields["rate"]}
    assert "to the cent" in refused.value.fields["rate"]
    assert counts() == before


def test_staff_see_which_language_the_client_and_each_carer_read(personas: Personas) -> None:
    margaret = clients.record(personas.case_manager, personas.client.client_id)
    assert (margaret.has_account, margaret.reads_in) == (True, "English")
    reading_language.choose(personas.client, "vi")
    reading_language.choose(personas.carer, "ar")
    margaret = clients.record(personas.case_manager, personas.client.client_id)
    assert margaret.reads_in == "Vietnamese"
    thanh = clients.record(personas.case_manager, personas.cared_for("Thanh"))
    assert thanh.carers[0].who == "Daniel Nguyen (Son), daniel@example.com, reads Arabic"
