"""Generated agencies: the demo agency `make run` starts with, and larger ones for the benchmarks."""

from collections.abc import Callable
from datetime import datetime

from storage import db
from storage.queries import agency as agency_queries

from . import news
from .agency import AgencySpec, GeneratedAgency, generate
from .personas import DEMO_LOGINS, DEMO_PASSWORD, seed_demo

__all__ = [
    "DEMO_LOGINS",
    "DEMO_PASSWORD",
    "AgencySpec",
    "GeneratedAgency",
    "generate",
    "restore_media",
    "seed_demo",
    "seed_if_empty",
]


def seed_if_empty(*, now: datetime, hash_password: Callable[[str], str]) -> bool:
    """Seed the demo agency into a database that has no agency yet; True when it did."""
    with db.write() as session:
        if agency_queries.get(session=session) is not None:
            return False
        seed_demo(session, now=now, hash_password=hash_password)
    return True


def restore_media() -> None:
    """The demo news's files, where the database names them and the data folder lacks them."""
    with db.read() as session:
        news.restore_media(session)
