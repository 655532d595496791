"""Blocking and unblocking workers (from a past visit or a provider card), and the agency's
requirements shown level by level (issue 18 items 1 and 2). Both databases; bad input changes
nothing."""

from datetime import date

import pytest
from sqlalchemy import select

from domain.booking import agency_requirements, blocking, requests
from domain.errors import DomainError, InvalidInput, NotAllowed
from domain.vocabulary import ClientWorkerRelation, RequirementLevel
from storage import db
from storage.models import (
    ApprovedService,
    AuditEvent,
    Characteristic,
    ClientWorker,
    FundingPackage,
    Requirement,
    Service,
)
from tests.booking.support import wanted
from tests.support.personas import Personas

THURSDAY = date(2026, 12, 3)  # Aisha, Margaret's only past worker, is free at 10 am


def relations(client_id: int) -> dict[int, ClientWorkerRelation]:
    with db.read() as session:
        rows = session.scalars(select(ClientWorker).where(ClientWorker.client_id == client_id))
        return {row.worker_id: row.relation for row in rows}


def listed(personas: Personas) -> set[int]:
    found = requests.providers(personas.client, wanted(personas.client.client_id, first_date=THURSDAY))
    return {p.provider.worker_id for p in found.providers}


def a_past_worker_who_is_listed(personas: Personas) -> int:
    """A worker of one of Margaret's past visits who can do the request (Aisha, her preferred one)."""
    can = listed(personas)
    past = blocking.past_workers(personas.client, personas.client.client_id)
    return next(w.worker_id for w in past if w.worker_id in can)


def test_the_past_workers_are_the_most_recent_first(personas: Personas) -> None:
    past = blocking.past_workers(personas.client, personas.client.client_id)
    assert past
    assert [w.last_visit for w in past] == sorted((w.last_visit for w in past), reverse=True)
    assert "Aisha Rahman" in {w.name for w in past}  # her preferred worker has visited


def test_a_blocked_worker_leaves_the_provider_list_and_unblocking_brings_them_back(
    personas: Personas,
) -> None:
    margaret = personas.client.client_id
    worker_id = a_past_worker_who_is_listed(personas)
    name = blocking.block(personas.client, margaret, worker_id, "  Rushed   every visit ")
    assert relations(margaret)[worker_id] == ClientWorkerRelation.BLOCKED
    assert worker_id not in listed(personas)
    [past] = [w for w in blocking.past_workers(personas.client, margaret) if w.worker_id == worker_id]
    assert past.relation == ClientWorkerRelation.BLOCKED
    assert blocking.unblock(personas.client, margaret, worker_id) == name
    assert worker_id not in relations(margaret)
    assert worker_id in listed(personas)
    with db.read() as session:
        what = list(session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == margaret)))
    assert {"block_worker", "unblock_worker"} <= set(what)


def test_blocking_a_preferred_worker_replaces_the_preference(personas: Personas) -> None:
    margaret, aisha = personas.client.client_id, personas.worker.worker_id
    assert relations(margaret)[aisha] == ClientWorkerRelation.PREFERRED
    blocking.block(personas.carer, personas.cared_for("Thanh"), aisha)  # someone else's: untouched
    blocking.block(personas.client, margaret, aisha)
    assert relations(margaret)[aisha] == ClientWorkerRelation.BLOCKED


def test_bad_input_is_refused_and_changes_nothing(personas: Personas) -> None:
    margaret = personas.client.client_id
    before = relations(margaret)
    with pytest.raises(InvalidInput) as unknown:
        blocking.block(personas.client, margaret, 999_999)
    assert unknown.value.fields == {"worker": "That worker is not one we know about."}
    with pytest.raises(InvalidInput, match="under 200 characters"):
        blocking.block(personas.client, margaret, personas.other_worker.worker_id, "x" * 201)
    with pytest.raises(DomainError, match="is not blocked"):
        blocking.unblock(personas.client, margaret, personas.other_worker.worker_id)
    with pytest.raises(DomainError, match="is not blocked"):
        blocking.unblock(personas.client, margaret, personas.worker.worker_id)  # preferred, not blocked
    with pytest.raises(NotAllowed):
        blocking.block(personas.other_client, margaret, personas.other_worker.worker_id)
    with pytest.raises(NotAllowed):
        blocking.block(personas.worker, margaret, personas.other_worker.worker_id)
    with pytest.raises(NotAllowed):
        blocking.past_workers(personas.other_client, margaret)
    assert relations(margaret) == before


def test_the_agency_requirements_are_listed_level_by_level(personas: Personas) -> None:
    margaret = personas.client.client_id
    with db.write() as session:
        names = list(session.scalars(select(Characteristic.name).order_by(Characteristic.id).limit(4)))
        ids = list(session.scalars(select(Characteristic.id).order_by(Characteristic.id).limit(4)))
        program = session.scalar(
            select(FundingPackage.program_id).where(
                FundingPackage.client_id == margaret, FundingPackage.active
            )
        )
        service_id, service = session.execute(
            select(Service.id, Service.name)
            .join(ApprovedService, ApprovedService.service_id == Service.id)
            .join(FundingPackage, FundingPackage.id == ApprovedService.package_id)
            .where(FundingPackage.client_id == margaret, FundingPackage.active)
            .order_by(Service.id)
        ).first()
        other_client = personas.other_client.client_id
        session.add_all(
            [
                Requirement(
                    level=RequirementLevel.GLOBAL, characteristic_id=ids[0], mandatory=True, weight=1
                ),
                Requirement(
                    level=RequirementLevel.PROGRAM,
                    program_id=program,
                    characteristic_id=ids[1],
                    mandatory=False,
                    weight=2,
                ),
                Requirement(
                    level=RequirementLevel.CLIENT,
                    client_id=margaret,
                    characteristic_id=ids[2],
                    mandatory=True,
                ),
                Requirement(
                    level=RequirementLevel.CLIENT_SERVICE,
                    client_id=margaret,
                    service_id=service_id,
                    characteristic_id=ids[3],
                    mandatory=False,
                    weight=1,
                ),
                Requirement(  # someone else's: never shown to Margaret
                    level=RequirementLevel.CLIENT,
                    client_id=other_client,
                    characteristic_id=ids[3],
                    mandatory=True,
                ),
            ]
        )
    found = agency_requirements.agency_requirements(personas.client, margaret)
    by_level = {level.level: level for level in found.levels}
    assert set(by_level) == {
        RequirementLevel.GLOBAL,
        RequirementLevel.PROGRAM,
        RequirementLevel.CLIENT,
        RequirementLevel.CLIENT_SERVICE,
    }
    assert (names[0], True) in {(n.name, n.mandatory) for n in by_level[RequirementLevel.GLOBAL].needs}
    assert (names[1], False, 2) in {
        (n.name, n.mandatory, n.weight) for n in by_level[RequirementLevel.PROGRAM].needs
    }
    assert (names[2], True) in {(n.name, n.mandatory) for n in by_level[RequirementLevel.CLIENT].needs}
    [for_service] = [level for level in found.levels if level.service_id == service_id]
    assert for_service.level == RequirementLevel.CLIENT_SERVICE
    assert for_service.title == f"For {service}"
    assert names[3] in {n.name for n in for_service.needs}
    assert found.for_service(service_id) == tuple(
        level for level in found.levels if level.service_id in (None, service_id)
    )
    with pytest.raises(NotAllowed):
        agency_requirements.agency_requirements(personas.other_client, margaret)
