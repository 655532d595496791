"""Migration 0018 on SQLite and PostgreSQL: every carer link that existed before it keeps what every
carer could do then (the top level, with statements); its downgrade takes the two columns away."""

from alembic import command
from sqlalchemy import inspect, text

from storage import db, migrate


def link_columns() -> set[str]:
    with db.engine().connect() as connection:
        return {column["name"] for column in inspect(connection).get_columns("carer_link")}


def test_links_made_before_0018_keep_full_access_and_the_downgrade_removes_the_columns(demo_db: str) -> None:
    with db.engine().begin() as connection:
        links = connection.execute(text("SELECT count(*) FROM carer_link")).scalar_one()
        assert connection.execute(
            text("SELECT count(*) FROM carer_link WHERE access_level = 'view'")
        ).scalar_one()
        command.downgrade(migrate.alembic_config(connection), "0017")
    assert {"access_level", "receives_statements"}.isdisjoint(link_columns())
    migrate.upgrade(db.engine())
    assert {"access_level", "receives_statements"} <= link_columns()
    with db.engine().connect() as connection:
        rows = connection.execute(text("SELECT access_level, receives_statements FROM carer_link")).all()
    assert len(rows) == links
    assert {(level, bool(statements)) for level, statements in rows} == {("approve", True)}
