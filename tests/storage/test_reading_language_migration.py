"""Migration 0019 on SQLite and PostgreSQL: every account reads English until its person chooses;
the downgrade takes the column away and nothing that refers to an account goes with it."""

from alembic import command
from sqlalchemy import inspect, text

from storage import db, migrate


def account_columns() -> set[str]:
    with db.engine().connect() as connection:
        return {column["name"] for column in inspect(connection).get_columns("account")}


def counts() -> tuple[int, int, int]:
    with db.engine().connect() as connection:
        return tuple(  # type: ignore[return-value]
            connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("account", "carer_link", "client")
        )


def test_accounts_read_english_and_the_downgrade_keeps_everything_else(demo_db: str) -> None:
    before = counts()
    assert before[1] > 0  # the demo's carers are linked to their clients
    with db.engine().begin() as connection:
        connection.execute(text("UPDATE account SET language = 'vi' WHERE email = 'margaret@example.com'"))
        command.downgrade(migrate.alembic_config(connection), "0018")
    assert "language" not in account_columns()
    assert counts() == before
    migrate.upgrade(db.engine())
    assert "language" in account_columns()
    with db.engine().connect() as connection:
        languages = connection.execute(text("SELECT DISTINCT language FROM account")).scalars().all()
    assert languages == ["en_AU"]
    assert counts() == before
