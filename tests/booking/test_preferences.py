"""The client's preferences: read with names, saved as the new default at once (and audited), or
checked for one booking only; bad input changes nothing. Both databases."""

from collections.abc import Callable

import pytest
from sqlalchemy import select

from domain.booking import preferences
from domain.errors import InvalidInput, NotAllowed
from domain.matching import Wish
from domain.vocabulary import ClientWorkerRelation
from storage import db
from storage.models import AuditEvent, ClientWorker
from tests.support.personas import Personas
from tests.support.records import preference_rows


def option(personas: Personas, name: str) -> preferences.Option:
    return next(o for o in preferences.options(personas.client) if o.name == name)


def test_saved_preferences_come_with_names_and_the_preferred_and_blocked_workers(personas: Personas) -> None:
    margaret = personas.client.client_id
    with db.write() as session:
        session.add(
            ClientWorker(
                client_id=margaret,
                worker_id=personas.other_worker.worker_id,
                relation=ClientWorkerRelation.BLOCKED,
            )
        )
    saved = preferences.saved(personas.client, margaret)
    assert [(w.competency_id, w.characteristic_id, w.mandatory, w.weight) for w in saved.as_wishes] == (
        preference_rows(margaret)
    )
    assert [p.name for p in saved.preferred] == ["Aisha Rahman"]
    assert [p.name for p in saved.blocked] == ["Ben Carter"]


def test_the_options_name_every_competency_and_characteristic_by_group(personas: Personas) -> None:
    groups = {o.group for o in preferences.options(personas.client)}
    assert {"Gender", "Language", "Other", "Clearance", "Skill"} <= groups


def test_saving_as_the_default_replaces_the_preferences_at_once_and_is_audited(personas: Personas) -> None:
    margaret = personas.client.client_id
    smoker = option(personas, "Non-smoker")
    hoist = option(personas, "Hoist transfer")
    wishes = [Wish(None, smoker.characteristic_id, True, 2), Wish(hoist.competency_id, None, False, 3)]
    saved = preferences.save_default(personas.client, margaret, wishes)
    assert preference_rows(margaret) == [
        (None, smoker.characteristic_id, True, 2),
        (hoist.competency_id, None, False, 3),
    ]
    assert {w.name for w in saved.wishes} == {"Non-smoker", "Hoist transfer"}
    with db.read() as session:
        audit = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert audit.entity_id == margaret
    assert audit.detail.startswith("preferences:")


def test_for_this_booking_checks_the_wishes_and_saves_nothing(personas: Personas) -> None:
    margaret = personas.client.client_id
    before = preference_rows(margaret)
    smoker = option(personas, "Non-smoker")
    kept = preferences.for_this_booking(
        personas.client, margaret, [Wish(None, smoker.characteristic_id, True)]
    )
    assert kept == (Wish(None, smoker.characteristic_id, True),)
    assert preference_rows(margaret) == before


@pytest.mark.parametrize(
    ("wishes", "message"),
    [
        (lambda skill, quality: [Wish(None, None, True)], "one skill or one quality"),
        (lambda skill, quality: [Wish(skill, quality, True)], "one skill or one quality"),
        (lambda skill, quality: [Wish(None, 99_999, True)], "not something we know about"),
        (lambda skill, quality: [Wish(skill, None, True), Wish(skill, None, False)], "only once"),
        (lambda skill, quality: [Wish(skill, None, False, 11)], "from 1 to 10"),
    ],
    ids=["neither", "both", "unknown", "twice", "weighs 11"],
)
def test_bad_preferences_are_refused_and_change_nothing(
    personas: Personas, wishes: Callable[[int | None, int | None], list[Wish]], message: str
) -> None:
    margaret = personas.client.client_id
    skill, quality = (
        option(personas, "Hoist transfer").competency_id,
        option(personas, "Non-smoker").characteristic_id,
    )
    before = preference_rows(margaret)
    with pytest.raises(InvalidInput, match=message):
        preferences.save_default(personas.client, margaret, wishes(skill, quality))
    assert preference_rows(margaret) == before


def test_another_client_and_a_worker_cannot_read_or_change_them(personas: Personas) -> None:
    margaret = personas.client.client_id
    before = preference_rows(margaret)
    for outsider in (personas.other_client, personas.worker):
        with pytest.raises(NotAllowed):
            preferences.saved(outsider, margaret)
        with pytest.raises(NotAllowed):
            preferences.save_default(outsider, margaret, [])
    assert preference_rows(margaret) == before
