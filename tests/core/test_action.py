"""One action's context: one transaction, the settings read through it, announcements only after
the commit, and the audit trail written with the action's moment and actor."""

from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from api import errors as api_errors
from domain import action, clock, events
from domain.errors import ChangedMeanwhile, DomainError
from storage import db
from storage.models import AuditEvent
from tests.support.personas import Personas


@pytest.fixture
def heard() -> Iterator[list[events.ShiftChanged]]:
    found: list[events.ShiftChanged] = []
    stop = events.listen(events.ShiftChanged, found.append)
    yield found
    stop()


def test_an_action_announces_its_changes_only_after_it_commits(
    personas: Personas, heard: list[events.ShiftChanged]
) -> None:
    with action.writing(personas.roster) as act:
        act.announce(events.ShiftChanged.of([3, 1, 3], [7], [None, 2]))
        assert heard == []  # still inside the transaction
    assert heard == [events.ShiftChanged((1, 3), (7,), (2,))]


def test_an_action_that_fails_announces_nothing_and_writes_nothing(
    personas: Personas, heard: list[events.ShiftChanged]
) -> None:
    def fail() -> None:
        with action.writing(personas.roster) as act:
            act.audit("test", "shift", 1)
            act.announce(events.ShiftChanged.of([1], [1], [1]))
            raise DomainError("no")

    with pytest.raises(DomainError):
        fail()
    assert heard == []
    with db.read() as session:
        assert session.scalar(select(AuditEvent).where(AuditEvent.action == "test")) is None


def test_the_audit_trail_has_the_actions_moment_and_actor(personas: Personas) -> None:
    with action.writing(personas.roster) as act:
        act.audit("test", "shift", 5, "why")
    with db.read() as session:
        row = session.scalars(select(AuditEvent).where(AuditEvent.action == "test")).one()
    assert (row.account_id, row.entity, row.entity_id, row.detail) == (
        personas.roster.account_id,
        "shift",
        5,
        "why",
    )
    assert row.at == clock.now()


def test_the_settings_and_local_dates_come_through_the_actions_own_session(personas: Personas) -> None:
    with action.reading(personas.client) as act:
        assert act.settings.timezone == "Australia/Sydney"
        assert act.today.isoformat() == "2026-11-27"  # 11:00 on Friday in Sydney
        start, end = act.day_bounds(act.today)
        assert (end - start).total_seconds() == 24 * 3600
        assert act.local(act.now).hour == 11


class Collided(Exception):
    """What the database driver raises when PostgreSQL ends a transaction to break a deadlock."""

    sqlstate = "40P01"


def collision() -> OperationalError:
    return OperationalError("UPDATE offer ...", {}, Collided("deadlock detected"))


def test_a_use_case_the_database_undid_to_break_a_deadlock_runs_again() -> None:
    tries: list[int] = []

    @action.retried
    def accept() -> str:
        tries.append(1)
        if len(tries) < 3:
            raise collision()
        return "accepted"

    assert accept() == "accepted"
    assert len(tries) == 3


def test_a_use_case_that_keeps_colliding_says_it_changed_meanwhile_instead_of_failing() -> None:
    tries: list[int] = []

    @action.retried
    def accept() -> None:
        tries.append(1)
        raise collision()

    with pytest.raises(ChangedMeanwhile, match="changed while you were working on it"):
        accept()
    assert len(tries) == action.ATTEMPTS
    assert api_errors.status_for(ChangedMeanwhile()) == 409


def test_any_other_database_error_is_not_tried_again() -> None:
    tries: list[int] = []

    @action.retried
    def accept() -> None:
        tries.append(1)
        raise OperationalError("SELECT", {}, Exception("the server has gone away"))

    with pytest.raises(OperationalError):
        accept()
    assert len(tries) == 1
