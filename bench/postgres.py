"""The PostgreSQL database a benchmark builds its agency in (the server the tests use)."""

import os

import sqlalchemy
from sqlalchemy import text

ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def url_of(name: str) -> str:
    return sqlalchemy.make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def recreate(name: str) -> str:
    """Drop the database if it is there and make it empty again; its URL."""
    admin = sqlalchemy.create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url_of(name)
