"""/healthz's answer, on SQLite and PostgreSQL: fit to serve once the schema is current and a
scheduler leader holds the lease; the outbox backlog is reported."""

from datetime import timedelta

from sqlalchemy import text

from domain.operations import health
from jobs import leases
from storage import db


def test_without_a_scheduler_leader_the_process_is_not_fit(empty_db: str) -> None:
    found = health.check()
    assert (found.database, found.migrations_current, found.scheduler_leader) == (True, True, None)
    assert not found.ok
    assert found.can_serve  # a proxy keeps sending it requests
    assert found.as_json()["status"] == "unavailable"


def test_with_a_leader_it_is_fit_and_reports_the_backlog(demo_db: str) -> None:
    leases.take_or_renew(health.SCHEDULER_LEASE, "host:1234", timedelta(seconds=30))
    found = health.check()
    assert found.ok, found
    assert found.scheduler_leader == "host:1234"
    assert found.outbox_backlog is not None
    assert found.outbox_backlog >= 0
    assert found.as_json()["status"] == "ok"


def test_a_schema_behind_the_program_is_not_fit(empty_db: str) -> None:
    leases.take_or_renew(health.SCHEDULER_LEASE, "host:1234", timedelta(seconds=30))
    with db.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '0005'"))
    found = health.check()
    assert not found.migrations_current
    assert not found.ok
    assert not found.can_serve
