"""Fixtures for the statement tests: an agency with two years of history, on both databases."""

import pytest

from demo import AgencySpec, generate
from storage import db
from tests.support.databases import DEMO_NOW

# Small, so two years of history seed in well under a second: 8 clients, 30 workers, 106 weeks.
TWO_YEARS = AgencySpec(clients=8, workers=30, weeks_past=106, weeks_future=1, portraits=False, seed=7)


@pytest.fixture
def two_year_agency(empty_db: str) -> str:
    with db.write() as session:
        generate(session, TWO_YEARS, now=DEMO_NOW)
    return empty_db
