"""make bench-import: import a CSV of 5,000 workers, with their competencies and weekly
availability, into an empty agency on SQLite and on PostgreSQL (target: each under 60 s).

Each database is made afresh and migrated; the agency gets its competency catalogue and an
administrator, nothing else. Then the same file is checked (the dry run), imported (one
transaction, bulk inserts) and imported again (matched by staff number: nothing changes), RUNS
times, each import into a new empty database. Prints each step's median and p95 and the data
size; the last line is one JSON object with `workers`, `sqlite_s`, `postgres_s` (the medians of
the first import) and `dry_run_s` (the median dry run on SQLite).
"""

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy  # noqa: E402
from sqlalchemy import func, select, text  # noqa: E402

from demo import import_file  # noqa: E402
from domain.accounts.access import Actor  # noqa: E402
from domain.transfer import workers  # noqa: E402
from domain.vocabulary import Role  # noqa: E402
from storage import db, migrate  # noqa: E402
from storage.models import AvailabilityWindow, Worker, WorkerCompetency  # noqa: E402

WORKERS = 5_000
RUNS = 3
TARGET_S = 60.0
RESULTS = ROOT / "bench" / "results"
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PG_NAME = "bench_import"


def empty_sqlite() -> str:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "import.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def empty_postgres() -> str:
    admin = sqlalchemy.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{PG_NAME}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{PG_NAME}"'))
    admin.dispose()
    return sqlalchemy.make_url(PG_SERVER).set(database=PG_NAME).render_as_string(hide_password=False)


def agency(url: str) -> Actor:
    """A freshly migrated, empty agency at `url` with its catalogue and an administrator."""
    engine = db.configure(url)
    migrate.upgrade(engine)
    with db.write() as session:
        account_id = import_file.prepare_empty_agency(session)
    return Actor(account_id, Role.ADMIN, "Import Administrator")


def timed(step: Callable[[], workers.Report]) -> tuple[float, workers.Report]:
    started = time.perf_counter()
    report = step()
    return time.perf_counter() - started, report


def written() -> tuple[int, int, int]:
    with db.read() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(table)) or 0
            for table in (Worker, WorkerCompetency, AvailabilityWindow)
        )


def figures(name: str, seconds: list[float]) -> float:
    median = statistics.median(seconds)
    p95 = sorted(seconds)[max(0, round(0.95 * len(seconds)) - 1)]
    print(f"  {name:<28} median {median:6.2f} s   p95 {p95:6.2f} s   ({len(seconds)} runs)", flush=True)
    return median


def bench(database: str, make_empty: Callable[[], str], data: bytes) -> dict[str, float]:
    print(f"{database}:", flush=True)
    dry, first, again = [], [], []
    for _ in range(RUNS):
        admin = agency(make_empty())
        seconds, report = timed(lambda a=admin: workers.check(a, "workers.csv", data))
        assert (report.problems, report.added) == ((), WORKERS), report.problems[:3]
        dry.append(seconds)
        seconds, report = timed(lambda a=admin: workers.apply(a, "workers.csv", data))
        assert (report.applied, report.added) == (True, WORKERS)
        first.append(seconds)
        rows = written()
        seconds, report = timed(lambda a=admin: workers.apply(a, "workers.csv", data))
        assert (report.added, report.changed, report.unchanged) == (0, 0, WORKERS)
        assert written() == rows
        again.append(seconds)
        db.engine().dispose()
    print(f"  written: {rows[0]:,} workers, {rows[1]:,} competencies held, {rows[2]:,} weekly windows")
    return {
        "dry_run": figures("dry run (check)", dry),
        "import": figures("import into the empty agency", first),
        "again": figures("the same file again", again),
    }


def main() -> None:
    data = import_file.as_csv(import_file.worker_rows(WORKERS))
    print(f"workers.csv: {WORKERS:,} rows, {len(data) / 1024:,.0f} KiB", flush=True)
    sqlite = bench("SQLite", empty_sqlite, data)
    postgres = bench("PostgreSQL", empty_postgres, data)
    slowest = max(sqlite["import"], postgres["import"], sqlite["dry_run"], postgres["dry_run"])
    print(f"target: each under {TARGET_S:.0f} s: {'met' if slowest < TARGET_S else 'NOT met'}", flush=True)
    result = {
        "workers": WORKERS,
        "sqlite_s": round(sqlite["import"], 2),
        "postgres_s": round(postgres["import"], 2),
        "dry_run_s": round(sqlite["dry_run"], 2),
        "dry_run_postgres_s": round(postgres["dry_run"], 2),
        "reimport_sqlite_s": round(sqlite["again"], 2),
        "reimport_postgres_s": round(postgres["again"], 2),
    }
    print(json.dumps(result))
    if slowest >= TARGET_S:
        sys.exit(1)


if __name__ == "__main__":
    main()
