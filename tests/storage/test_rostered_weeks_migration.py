"""Migration 0020 on SQLite and PostgreSQL: the kept weekly minutes start equal to the demo
agency's shifts added up, the triggers keep them so, and the downgrade takes them away."""

from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from storage import db, migrate
from tests.storage.test_rostered_weeks import added_up, kept


def tables() -> set[str]:
    with db.engine().connect() as connection:
        return set(inspect(connection).get_table_names())


def test_the_demo_agency_s_weeks_are_filled_in_and_the_downgrade_takes_them_away(demo_db: str) -> None:
    with Session(db.engine()) as session:
        before = added_up(session)
        assert len(before) > 10  # the demo's workers have visits in many weeks
        assert kept(session) == before
    with db.engine().begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0019")
    assert "rostered_week" not in tables()
    with db.engine().begin() as connection:  # written with no trigger to see it
        connection.execute(text("UPDATE shift SET worker_id = NULL, status = 'unallocated' WHERE id % 3 = 0"))
    migrate.upgrade(db.engine())
    with Session(db.engine()) as session:
        assert kept(session) == added_up(session) != before
