"""A small agency per test, on SQLite and on PostgreSQL, and a search that also asks the reference."""

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from domain import matching
from domain.matching import Match, ShiftToFill
from storage import db
from tests.matching import reference
from tests.matching.builders import Town


@pytest.fixture
def town(empty_db: str) -> Iterator[Town]:
    """A session the test may commit or roll back as it goes."""
    with Session(db.engine(), expire_on_commit=False) as session:
        yield Town(session)
        session.commit()


def search(town: Town, shift: ShiftToFill) -> Match:
    """The staff view; the client's list and the reference checker must agree with it."""
    match = matching.find_providers_with_reasons(shift, session=town.session)
    assert matching.find_providers(shift, session=town.session) == match.providers
    assert reference.find_providers_with_reasons(shift, session=town.session) == match
    return match


def listed(town: Town, shift: ShiftToFill) -> list[int]:
    return [p.worker_id for p in search(town, shift).providers]


def reasons(town: Town, shift: ShiftToFill, worker_id: int) -> tuple[str, ...]:
    """Why the worker is left out; () when listed."""
    match = search(town, shift)
    return next((out.reasons for out in match.left_out if out.worker_id == worker_id), ())
