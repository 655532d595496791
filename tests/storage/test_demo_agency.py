"""The demo agency is realistic, complete and the same every time it is seeded."""

import hashlib
import itertools
from datetime import timedelta

import pytest
from PIL import Image
from sqlalchemy import Engine, func, inspect, select, text

from demo import seed_demo
from domain import clock
from domain.accounts import auth, passwords
from domain.vocabulary import RequirementLevel, ShiftStatus
from storage import db, migrate
from storage.models import (
    AvailabilityWindow,
    Characteristic,
    Client,
    Competency,
    Leave,
    MediaFile,
    Requirement,
    Service,
    ServiceRate,
    Shift,
    Worker,
    WorkerCompetency,
)
from tests.support.databases import DEMO_NOW, Templates, demo_password_hash
from tests.support.second_factor import give_admin_second_factor

SALTED = {"account": {"password_hash"}}  # argon2 salts differ by design; everything else must not


def count(model: type, *where: object) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_the_demo_agency_has_the_people_the_design_asks_for(demo_db: str) -> None:
    assert count(Client) >= 60
    assert count(Worker) >= 150
    assert count(Competency) >= 25
    assert count(Service) >= 12
    with db.read() as session:
        assert all(session.scalars(select(Service.glyph)))
        programs_priced = session.execute(
            select(ServiceRate.service_id, func.count()).group_by(ServiceRate.service_id)
        )
        assert all(priced >= 4 for _, priced in programs_priced)
        levels = set(session.scalars(select(Requirement.level).distinct()))
    assert {
        RequirementLevel.GLOBAL,
        RequirementLevel.PROGRAM,
        RequirementLevel.CLIENT,
        RequirementLevel.CLIENT_SERVICE,
    } <= levels
    assert count(Characteristic) > 10
    assert count(AvailabilityWindow) > 150
    assert count(Leave) > 0


def test_some_competencies_have_expired_and_some_expire_soon(demo_db: str) -> None:
    today = DEMO_NOW.date()
    assert count(WorkerCompetency, WorkerCompetency.expires_on < today) > 0
    assert count(WorkerCompetency, WorkerCompetency.expires_on.between(today, today + timedelta(days=60))) > 0


def test_eight_weeks_of_history_and_four_weeks_ahead(demo_db: str) -> None:
    with db.read() as session:
        first, last = session.execute(select(func.min(Shift.starts_at), func.max(Shift.starts_at))).one()
        statuses = set(session.scalars(select(Shift.status).distinct()))
    assert first <= DEMO_NOW - timedelta(weeks=7)
    assert last >= DEMO_NOW + timedelta(weeks=3)
    assert {
        ShiftStatus.COMPLETED,
        ShiftStatus.APPROVED,
        ShiftStatus.BILLED,
        ShiftStatus.QUERIED,
        ShiftStatus.ALLOCATED,
        ShiftStatus.UNALLOCATED,
    } <= statuses
    assert count(Shift, Shift.status == ShiftStatus.QUERIED) == 1
    assert count(Shift, Shift.starts_at > DEMO_NOW, Shift.status == ShiftStatus.UNALLOCATED) > 0


def test_no_worker_has_two_overlapping_shifts(demo_db: str) -> None:
    with db.read() as session:
        shifts = session.execute(
            select(Shift.worker_id, Shift.starts_at, Shift.ends_at)
            .where(Shift.worker_id.isnot(None), Shift.status != ShiftStatus.CANCELLED)
            .order_by(Shift.worker_id, Shift.starts_at)
        ).all()
    for before, after in itertools.pairwise(shifts):
        if before.worker_id == after.worker_id:
            assert before.ends_at <= after.starts_at


def test_portraits_are_generated_images(demo_db: str) -> None:
    with db.read() as session:
        photo_id = session.scalar(select(Client.photo_media_id).where(Client.photo_media_id.isnot(None)))
        media = session.get(MediaFile, photo_id)
        data = media.data
    assert media.content_type == "image/png"
    assert hashlib.sha256(data).hexdigest() == media.sha256
    with Image.open(__import__("io").BytesIO(data)) as image:
        assert image.size == (240, 240)


def dump(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order, without the salted password hashes."""
    tables = {}
    with engine.connect() as connection:
        for table in sorted(inspect(connection).get_table_names()):
            if table == "alembic_version":
                continue
            columns = [
                c["name"]
                for c in inspect(connection).get_columns(table)
                if c["name"] not in SALTED.get(table, ())
            ]
            key = ", ".join(inspect(connection).get_pk_constraint(table)["constrained_columns"])
            rows = connection.execute(text(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {key}"))
            tables[table] = [tuple(row) for row in rows]
    return tables


def test_seeding_twice_gives_the_same_data(backend: str, templates: Templates, demo_db: str) -> None:
    first = dump(db.engine())
    with templates.fresh_copy(backend, "empty"):
        with db.write() as session:
            seed_demo(session, now=DEMO_NOW, hash_password=demo_password_hash)
            give_admin_second_factor(session)  # as the test template has it (tests/support/databases.py)
        second = dump(db.engine())
    assert first.keys() == second.keys()
    for table in first:
        assert first[table] == second[table], table
    assert sum(len(rows) for rows in first.values()) > 5_000


def test_the_demo_passwords_work_on_a_fresh_seed(empty_db: str) -> None:
    with db.write() as session:
        seed_demo(session, now=clock.now(), hash_password=passwords.hash_password)
    assert auth.sign_in("daniel@example.com", "care-portal-demo").display_name == "Daniel Nguyen"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_start_up_seeds_an_empty_database_once(empty_db: str) -> None:
    import demo

    assert demo.seed_if_empty(now=clock.now(), hash_password=demo_password_hash) is True
    clients = count(Client)
    assert demo.seed_if_empty(now=clock.now(), hash_password=demo_password_hash) is False
    assert count(Client) == clients
    migrate.upgrade(db.engine())  # a second start migrates nothing and keeps the data
    assert count(Client) == clients
