"""Many people at once, through the real server on PostgreSQL: clients nominating workers for the
same few slots and cancelling, workers accepting and rejecting their offers, the roster allocating
unallocated visits — racing over the same times and the same workers.

    make bench-concurrency            # or: .venv/bin/python bench/concurrency.py [seconds] [clients]

Builds the demo agency afresh in the PostgreSQL database `bench_concurrency` (every client and
worker given an account, the scheduled jobs run once so it is in its steady state), starts
`main.py` on it (jobs running, as in production), then drives it
with `clients` concurrent HTTP clients (default 50) for `seconds` (default 60) through the JSON
API. It counts every answer; a 5xx or a dropped connection is an error. Afterwards it counts the
workers holding two overlapping busy visits (a double allocation). Targets: no 5xx, no double
allocation, at least 2,000 requests. The last line is one JSON object.
"""

import asyncio
import json
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import select, text  # noqa: E402

from bench import postgres  # noqa: E402
from demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from domain import clock  # noqa: E402
from domain.accounts import passwords  # noqa: E402
from domain.booking import series  # noqa: E402
from domain.errors import InvalidInput  # noqa: E402
from domain.messaging import reminders  # noqa: E402
from domain.signoff import billing  # noqa: E402
from domain.statements import monthly  # noqa: E402
from domain.vocabulary import BUSY_SHIFT_STATUSES, Role  # noqa: E402
from storage import db, migrate  # noqa: E402
from storage.models import Account, Client, Worker  # noqa: E402

DATABASE = "bench_concurrency"
SYDNEY = ZoneInfo("Australia/Sydney")
SLOTS = ("09:00:00", "09:30:00", "10:00:00")  # half an hour apart, an hour long: they overlap
CLIENT_TASKS, WORKER_TASKS = 0.4, 0.4  # of the clients; the rest are the roster


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)  # by the kind of transport error

    def add(self, what: str, status: int, seconds: float) -> None:
        self.latencies.append(seconds)
        self.statuses[f"{what} {status}"] += 1

    @property
    def errors_5xx(self) -> int:
        return sum(n for key, n in self.statuses.items() if key.rsplit(" ", 1)[1].startswith("5"))


def database_url() -> str:
    return postgres.url_of(DATABASE)


def build() -> tuple[list[tuple[str, int]], list[str]]:
    """A fresh demo agency where every client and worker can sign in: ((e-mail, client id) of every
    client account, e-mails of every worker account)."""
    postgres.recreate(DATABASE)
    migrate.upgrade(db.configure(database_url()))
    hashed = passwords.hash_password(DEMO_PASSWORD)
    with db.write() as session:
        seed_demo(session, now=clock.now(), hash_password=lambda _password: hashed)
    with db.write() as session:
        taken = set(session.scalars(select(Account.client_id).where(Account.client_id.is_not(None))))
        workers_in = set(session.scalars(select(Account.worker_id).where(Account.worker_id.is_not(None))))
        for client_id in session.scalars(select(Client.id)):
            if client_id not in taken:
                session.add(
                    _account(f"client{client_id}@bench.example", Role.CLIENT, hashed, client_id=client_id)
                )
        for worker_id in session.scalars(select(Worker.id)):
            if worker_id not in workers_in:
                session.add(
                    _account(f"worker{worker_id}@bench.example", Role.WORKER, hashed, worker_id=worker_id)
                )
        for invited in session.scalars(select(Account).where(Account.password_hash.is_(None))):
            invited.password_hash = hashed  # the demo's invited workers, who never chose a password
    with db.read() as session:
        clients = [
            (email, int(client_id))
            for email, client_id in session.execute(
                select(Account.email, Account.client_id).where(Account.role == Role.CLIENT)
            )
        ]
        workers = list(session.scalars(select(Account.email).where(Account.role == Role.WORKER)))
    return clients, workers


def _account(email: str, role: Role, hashed: str, **record: int) -> Account:
    return Account(email=email, display_name=email.split("@")[0], role=role, password_hash=hashed, **record)


def catch_up() -> None:
    """Run the scheduled jobs once, as a portal that has been running a while has: the repeating
    bookings' next visits made, approved visits billed, last month's statements issued. The load
    then meets the portal in its steady state, not in its first start's catching up (which
    `make check-whole` watches)."""
    for job in (series.extend_series, billing.bill_approved_shifts, reminders.send_due):
        job()
    with suppress(InvalidInput):  # last month's statements are issued already
        monthly.generate_monthly()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(port: int, folder: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "SEED_DEMO": "0",
        "RUN_JOBS": "1",
        "DATA_DIR": str(folder),
        "STORAGE_SECRET": secrets.token_urlsafe(48),
        "MAIL_CATCHER_PORT": str(free_port()),
        "SIGN_INS_PER_ADDRESS": "100000",  # every simulated person signs in from 127.0.0.1
    }
    log = (folder / "server.log").open("wb")
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py")], env=env, stdout=log, stderr=log, cwd=ROOT
    )


async def wait_until_serving(base: str, server: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient(base_url=base) as probe:
        for _ in range(600):
            if server.poll() is not None:
                raise SystemExit("the server stopped while starting: see its log")
            try:
                if (await probe.get("/login")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise SystemExit("the server did not start within a minute")


class Session:
    """One person's signed-in HTTP client, counting every answer."""

    def __init__(self, http: httpx.AsyncClient, tally: Tally, token: str) -> None:
        self.http, self.tally = http, tally
        self.headers = {"Authorization": f"Bearer {token}"}

    async def call(self, what: str, method: str, path: str, **kwargs: object) -> httpx.Response | None:
        started = time.perf_counter()
        try:
            response = await self.http.request(method, path, headers=self.headers, **kwargs)  # type: ignore[arg-type]
        except httpx.TransportError as error:
            self.tally.dropped[f"{what}: {type(error).__name__}"] += 1
            return None
        self.tally.add(what, response.status_code, time.perf_counter() - started)
        return response


async def sign_in(http: httpx.AsyncClient, email: str) -> str:
    response = await http.post("/api/v1/tokens", json={"email": email, "password": DEMO_PASSWORD})
    response.raise_for_status()
    return str(response.json()["token"])


def days_ahead() -> list[str]:
    today = datetime.now(SYDNEY).date()
    return [(today + timedelta(days=n)).isoformat() for n in range(2, 6)]


async def client_loop(me: Session, client_id: int, until: float, rng: random.Random) -> None:
    services = await me.call("catalogue", "GET", f"/api/v1/clients/{client_id}/catalogue")
    if services is None or services.status_code != 200 or not services.json():
        return
    service = services.json()[0]["approved_service_id"]
    while time.monotonic() < until:
        if rng.random() < 0.7:
            await book(me, client_id, service, rng)
        else:
            await cancel_one(me, client_id, rng)


async def book(me: Session, client_id: int, service: int, rng: random.Random) -> None:
    asked = {
        "approved_service_id": service,
        "first_date": rng.choice(days_ahead()),
        "start_time": rng.choice(SLOTS),
        "duration_minutes": 60,
    }
    if rng.random() < 0.15:
        await me.call("book (agency chooses)", "POST", f"/api/v1/clients/{client_id}/bookings", json=asked)
        return
    found = await me.call("providers", "POST", f"/api/v1/clients/{client_id}/providers", json=asked)
    if found is None or found.status_code != 200 or not found.json():
        return
    worker = rng.choice(found.json()[:4])["worker_id"]
    await me.call(
        "nominate", "POST", f"/api/v1/clients/{client_id}/bookings", json={**asked, "worker_id": worker}
    )


async def cancel_one(me: Session, client_id: int, rng: random.Random) -> None:
    days = days_ahead()
    listed = await me.call(
        "visits", "GET", f"/api/v1/clients/{client_id}/visits", params={"first": days[0], "last": days[-1]}
    )
    if listed is None or listed.status_code != 200:
        return
    live = [v for v in listed.json()["visits"] if v["status"] in ("offered", "allocated", "unallocated")]
    if not live:
        return
    shift_id = rng.choice(live)["shift_id"]
    quoted = await me.call("cancellation fee", "GET", f"/api/v1/shifts/{shift_id}/cancellation")
    if quoted is None or quoted.status_code != 200:
        return
    body = {"reason": "NSDO", "confirmed_fee_cents": quoted.json()["fee_cents"]}
    await me.call("cancel", "POST", f"/api/v1/shifts/{shift_id}/cancel", json=body)


async def worker_loop(selves: list[Session], until: float, rng: random.Random) -> None:
    while time.monotonic() < until:
        me = rng.choice(selves)
        offers = await me.call("offers", "GET", "/api/v1/offers")
        if offers is None or offers.status_code != 200:
            continue
        if not offers.json():
            await me.call("my shifts", "GET", "/api/v1/shifts")
            continue
        offer = rng.choice(offers.json())["id"]
        if rng.random() < 0.75:
            await me.call("accept", "POST", f"/api/v1/offers/{offer}/accept")
        else:
            await me.call("reject", "POST", f"/api/v1/offers/{offer}/reject", json={"note": "busy"})


async def roster_loop(me: Session, until: float, rng: random.Random) -> None:
    while time.monotonic() < until:
        day = await me.call(
            "day", "GET", "/api/v1/day", params={"on": rng.choice(days_ahead()), "show": "unallocated"}
        )
        if day is None or day.status_code != 200 or not day.json()["visits"]:
            continue
        shift_id = rng.choice(day.json()["visits"])["shift_id"]
        found = await me.call("candidates", "GET", f"/api/v1/shifts/{shift_id}/candidates")
        if found is None or found.status_code != 200 or not found.json()["providers"]:
            continue
        worker = rng.choice(found.json()["providers"][:3])["worker_id"]
        await me.call("allocate", "POST", f"/api/v1/shifts/{shift_id}/allocate", json={"worker_id": worker})


async def drive(
    base: str, clients: list[tuple[str, int]], workers: list[str], people: int, seconds: float
) -> Tally:
    tally, rng = Tally(), random.Random(20261203)
    limits = httpx.Limits(
        max_connections=people + 10, max_keepalive_connections=people + 10, keepalive_expiry=30
    )
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as http:
        client_tasks = int(people * CLIENT_TASKS)
        worker_tasks = int(people * WORKER_TASKS)
        roster_tasks = people - client_tasks - worker_tasks
        chosen = rng.sample(clients, client_tasks)
        client_tokens = await asyncio.gather(*(sign_in(http, email) for email, _ in chosen))
        worker_tokens = await asyncio.gather(*(sign_in(http, email) for email in workers))
        rosa = await sign_in(http, "rosa@example.com")
        until = time.monotonic() + seconds
        sessions = [Session(http, tally, token) for token in worker_tokens]
        share = [sessions[n::worker_tasks] for n in range(worker_tasks)]
        await asyncio.gather(
            *(
                client_loop(Session(http, tally, token), client_id, until, random.Random(n))
                for n, (token, (_, client_id)) in enumerate(zip(client_tokens, chosen, strict=True))
            ),
            *(worker_loop(mine, until, random.Random(100 + n)) for n, mine in enumerate(share)),
            *(
                roster_loop(Session(http, tally, rosa), until, random.Random(200 + n))
                for n in range(roster_tasks)
            ),
        )
    return tally


def double_allocations() -> int:
    busy = ", ".join(f"'{status.value}'" for status in BUSY_SHIFT_STATUSES)
    with db.read() as session:
        return int(
            session.scalar(
                text(
                    "SELECT count(*) FROM shift a JOIN shift b ON a.worker_id = b.worker_id AND a.id < b.id "
                    f"WHERE a.status IN ({busy}) AND b.status IN ({busy}) "
                    "AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"
                )
            )
            or 0
        )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def main() -> int:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    people = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    clients, workers = build()
    catch_up()
    print(f"agency: {len(clients)} client accounts, {len(workers)} worker accounts (demo agency)", flush=True)
    folder = Path(tempfile.mkdtemp(prefix="bench-concurrency-"))
    port = free_port()
    server = start_server(port, folder)
    try:
        base = f"http://127.0.0.1:{port}"
        asyncio.run(wait_until_serving(base, server))
        started = time.monotonic()
        tally = asyncio.run(drive(base, clients, workers, people, seconds))
        took = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(60)
    load = os.getloadavg()[0]
    for key, count in sorted(tally.statuses.items()):
        print(f"  {key}: {count}")
    for key, count in sorted(tally.dropped.items()):
        print(f"  dropped, {key}: {count}")
    result = {
        "clients": people,
        "seconds": round(took, 1),
        "requests": len(tally.latencies),
        "errors_5xx": tally.errors_5xx,
        "dropped": sum(tally.dropped.values()),
        "double_allocations": double_allocations(),
        "p50_ms": round(statistics.median(tally.latencies) * 1000, 1) if tally.latencies else None,
        "p95_ms": round(percentile(tally.latencies, 0.95) * 1000, 1),
        "load_average": round(load, 2),
        "server_log": str(folder / "server.log"),
    }
    print(json.dumps(result))
    return (
        0 if result["errors_5xx"] == 0 and result["dropped"] == 0 and result["double_allocations"] == 0 else 1
    )


if __name__ == "__main__":
    sys.exit(main())
