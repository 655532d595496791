"""Retiring competencies and characteristics, and changing a requirement in place, on both
databases: a retired competency stays on the workers who hold it and in the requirements that
already name it (they keep applying in matching), but nobody newly gets it, requires it or wishes
for it; offering it again undoes that. Bad input is named at its field and writes nothing; only
administrators (and, for a client's requirements, case managers) may."""

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from domain.accounts.access import Actor
from domain.backoffice import catalogue, clients, workers
from domain.backoffice.workers import CompetencyEntry
from domain.booking import preferences
from domain.errors import InvalidInput, NotAllowed, NotFound
from domain.matching import Wish
from storage import db
from storage.models import AuditEvent, Characteristic, Competency, Requirement, WorkerCompetency
from tests.backoffice.test_workers import competency_id, counts, offered, ready_worker, stamp
from tests.support.personas import Personas


def every_row() -> tuple[int, ...]:
    tables = (Competency, Characteristic, Requirement, WorkerCompetency, AuditEvent)
    with db.read() as session:
        return (
            *counts(),
            *(session.scalar(select(func.count()).select_from(table)) or 0 for table in tables),
        )


def spinal_care(admin: Actor) -> int:
    view = catalogue.add_competency(
        admin, code="spinal_care", name="Spinal cord care", kind="skill", glyph="accessible", expires=False
    )
    return next(c.item_id for c in view.competencies if c.name == "Spinal cord care")


def trail(entity: str, entity_id: int) -> list[str]:
    with db.read() as session:
        return list(
            session.scalars(
                select(AuditEvent.detail).where(
                    AuditEvent.entity == entity, AuditEvent.entity_id == entity_id
                )
            )
        )


def test_a_retired_competency_keeps_applying_where_required_but_is_no_longer_offered(
    personas: Personas,
) -> None:
    admin, aisha = personas.admin, personas.worker.worker_id
    spinal = spinal_care(admin)
    priya = ready_worker(admin)
    workers.set_competencies(
        admin,
        priya,
        [
            CompetencyEntry(competency_id("police_check"), True, "30/6/2028"),
            CompetencyEntry(spinal, True, ""),
        ],
    )
    catalogue.add_rule(admin, item=f"competency:{spinal}", mandatory=True)
    assert offered(personas, priya)
    assert not offered(personas, aisha)
    before = stamp()

    view = catalogue.set_offered(admin, item=f"competency:{spinal}", offered=False)

    assert not next(c for c in view.competencies if c.item_id == spinal).active
    assert stamp() > before  # matching reloads the workforce at once
    assert "retired" in trail("competency", spinal)
    # The requirement that names it keeps applying until staff remove it.
    assert offered(personas, priya)
    assert not offered(personas, aisha)
    assert any(r.what == "Spinal cord care" for r in view.rules)
    # Kept on the worker who holds it; never newly given, required or wished for.
    kept = next(c for c in workers.record(admin, priya).competencies if c.competency_id == spinal)
    assert kept.held
    assert spinal not in {c.competency_id for c in workers.record(admin, aisha).competencies}
    assert f"competency:{spinal}" not in clients.choices(admin).items
    assert f"competency:{spinal}" not in {o.key for o in preferences.options(personas.client)}
    rows = every_row()
    with pytest.raises(InvalidInput) as refused:
        workers.set_competencies(admin, aisha, [CompetencyEntry(spinal, True, "")])
    assert refused.value.fields == {
        f"competency_{spinal}": "Spinal cord care is retired: it can no longer be given to a worker."
    }
    with pytest.raises(InvalidInput) as refused:
        catalogue.add_rule(admin, item=f"competency:{spinal}", mandatory=False)
    assert refused.value.fields == {"rule_item": "Spinal cord care is retired: offer it again to require it."}
    with pytest.raises(InvalidInput) as refused:
        clients.add_requirement(admin, personas.client.client_id, item=f"competency:{spinal}", mandatory=True)
    assert refused.value.fields == {"item": "That is no longer offered in the catalogue."}
    with pytest.raises(InvalidInput):
        preferences.save_default(personas.client, personas.client.client_id, [Wish(spinal, None, False, 3)])
    assert every_row() == rows

    catalogue.set_offered(admin, item=f"competency:{spinal}", offered=True)
    workers.set_competencies(admin, aisha, [CompetencyEntry(spinal, True, "")])
    assert "offered again" in trail("competency", spinal)


def test_a_retired_characteristic_stays_on_its_workers_and_is_not_newly_given(personas: Personas) -> None:
    admin, aisha = personas.admin, personas.worker.worker_id
    view = catalogue.add_characteristic(admin, name="Auslan", kind="language", glyph="sign_language")
    auslan = next(c.item_id for c in view.characteristics if c.name == "Auslan")
    priya = ready_worker(admin)
    workers.set_characteristics(admin, priya, [auslan])
    view = catalogue.set_offered(admin, item=f"characteristic:{auslan}", offered=False)
    assert not next(c for c in view.characteristics if c.item_id == auslan).active
    assert auslan in workers.record(admin, priya).has
    assert auslan in {c.id for c in workers.record(admin, priya).characteristics}
    workers.set_characteristics(admin, priya, [auslan])  # kept when saved again
    assert auslan not in {c.id for c in workers.record(admin, aisha).characteristics}
    rows = every_row()
    with pytest.raises(InvalidInput) as refused:
        workers.set_characteristics(admin, aisha, [auslan])
    assert refused.value.fields == {
        "characteristics": "Auslan is retired: it can no longer be given to a worker."
    }
    assert every_row() == rows


def test_a_requirement_is_made_a_must_or_a_nice_to_have_in_place(personas: Personas) -> None:
    admin, margaret = personas.admin, personas.client.client_id
    spinal = spinal_care(admin)
    view = catalogue.add_rule(admin, item=f"competency:{spinal}", mandatory=True)
    rule = next(r for r in view.rules if r.what == "Spinal cord care")
    everyone_but_none = offered(personas, personas.worker.worker_id)
    assert not everyone_but_none  # nobody holds it: a must leaves nobody
    view = catalogue.update_rule(admin, rule.requirement_id, mandatory=False, weight="4")
    changed = next(r for r in view.rules if r.requirement_id == rule.requirement_id)
    assert (changed.mandatory, changed.weight) == (False, 4)
    assert offered(personas, personas.worker.worker_id)  # a nice-to-have only ranks
    assert "nice to have, weight 4" in trail("requirement", rule.requirement_id)

    record = clients.add_requirement(admin, margaret, item=f"competency:{spinal}", mandatory=False)
    line = next(r for r in record.requirements if r.what == "Spinal cord care")
    record = clients.set_requirement_mandatory(
        personas.case_manager, margaret, line.requirement_id, mandatory=True
    )
    assert next(r for r in record.requirements if r.requirement_id == line.requirement_id).mandatory
    assert not offered(personas, personas.worker.worker_id)

    rows = every_row()
    with pytest.raises(InvalidInput) as refused:
        catalogue.update_rule(admin, rule.requirement_id, mandatory=False, weight="11")
    assert refused.value.fields == {
        f"rule_weight_{rule.requirement_id}": "Please enter the weight as a whole number from 1 to 10."
    }
    with pytest.raises(NotFound):
        clients.set_requirement_mandatory(
            admin, personas.other_client.client_id, line.requirement_id, mandatory=False
        )
    attempts: list[Callable[[Actor], object]] = [
        lambda who: catalogue.update_rule(who, rule.requirement_id, mandatory=True),
        lambda who: catalogue.set_offered(who, item=f"competency:{spinal}", offered=False),
    ]
    for outsider in (
        personas.client,
        personas.carer,
        personas.worker,
        personas.roster,
        personas.case_manager,
    ):
        for attempt in attempts:
            with pytest.raises(NotAllowed):
                attempt(outsider)
    for outsider in (personas.client, personas.worker, personas.roster):
        with pytest.raises(NotAllowed):
            clients.set_requirement_mandatory(outsider, margaret, line.requirement_id, mandatory=False)
    assert every_row() == rows
