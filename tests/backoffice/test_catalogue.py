"""The catalogue and rules in the back office, on both databases: an administrator changes a
service, adds competencies, characteristics, requirements and groups, and hides a review (it leaves
the reviews page and the provider card's count at once); bad input is named at its field and writes
nothing; nobody else may."""

import io
from collections.abc import Callable
from datetime import date, time

import pytest
from PIL import Image
from sqlalchemy import func, select

from domain.accounts.access import Actor
from domain.backoffice import catalogue
from domain.booking import catalogue as booking_catalogue
from domain.booking import requests
from domain.booking.wanted import Wanted
from domain.errors import InvalidInput, NotAllowed
from domain.workers import reviews
from storage import db
from storage.models import (
    AuditEvent,
    Characteristic,
    Competency,
    MarketingGroup,
    MediaFile,
    Program,
    Requirement,
    Review,
    Service,
)
from tests.support.personas import Personas


def counts() -> tuple[int, ...]:
    tables = (Program, Service, Competency, Characteristic, Requirement, MarketingGroup, AuditEvent)
    with db.read() as session:
        rows = [session.scalar(select(func.count()).select_from(table)) or 0 for table in tables]
        hidden = select(func.count()).select_from(Review).where(Review.hidden_at.is_not(None))
        return (*rows, session.scalar(hidden) or 0)


def card_of(personas: Personas, worker_id: int) -> int:
    """The review count on the worker's provider card for Margaret's Monday visit."""
    margaret = personas.client
    item = next(
        i for i in booking_catalogue.catalogue(margaret, margaret.client_id) if i.name == "Personal care"
    )
    wanted = Wanted(margaret.client_id, item.approved_service_id, date(2026, 12, 7), time(9, 0), 60)
    found = requests.providers(margaret, wanted)
    return next(p.provider.review_count for p in found.providers if p.provider.worker_id == worker_id)


def test_a_hidden_review_leaves_the_reviews_page_and_the_card(personas: Personas) -> None:
    admin, aisha = personas.admin, personas.worker.worker_id
    before_card = card_of(personas, aisha)
    before = reviews.reviews(personas.client, aisha)
    assert before_card >= 1
    review_id = next(r.review_id for r in catalogue.view(admin).reviews if r.worker == "Aisha Rahman")
    shown = catalogue.hide_review(admin, review_id, "Names another client")
    assert next(r.hidden_reason for r in shown.reviews if r.review_id == review_id) == "Names another client"
    assert card_of(personas, aisha) == before_card - 1
    assert reviews.reviews(personas.client, aisha).review_count == before.review_count - 1
    catalogue.show_review(admin, review_id)
    assert card_of(personas, aisha) == before_card


def test_a_global_must_have_narrows_the_workers_and_its_removal_restores_them(personas: Personas) -> None:
    admin = personas.admin
    everyone = card_count(personas)
    view = catalogue.add_competency(
        admin, code="spinal_care", name="Spinal cord care", kind="skill", glyph="accessible", expires=False
    )
    added = next(c for c in view.competencies if c.name == "Spinal cord care")
    view = catalogue.add_rule(admin, item=f"competency:{added.item_id}", mandatory=True)
    assert card_count(personas) == 0  # nobody holds it yet
    rule = next(r for r in view.rules if r.what == "Spinal cord care")
    assert rule.scope == "Every visit"
    catalogue.remove_rule(admin, rule.requirement_id)
    assert card_count(personas) == everyone


def card_count(personas: Personas) -> int:
    margaret = personas.client
    item = next(
        i for i in booking_catalogue.catalogue(margaret, margaret.client_id) if i.name == "Personal care"
    )
    wanted = Wanted(margaret.client_id, item.approved_service_id, date(2026, 12, 7), time(9, 0), 60)
    return len(requests.providers(margaret, wanted).providers)


def test_a_service_characteristic_group_and_program_are_saved(personas: Personas) -> None:
    admin = personas.admin
    service = next(s for s in catalogue.view(admin).services if s.name == "Personal care")
    view = catalogue.update_service(
        admin,
        service.service_id,
        name="Personal care",
        glyph="shower",
        description="Help with showering and dressing.",
        unit="hour",
        default_duration_minutes="90",
    )
    changed = next(s for s in view.services if s.service_id == service.service_id)
    assert (changed.glyph, changed.default_duration_minutes) == ("shower", 90)
    view = catalogue.add_characteristic(admin, name="Auslan", kind="language", glyph="sign_language")
    assert any(c.name == "Auslan" for c in view.characteristics)
    view = catalogue.add_group(admin, "Seniors' newsletter")
    assert any(g.name == "Seniors' newsletter" for g in view.groups)
    view = catalogue.add_program(admin, code="DVA", name="Veterans' Home Care", kind="private")
    assert any(p.code == "DVA" for p in view.programs)


def test_bad_input_is_named_at_its_field_and_writes_nothing(personas: Personas) -> None:
    admin = personas.admin
    service = catalogue.view(admin).services[0]
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        catalogue.update_service(
            admin,
            service.service_id,
            name="",
            glyph="Not An Icon",
            description="",
            unit="day",
            default_duration_minutes="5",
        )
    assert set(refused.value.fields) == {"name", "glyph", "unit", "default_duration_minutes"}
    with pytest.raises(InvalidInput) as refused:
        catalogue.add_competency(
            admin, code="police_check", name="Again", kind="clearance", glyph="badge", expires=True
        )
    assert refused.value.fields == {"competency_code": "Code police_check is already taken."}
    with pytest.raises(InvalidInput) as refused:
        catalogue.add_competency(admin, code="a b", name="", kind="", glyph="", expires=True)
    assert set(refused.value.fields) == {
        "competency_code",
        "competency_name",
        "competency_kind",
        "competency_glyph",
    }
    with pytest.raises(InvalidInput) as refused:
        catalogue.add_characteristic(admin, name="", kind="gender", glyph="x")
    assert set(refused.value.fields) == {"characteristic_name", "characteristic_kind", "characteristic_glyph"}
    with pytest.raises(InvalidInput) as refused:
        catalogue.add_rule(admin, item="", mandatory=False, weight="11")
    assert set(refused.value.fields) == {"rule_item", "rule_weight"}
    with pytest.raises(InvalidInput) as refused:
        catalogue.add_group(admin, "   ")
    assert refused.value.fields == {"group_name": "Please enter the group's name."}
    review_id = catalogue.view(admin).reviews[0].review_id
    with pytest.raises(InvalidInput) as refused:
        catalogue.hide_review(admin, review_id, "")
    assert refused.value.fields == {f"reason_{review_id}": "Please enter the reason."}
    with pytest.raises(InvalidInput) as refused:
        catalogue.add_program(admin, code="HCP", name="Again", kind="hcp")
    assert refused.value.fields == {"program_code": "Code HCP is already taken."}
    assert counts() == before


def test_only_administrators_may_change_the_catalogue(personas: Personas) -> None:
    review_id = catalogue.view(personas.admin).reviews[0].review_id
    before = counts()
    attempts: list[Callable[[Actor], object]] = [
        catalogue.view,
        lambda who: catalogue.add_group(who, "Sneaky"),
        lambda who: catalogue.hide_review(who, review_id, "I do not like it"),
        lambda who: catalogue.add_rule(who, item="competency:1", mandatory=True),
        lambda who: catalogue.add_program(who, code="X1", name="X", kind="private"),
        lambda who: catalogue.set_offered(who, item="service:1", offered=False),
        lambda who: catalogue.update_program(who, 1, name="X", kind="private"),
        lambda who: catalogue.rename_group(who, 1, "X"),
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
    assert counts() == before


def offered_services(personas: Personas) -> set[str]:
    margaret = personas.client
    return {i.name for i in booking_catalogue.catalogue(margaret, margaret.client_id)}


def test_a_retired_service_is_no_longer_offered_but_stays_on_past_visits(personas: Personas) -> None:
    admin = personas.admin
    assert "Personal care" in offered_services(personas)
    service = next(s for s in catalogue.view(admin).services if s.name == "Personal care")
    view = catalogue.set_offered(admin, item=f"service:{service.service_id}", offered=False)
    assert not next(s for s in view.services if s.service_id == service.service_id).active
    assert "Personal care" not in offered_services(personas)
    with db.read() as session:
        # Past visits keep their service, by id, with its name.
        kept = session.get(Service, service.service_id)
        assert kept is not None
        assert kept.name == "Personal care"
        trail = session.scalars(
            select(AuditEvent.detail).where(
                AuditEvent.entity == "service", AuditEvent.entity_id == service.service_id
            )
        ).all()
    assert "retired" in trail
    catalogue.set_offered(admin, item=f"service:{service.service_id}", offered=True)
    assert "Personal care" in offered_services(personas)


def test_a_program_is_renamed_and_retired(personas: Personas) -> None:
    admin = personas.admin
    program = catalogue.view(admin).programs[0]
    view = catalogue.update_program(admin, program.program_id, name="Home Care (renamed)", kind=program.kind)
    assert next(p for p in view.programs if p.program_id == program.program_id).name == "Home Care (renamed)"
    view = catalogue.set_offered(admin, item=f"program:{program.program_id}", offered=False)
    assert not next(p for p in view.programs if p.program_id == program.program_id).active
    with db.read() as session:
        kept = session.get(Program, program.program_id)
        assert kept is not None
        assert not kept.active


def test_a_group_is_renamed(personas: Personas) -> None:
    admin = personas.admin
    view = catalogue.add_group(admin, "Knitting circle")
    group = next(g for g in view.groups if g.name == "Knitting circle")
    view = catalogue.rename_group(admin, group.group_id, "Knitting and tea")
    assert "Knitting and tea" in {g.name for g in view.groups}


def test_bad_edits_and_retirements_are_named_and_write_nothing(personas: Personas) -> None:
    admin = personas.admin
    program = catalogue.view(admin).programs[0]
    view = catalogue.add_group(admin, "Knitting circle")
    catalogue.add_group(admin, "Garden club")
    group = next(g for g in view.groups if g.name == "Knitting circle")
    before = counts()
    with pytest.raises(InvalidInput) as refused:
        catalogue.update_program(admin, program.program_id, name=" ", kind="lottery")
    assert refused.value.fields == {
        "edit_program_name": "Please enter the name.",
        "edit_program_kind": "Please choose the kind of funding.",
    }
    with pytest.raises(InvalidInput) as refused:
        catalogue.rename_group(admin, group.group_id, "Garden club")
    assert refused.value.fields == {"edit_group_name": "There is already a group called Garden club."}
    with pytest.raises(InvalidInput) as refused:
        catalogue.set_offered(admin, item="medal:1", offered=False)
    assert refused.value.fields == {"item": "Please choose a program, service, competency or characteristic."}
    assert counts() == before
    assert catalogue.view(admin).programs[0] == program


def test_a_service_picture_is_kept_served_and_removed_and_a_bad_one_keeps_nothing(
    personas: Personas,
) -> None:
    admin = personas.admin
    service = next(s for s in catalogue.view(admin).services if s.name == "Personal care")
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 120, 40)).save(out, format="PNG")
    view = catalogue.set_service_image(admin, service.service_id, out.getvalue())
    image_id = next(s for s in view.services if s.service_id == service.service_id).image_id
    assert image_id is not None
    found = booking_catalogue.service_image(personas.client, service.service_id)
    assert found is not None
    assert found[1] == "image/jpeg"
    before = counts()
    with db.read() as session:
        media_before = session.scalar(select(func.count()).select_from(MediaFile))
    with pytest.raises(InvalidInput) as refused:
        catalogue.set_service_image(admin, service.service_id, b"GIF89a not a photo")
    assert "not a JPEG or PNG photo" in refused.value.fields["service_image"]
    assert counts() == before
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(MediaFile)) == media_before
    view = catalogue.set_service_image(admin, service.service_id, None)
    assert next(s for s in view.services if s.service_id == service.service_id).image_id is None
    assert booking_catalogue.service_image(personas.client, service.service_id) is None
    with pytest.raises(NotAllowed):
        catalogue.set_service_image(personas.roster, service.service_id, None)
