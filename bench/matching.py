"""Find provider at agency scale: 5,000 workers, 500 clients and about 250,000 shifts.

    make bench-matching          # BENCH_REUSE=1 reuses the agency built last time (bench/results/)

Builds the agency once on SQLite (bench/results/matching.db) and copies it to the PostgreSQL
database bench_matching (127.0.0.1:5432, user postgres). Then times, on each database, 200
searches for upcoming shifts as a client sees them (the ranked list) and as staff see them
(with every left-out worker's reasons), and a few searches of the reference checker the property
test uses (tests/matching/reference.py). Targets: p95 under 20 ms for the list and under 100 ms
with reasons on both databases, and at least 20 times faster than the reference. The last line
is one JSON object.
"""

import gc
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

import config  # noqa: E402
from adapters import collector  # noqa: E402
from bench import matching_data as data  # noqa: E402
from domain import clock, matching  # noqa: E402
from domain.vocabulary import ShiftStatus  # noqa: E402
from storage import db  # noqa: E402
from storage.models import Shift  # noqa: E402
from tests.matching import reference  # noqa: E402

RESULTS = ROOT / "bench" / "results"
SEARCHES = 200
REFERENCE_SEARCHES = 3


def prepare() -> str:
    """The SQLite path, built (and copied to PostgreSQL) unless BENCH_REUSE=1 finds them ready."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "matching.db"
    reuse = os.environ.get("BENCH_REUSE") == "1"
    sqlite_url = f"sqlite:///{path}"
    if not (reuse and data.counts(sqlite_url)[0] == data.SPEC.workers):
        data.build_sqlite(path)
        data.copy_to_postgres(path)
    elif data.counts(data.pg_url()) != data.counts(sqlite_url):
        data.upgrade(sqlite_url)
        data.copy_to_postgres(path)
    else:
        data.upgrade(sqlite_url)
        data.upgrade(data.pg_url())
    return sqlite_url


def upcoming_shifts() -> list[matching.ShiftToFill]:
    """Spread over the next four weeks: each shift as if it were being (re)allocated."""
    with db.read() as session:
        rows = session.execute(
            select(
                Shift.id, Shift.client_id, Shift.service_id, Shift.program_id, Shift.starts_at, Shift.ends_at
            )
            .where(
                Shift.starts_at > data.NOW, Shift.status.in_((ShiftStatus.ALLOCATED, ShiftStatus.UNALLOCATED))
            )
            .order_by(Shift.id)
        ).all()
    step = max(1, len(rows) // SEARCHES)
    return [
        matching.ShiftToFill(
            r.client_id,
            r.service_id,
            r.program_id,
            r.starts_at,
            r.ends_at,
            ignore_shift_ids=frozenset({r.id}),
        )
        for r in rows[::step][:SEARCHES]
    ]


CPU: list[float] = []  # this process's CPU milliseconds per search, of the last timed() run


def timed(search: Callable[..., Any], shifts: list[matching.ShiftToFill]) -> tuple[list[float], list[Any]]:
    """Milliseconds per search, and each answer's list of providers in short (a hash and a count:
    keeping thousands of whole answers would make every collection walk them)."""
    times, answers = [], []
    CPU.clear()
    for shift in shifts:
        gc.collect()  # outside the timing: a collection lands on whichever search comes next
        with db.read() as session:
            started, cpu = time.perf_counter(), time.process_time()
            found = search(shift, session=session)
            times.append((time.perf_counter() - started) * 1000)
            CPU.append((time.process_time() - cpu) * 1000)
        providers = found.providers if isinstance(found, matching.Match) else found
        answers.append((hash(providers), len(providers)))
        del found, providers
    return times, answers


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def run(url: str, label: str) -> dict[str, float]:
    gc.unfreeze()
    db.configure(url)
    shifts = upcoming_shifts()
    with db.read() as session:  # load the workforce into memory once, as a running portal has
        started = time.perf_counter()
        matching.find_providers(shifts[0], session=session)
        print(f"{label}: first search (loads the workforce) {(time.perf_counter() - started) * 1000:.0f} ms")
    # What is in memory now lives as long as the process: the collections run before each search
    # (outside the timing) then only walk what the searches themselves made.
    gc.collect()
    gc.freeze()
    listed, answers = timed(matching.find_providers, shifts)
    listed_cpu = list(CPU)
    with_reasons, matches = timed(matching.find_providers_with_reasons, shifts)
    assert answers == matches, "the list and the staff view disagree"
    sizes = [count for _, count in answers]
    print(
        f"{label}: list p50 {statistics.median(listed):.1f} ms, p95 {p95(listed):.1f} ms; "
        f"with reasons p50 {statistics.median(with_reasons):.1f} ms, p95 {p95(with_reasons):.1f} ms; "
        f"{statistics.median(sizes):.0f} providers listed (median of {len(shifts)} searches)"
    )
    print(
        f"{label}: this process's CPU per search: list p95 {p95(listed_cpu):.1f} ms, "
        f"with reasons p95 {p95(CPU):.1f} ms "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    return {
        f"{label}_p50_ms": round(statistics.median(listed), 2),
        f"{label}_p95_ms": round(p95(listed), 2),
        f"{label}_reasons_p95_ms": round(p95(with_reasons), 2),
    }


def run_reference(url: str) -> tuple[float, float]:
    """The reference's median, and the engine's list median on the same shifts (SQLite)."""
    db.configure(url)
    shifts = upcoming_shifts()[:REFERENCE_SEARCHES]
    slow, answers = timed(reference.find_providers, shifts)
    fast, mine = timed(matching.find_providers, shifts)
    assert answers == mine, "the engine and the reference disagree"
    return statistics.median(slow), statistics.median(fast)


def main() -> int:
    clock.freeze(data.NOW)
    if config.freeze_workforce():  # as the portal's start-up does (main.py)
        matching.after_large_load(collector.collect_and_freeze)
    sqlite_url = prepare()
    workers, shifts = data.counts(sqlite_url)
    print(f"agency: {workers:,} workers, {data.SPEC.clients:,} clients, {shifts:,} shifts")
    figures: dict[str, Any] = {"workers": workers, "shifts": shifts}
    figures |= run(sqlite_url, "sqlite")
    figures |= run(data.pg_url(), "postgres")
    reference_ms, engine_ms = run_reference(sqlite_url)
    figures["reference_p50_ms"] = round(reference_ms, 1)
    print(
        f"reference p50 {reference_ms:.0f} ms vs engine {engine_ms:.1f} ms: "
        f"{reference_ms / engine_ms:.0f}x faster"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
