"""A search runs the same small number of SQL statements whatever the number of workers."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import event, update

from domain import matching
from storage import db
from storage.models import Worker
from storage.queries import matching as queries
from tests.matching.builders import Town, at, north

MONDAY = date(2026, 12, 7)


@contextmanager
def counting() -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine(), "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine(), "before_cursor_execute", record)


def agency_of(town: Town, workers: int, first_aid: int) -> None:
    """Workers near and far, some busy that morning, some on leave: every query has rows to find."""
    for n in range(workers):
        worker = town.worker(f"W{n}", home=north(n % 40), competencies={first_aid: None})
        if n % 3 == 0:
            town.busy(worker, at(MONDAY, "07:00"), at(MONDAY, "08:00"))
        if n % 5 == 0:
            town.leave(worker, at(MONDAY, "00:00"), at(MONDAY + timedelta(days=1), "00:00"))


def statements_for(town: Town, search: Callable[..., Any]) -> tuple[int, int]:
    """(first search, loading the workforce; a later one, with the workforce in memory)."""
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    town.session.execute(update(Worker).values(rating=3))  # changes the stamp: the next search reloads
    town.session.commit()  # a snapshot read by a transaction that wrote is never kept
    with counting() as cold:
        search(shift, session=town.session)
    with counting() as warm:
        search(shift, session=town.session)
    return len(cold), len(warm)


@pytest.mark.parametrize("search", [matching.find_providers, matching.find_providers_with_reasons])
def test_statements_per_search_do_not_grow_with_the_workforce(town: Town, search: Callable[..., Any]) -> None:
    first_aid = town.competency("First aid")
    agency_of(town, 3, first_aid)
    small = statements_for(town, search)
    agency_of(town, 60, first_aid)
    large = statements_for(town, search)
    assert small == large
    # stamp, settings, client and its preferred and blocked workers; requirements; busy, leave, hours
    assert large[1] == 5


def test_a_series_runs_as_many_statements_as_one_search(town: Town) -> None:
    agency_of(town, 20, town.competency("First aid"))
    town.session.commit()
    shifts = [
        town.shift(at(MONDAY + timedelta(weeks=n), "09:00"), at(MONDAY + timedelta(weeks=n), "11:00"))
        for n in range(8)
    ]
    matching.find_providers_for_series(shifts, session=town.session)
    with counting() as statements:
        matching.find_providers_for_series(shifts, session=town.session)
    assert len(statements) == 5


def test_a_snapshot_read_by_a_transaction_that_rolls_back_is_not_kept(town: Town) -> None:
    first_aid = town.competency("First aid")
    town.require(competency_id=first_aid)
    ann = town.worker(competencies={first_aid: None})
    town.session.commit()
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    for name in ("Rolled", "Kept"):  # the same change twice: the same stamp both times
        town.session.execute(update(Worker).where(Worker.id == ann).values(first_name=name))
        assert [p.name for p in matching.find_providers(shift, session=town.session)] == [f"{name} Lee"]
        if name == "Rolled":
            town.session.rollback()
        else:
            town.session.commit()
    assert [p.name for p in matching.find_providers(shift, session=town.session)] == ["Kept Lee"]


def test_a_snapshot_read_by_a_transaction_that_wrote_only_visits_is_kept(town: Town) -> None:
    """The series job writes a visit, then searches for its worker, visit after visit: what it read
    of the workforce is as committed, so the next search finds it in memory."""
    first_aid = town.competency("First aid")
    town.require(competency_id=first_aid)
    ann = town.worker(competencies={first_aid: None})
    town.session.execute(update(Worker).values(rating=3))  # a new stamp: the next search loads
    town.session.commit()
    town.busy(ann, at(MONDAY, "06:00"), at(MONDAY, "07:00"))  # a visit written, not yet committed
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    with counting() as writing:
        assert [p.worker_id for p in matching.find_providers(shift, session=town.session)] == [ann]
    town.session.commit()
    with counting() as after:
        assert [p.worker_id for p in matching.find_providers(shift, session=town.session)] == [ann]
    queries_after = [statement for statement in after if not statement.startswith("BEGIN")]
    assert len(writing) > 5  # it loaded the workforce
    # and kept it: stamp and client, requirements, busy, leave, hours
    assert len(queries_after) == 5, queries_after


def test_a_change_to_a_worker_is_seen_by_the_next_search(town: Town) -> None:
    first_aid = town.competency("First aid")
    town.require(competency_id=first_aid)
    ann = town.worker(competencies={first_aid: None})
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    assert [p.worker_id for p in matching.find_providers(shift, session=town.session)] == [ann]
    town.session.execute(update(Worker).where(Worker.id == ann).values(first_name="Annie"))
    assert [p.name for p in matching.find_providers(shift, session=town.session)] == ["Annie Lee"]
    town.session.query(Worker).filter(Worker.id == ann).one().max_hours_per_week = 1
    town.session.flush()
    assert matching.find_providers(shift, session=town.session) == ()


@pytest.mark.parametrize("backend", ["sqlite"])  # a choice of SQL for SQLite only
def test_older_sqlite_without_unixepoch_gives_the_same_answer(
    town: Town, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Busy times and weekly hours are read with unixepoch() where SQLite has it (3.38+), with the
    date functions where it does not: both must list and leave out the same workers."""
    first_aid = town.competency("First aid")
    town.require(competency_id=first_aid)
    agency_of(town, 12, first_aid)
    tired = town.worker("Tired", max_hours=2, competencies={first_aid: None})
    town.busy(tired, at(MONDAY + timedelta(days=2), "07:00"), at(MONDAY + timedelta(days=2), "08:30"))
    shift = town.shift(at(MONDAY, "09:00"), at(MONDAY, "11:00"))
    newer = matching.find_providers_with_reasons(shift, session=town.session)
    monkeypatch.setattr(queries, "_UNIXEPOCH", False)
    db.engine().clear_compiled_cache()
    with counting() as statements:
        older = matching.find_providers_with_reasons(shift, session=town.session)
    assert not any("unixepoch" in statement for statement in statements)
    assert any("julianday" in statement for statement in statements)
    assert older == newer
    assert tired in {out.worker_id for out in newer.left_out}
    assert any("h rostered" in reason for out in newer.left_out for reason in out.reasons)
