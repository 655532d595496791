"""The booking flow at agency scale: 5,000 workers, 500 clients, about 250,000 shifts.

    make bench-booking           # BENCH_REUSE=1 reuses the agency built last time (bench/results/)

Uses the agency `make bench-matching` builds (bench/matching_data.py, cached as
bench/results/matching.db) and works on a copy of it, so that agency stays as it was. For each of
at least 100 iterations a client goes through the steps the booking page calls, and each step's
server time is measured: the catalogue, "Find a worker" (the ranked providers for a weekly
booking over the rolling horizon), nominating the first worker listed, and that worker accepting
in the worker app; for comparison also "Find a worker" for one visit only. Prints p50/p95 per
step and the data size; the last line is one JSON object with catalogue_p95_ms,
find_provider_p95_ms, nominate_p95_ms and accept_p95_ms (and the one-visit figures).
Target: p95 under 150 ms per step.
"""

import json
import os
import random
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import time as clock_time
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402

import config  # noqa: E402
from adapters import collector  # noqa: E402
from bench import matching_data as data  # noqa: E402
from domain import clock, matching  # noqa: E402
from domain.accounts.access import Actor  # noqa: E402
from domain.agency import settings as agency  # noqa: E402
from domain.booking import answers, catalogue, requests  # noqa: E402
from domain.errors import DomainError  # noqa: E402
from domain.vocabulary import OfferStatus, Recurrence, Role  # noqa: E402
from storage import db  # noqa: E402
from storage.models import Account, Client, Offer, Shift, Worker  # noqa: E402

RESULTS = ROOT / "bench" / "results"
ITERATIONS = int(os.environ.get("BENCH_ITERATIONS", "120"))
STEPS = ("catalogue", "find_provider", "nominate", "accept", "find_provider_once")
T = TypeVar("T")


def prepare() -> Path:
    """A fresh copy of the benchmark agency (built first unless BENCH_REUSE=1 finds it ready)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    source = RESULTS / "matching.db"
    if not (
        os.environ.get("BENCH_REUSE") == "1" and data.counts(f"sqlite:///{source}")[0] == data.SPEC.workers
    ):
        data.build_sqlite(source)
    data.upgrade(f"sqlite:///{source}")
    copy = RESULTS / "booking.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, copy)
    return copy


def sign_in_everyone() -> tuple[list[Actor], dict[int, Actor]]:
    """An account for every client and worker (the generated agency has logins for staff only)."""
    with db.write() as session:
        clients = session.execute(select(Client.id, Client.first_name, Client.last_name)).all()
        workers = session.execute(select(Worker.id, Worker.first_name, Worker.last_name)).all()
        taken = set(session.scalars(select(Account.client_id).where(Account.client_id.is_not(None))))
        taken_workers = set(session.scalars(select(Account.worker_id).where(Account.worker_id.is_not(None))))
        rows = [
            {
                "email": f"bench-client-{c.id}@example.com",
                "display_name": f"{c.first_name} {c.last_name}",
                "role": Role.CLIENT,
                "client_id": c.id,
            }
            for c in clients
            if c.id not in taken
        ] + [
            {
                "email": f"bench-worker-{w.id}@example.com",
                "display_name": f"{w.first_name} {w.last_name}",
                "role": Role.WORKER,
                "worker_id": w.id,
            }
            for w in workers
            if w.id not in taken_workers
        ]
        if rows:
            session.execute(insert(Account), rows)
        accounts = session.execute(
            select(Account.id, Account.role, Account.display_name, Account.client_id, Account.worker_id)
        ).all()
    client_actors = [
        Actor(
            a.id,
            Role.CLIENT,
            a.display_name,
            client_id=a.client_id,
            linked_clients=((a.client_id, a.display_name),),
        )
        for a in accounts
        if a.role == Role.CLIENT
    ]
    worker_actors = {
        a.worker_id: Actor(a.id, Role.WORKER, a.display_name, worker_id=a.worker_id)
        for a in accounts
        if a.role == Role.WORKER
    }
    return client_actors, worker_actors


def timed(times: dict[str, list[float]], step: str, action: Callable[[], T]) -> T:
    """Wall-clock time per step, and its CPU time (under "<step>_cpu") to read it by on a busy machine."""
    started, cpu = time.perf_counter(), time.process_time()
    result = action()
    times[step].append((time.perf_counter() - started) * 1000)
    times.setdefault(f"{step}_cpu", []).append((time.process_time() - cpu) * 1000)
    return result


def one_booking(
    rng: random.Random, client: Actor, workers: dict[int, Actor], times: dict[str, list[float]]
) -> str:
    """One client's way through the booking page; returns what happened."""
    assert client.client_id is not None
    items = timed(times, "catalogue", lambda: catalogue.catalogue(client, client.client_id))
    if not items:
        return "no approved services"
    item = rng.choice(items)
    today = clock.now().astimezone(agency.current().zone).date()
    wanted = requests.Wanted(
        client_id=client.client_id,
        approved_service_id=item.approved_service_id,
        first_date=today + timedelta(days=rng.randint(3, 40)),
        start_time=clock_time(rng.randint(7, 16), rng.choice((0, 30))),
        duration_minutes=item.default_duration_minutes,
        recurrence=Recurrence.WEEKLY,
    )
    once = replace(wanted, recurrence=Recurrence.ONCE)  # for comparison: one visit, not the series
    timed(times, "find_provider_once", lambda: requests.providers(client, once))
    found = timed(times, "find_provider", lambda: requests.providers(client, wanted))
    if not found.providers:
        return "nobody free"
    worker_id = found.providers[0].provider.worker_id
    try:
        booked = timed(times, "nominate", lambda: requests.nominate(client, wanted, worker_id))
    except DomainError:
        return "slot taken"
    offer_id = pending_offer(booked.booking_id)
    if offer_id is None:  # every visit goes past the approved hours: held for the agency's decision
        return "held past the approved hours"
    try:
        timed(times, "accept", lambda: answers.accept(workers[worker_id], offer_id))
    except DomainError:
        return "accept refused"
    return "booked"


def pending_offer(booking_id: int) -> int | None:
    with db.read() as session:
        return session.scalar(
            select(Offer.id).where(Offer.booking_id == booking_id, Offer.status == OfferStatus.PENDING)
        )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def data_size() -> dict[str, int]:
    with db.read() as session:
        return {
            "workers": session.scalar(select(func.count()).select_from(Worker)) or 0,
            "clients": session.scalar(select(func.count()).select_from(Client)) or 0,
            "shifts": session.scalar(select(func.count()).select_from(Shift)) or 0,
        }


def main() -> None:
    if config.freeze_workforce():  # as the portal's start-up does (main.py)
        matching.after_large_load(collector.collect_and_freeze)
    path = prepare()
    db.configure(f"sqlite:///{path}")
    clock.freeze(data.NOW)
    clients, workers = sign_in_everyone()
    with db.engine().connect() as connection:  # the planner's statistics, as a long-running portal has
        connection.exec_driver_sql("ANALYZE")
    size = data_size()
    print(
        f"agency: {size['workers']:,} workers, {size['clients']:,} clients, "
        f"{size['shifts']:,} shifts (SQLite)"
    )
    rng = random.Random(20_261_127)
    times: dict[str, list[float]] = {step: [] for step in STEPS}
    outcomes: dict[str, int] = {}
    one_booking(rng, clients[0], workers, {step: [] for step in STEPS})  # warm the caches, untimed
    # The collector as the portal tunes it once start-up is done (main.py): what is alive now is
    # frozen, and young collections are fewer. With Python's defaults instead, full collections
    # (30 in a run, up to 130 ms each) landed inside whichever step was running.
    collector.settle_after_start()
    for n in range(ITERATIONS):
        outcome = one_booking(rng, clients[n % len(clients)], workers, times)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    result: dict[str, float | int] = {"iterations": ITERATIONS, **size}
    for step in STEPS:
        values = times[step]
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        cpu = times.get(f"{step}_cpu") or [0.0]
        print(
            f"{step:<19} n={len(values):<4} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms"
            f"   (CPU p50 {statistics.median(cpu):6.1f} ms, p95 {percentile(cpu, 0.95):6.1f} ms)"
        )
        result[f"{step}_p50_ms"], result[f"{step}_p95_ms"] = round(p50, 1), round(p95, 1)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
