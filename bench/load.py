"""Many tablets at once through the real websocket protocol: how many one process serves, and how
many two behind HAProxy serve at the same action p95.

    make bench-load       # or: .venv/bin/python bench/load.py [seconds]

Builds the demo agency in the PostgreSQL database `bench_load` (every client given an account),
then for each layout starts `deploy/cluster.sh` (CLUSTER_PROCESSES app processes behind HAProxy,
on their own ports) and drives it with simulated tablets. A tablet signs in once (a sign-in
ticket redeemed at /session/begin, as the sign-in page ends), then loops: open its calendar, open
the booking page, pick a service, pick a date and a time, find a worker, open its history — with a
think time of 10–30 s between steps, as a person reads. Opening a page is a GET of the page and
its websocket connection (socket.io, as NiceGUI's browser code does it); an action is an event
sent over that websocket until the update it causes has arrived.

Each level reports connect and action p50/p95, errors, the server's CPU and its memory per
connected tablet. Levels (BENCH_LOAD_LEVELS, "1:200,2:320,2:360,2:400" by default: processes and
tablets) run in turn; `scale_ratio` is the most tablets two processes served within the action p95
target (and without errors) over the most one process served. The last line is one JSON object.
Environment: BENCH_LOAD_SECONDS (150; tablets join over the first 60 s), BENCH_LOAD_LEVELS,
BENCH_LOAD_P95_MS (300), BENCH_LOAD_THINK ("10,30"), BENCH_REUSE=1 keeps the last run's database.
"""

import ast
import asyncio
import contextlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import socketio  # noqa: E402
from sqlalchemy import select  # noqa: E402

from bench import postgres  # noqa: E402
from demo import DEMO_PASSWORD, seed_demo  # noqa: E402
from domain import clock  # noqa: E402
from domain.accounts import auth, passwords, sessions  # noqa: E402
from domain.vocabulary import Role  # noqa: E402
from storage import db, migrate  # noqa: E402
from storage.models import Account, Client  # noqa: E402

DATABASE = "bench_load"
PROXY_PORT, BASE_PORT = 8190, 8150  # away from `make cluster`'s 8000 and 8101…
THINK = tuple(float(s) for s in os.environ.get("BENCH_LOAD_THINK", "10,30").split(","))  # seconds
WAIT = 30.0  # an answer later than this is an error
ACK_SECONDS = 3.0  # how often NiceGUI's browser code acknowledges the messages it has (nicegui.js)
SELECT = "update:modelValue"
ELEMENTS = re.compile(r"parseElements\(String\.raw`(.*?)`\)", re.S)
QUERY = re.compile(r"query: (\{.*?\}),\n")
UNESCAPE = (("&#36;", "$"), ("&#96;", "`"), ("&gt;", ">"), ("&lt;", "<"), ("&amp;", "&"))


def database_url() -> str:
    return postgres.url_of(DATABASE)


def build() -> list[int]:
    """A fresh demo agency where every client has an account: the client accounts' ids."""
    if os.environ.get("BENCH_REUSE") != "1":
        postgres.recreate(DATABASE)
    migrate.upgrade(db.configure(database_url()))
    hashed = passwords.hash_password(DEMO_PASSWORD)
    with db.write() as session:
        if session.scalar(select(Client.id).limit(1)) is None:
            seed_demo(session, now=clock.now(), hash_password=lambda _password: hashed)
        taken = set(session.scalars(select(Account.client_id).where(Account.client_id.is_not(None))))
        for client_id in session.scalars(select(Client.id)):
            if client_id not in taken:
                session.add(
                    Account(
                        email=f"client{client_id}@bench.example",
                        display_name=f"Client {client_id}",
                        role=Role.CLIENT,
                        password_hash=hashed,
                        client_id=client_id,
                    )
                )
    with db.read() as session:
        return list(session.scalars(select(Account.id).where(Account.role == Role.CLIENT)))


@dataclass
class Tally:
    connect: list[float] = field(default_factory=list)  # ms: page GET + websocket connected
    action: list[float] = field(default_factory=list)  # ms: event sent until its update arrived
    errors: dict[str, int] = field(default_factory=dict)
    steps: dict[str, list[float]] = field(default_factory=dict)  # ms, by the step of the flow
    connected: int = 0
    peak: int = 0

    def error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1


class Tablet:
    """One signed-in tablet: one page at a time, its elements kept up to date from the websocket."""

    def __init__(self, base: str, tally: Tally) -> None:
        self.base, self.tally = base, tally
        self.http = httpx.AsyncClient(base_url=base, timeout=WAIT, follow_redirects=True)
        self.sio: socketio.AsyncClient | None = None
        self.elements: dict[str, dict[str, Any]] = {}
        self.client_id = ""
        self.changed = asyncio.Event()
        self.opened: str | None = None  # where the server sent the browser (ui.navigate)
        self.step = ""  # the step of the flow being timed
        # As NiceGUI's browser code does: every 3 s the page acknowledges the messages it has, and
        # the server drops them from the history it keeps for a reconnection.
        self.next_message_id = self.acked_message_id = 0
        self.acking: asyncio.Task[None] | None = None

    async def sign_in(self, ticket: str) -> None:
        """As the browser does: the ticket becomes the session cookie, and the page it is sent to
        opens and connects (a page fetched but never connected would stay on the server until
        NiceGUI prunes it a minute later, which no browser causes)."""
        answer = await self.http.get(f"/session/begin?ticket={ticket}", follow_redirects=False)
        if answer.status_code != 303 or "care_session" not in self.http.cookies:  # session.COOKIE
            raise RuntimeError(f"no session cookie after /session/begin ({answer.status_code})")
        await self.open(answer.headers["location"])

    async def open(self, path: str) -> None:
        await self.close_page()
        started = time.perf_counter()
        answer = await self.http.get(path)
        answer.raise_for_status()
        page = answer.text
        raw, query = ELEMENTS.search(page), QUERY.search(page)
        if raw is None or query is None:
            raise RuntimeError(f"{path}: no NiceGUI page ({answer.url})")
        raw_text = raw.group(1)
        for escaped, plain in UNESCAPE:
            raw_text = raw_text.replace(escaped, plain)
        self.elements = json.loads(raw_text)
        params = ast.literal_eval(query.group(1))  # a Python dict rendered into the page
        self.client_id = params["client_id"]
        params |= {"document_id": f"bench-{id(self)}-{time.monotonic_ns()}", "tab_id": f"tab-{id(self)}"}
        params["old_tab_id"] = ""
        params = {
            key: str(value).lower() if isinstance(value, bool) else value for key, value in params.items()
        }
        self.sio = socketio.AsyncClient(reconnection=False)
        self.sio.on("update", self._update)
        self.sio.on("open", self._open)
        cookie = "; ".join(f"{name}={value}" for name, value in self.http.cookies.items())
        await self.sio.connect(
            f"{self.base}?{urlencode(params)}",
            socketio_path="/_nicegui_ws/socket.io",
            transports=["websocket"],
            headers={"Cookie": cookie},
            wait_timeout=WAIT,
        )
        self.next_message_id = self.acked_message_id = int(params.get("next_message_id", 0))
        self.acking = asyncio.create_task(self._ack_every(ACK_SECONDS))
        self.tally.connect.append((time.perf_counter() - started) * 1000)
        self.tally.connected += 1
        self.tally.peak = max(self.tally.peak, self.tally.connected)

    async def _ack_every(self, seconds: float) -> None:
        while self.sio is not None:
            await asyncio.sleep(seconds)
            if self.sio is not None and self.next_message_id > self.acked_message_id:
                with contextlib.suppress(Exception):
                    ack = {"client_id": self.client_id, "next_message_id": self.next_message_id}
                    await self.sio.emit("ack", ack)
                    self.acked_message_id = self.next_message_id

    async def close_page(self) -> None:
        if self.acking is not None:
            self.acking.cancel()
            self.acking = None
        if self.sio is not None:
            self.tally.connected -= 1
            with contextlib.suppress(Exception):
                await self.sio.disconnect()
            self.sio = None

    async def close(self) -> None:
        await self.close_page()
        await self.http.aclose()

    async def _update(self, message: dict[str, Any]) -> None:
        self._seen(message.pop("_id", None))
        for key, element in message.items():
            if element is None:
                self.elements.pop(key, None)
            else:
                self.elements[key] = element
        self.changed.set()

    def _seen(self, message_id: object) -> None:
        if isinstance(message_id, int):
            self.next_message_id = max(self.next_message_id, message_id + 1)

    async def _open(self, message: dict[str, Any]) -> None:
        self._seen(message.get("_id"))
        self.opened = message.get("path")
        self.changed.set()

    def find(self, words: str, kind: str = "") -> str | None:
        """The first element whose text or label contains `words` (and that listens to `kind`)."""
        for key, element in self.elements.items():
            if kind and not any(event["type"] == kind for event in element.get("events", [])):
                continue
            shown = f"{element.get('text') or ''} {element.get('props', {}).get('label') or ''}"
            if words in shown:
                return key
        return None

    def listener(self, key: str, kind: str) -> str:
        for event in self.elements[key].get("events", []):
            if event["type"] == kind:
                return str(event["listener_id"])
        raise RuntimeError(f"element {key} has no {kind} listener")

    async def send(self, key: str, kind: str, *args: Any) -> None:
        assert self.sio is not None
        await self.sio.emit(
            "event",
            {
                "id": int(key),
                "client_id": self.client_id,
                "listener_id": self.listener(key, kind),
                "args": [json.dumps(arg) for arg in args],
            },
        )

    async def act(self, key: str, until: str, kind: str = "click", *args: Any) -> None:
        """Send one event; done once an element showing `until` is on the page."""
        started = time.perf_counter()
        self.changed.clear()
        await self.send(key, kind, *args)
        deadline = started + WAIT
        while self.find(until) is None:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"no {until!r} within {WAIT:.0f} s")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), left)
            self.changed.clear()
        self.tally.action.append((time.perf_counter() - started) * 1000)
        self.tally.steps.setdefault(self.step, []).append(self.tally.action[-1])

    async def choose(self, key: str, index: int) -> None:
        """Pick an option of a select, as Quasar sends it (an update of its model value)."""
        options = self.elements[key]["props"]["options"]
        option = options[min(index, len(options) - 1)]
        await self.send(key, SELECT, {"value": option["value"], "label": option["label"]})


def must(found: str | None, what: str) -> str:
    if found is None:
        raise RuntimeError(f"not on the page: {what}")
    return found


async def think(until: float, between: tuple[float, ...] = THINK) -> bool:
    pause = random.uniform(between[0], between[-1])
    if time.monotonic() + pause >= until:
        await asyncio.sleep(max(0.0, until - time.monotonic()))
        return False
    await asyncio.sleep(pause)
    return True


async def tablet_run(
    base: str,
    ticket: str,
    client_id: int,
    tally: Tally,
    until: float,
    rounds: int = 0,
    pause: tuple[float, ...] = THINK,
) -> None:
    """One tablet until `until` (or for `rounds` times through the steps, when given)."""
    tablet = Tablet(base, tally)
    steps: list[tuple[str, Any]] = []
    try:
        await tablet.sign_in(ticket)
        steps = [
            ("calendar", lambda: tablet.open(f"/clients/{client_id}/calendar")),
            ("booking", lambda: tablet.open(f"/clients/{client_id}/book")),
            (
                "service",
                lambda: tablet.act(
                    must(tablet.find("Book ", "click"), "a service"), "Date of the first visit"
                ),
            ),
            ("time", lambda: pick_time(tablet)),
            ("find", lambda: find_worker(tablet)),
            ("history", lambda: tablet.open(f"/clients/{client_id}/history")),
        ]
        step = 0
        while True:
            name, run = steps[step % len(steps)]
            tablet.step = name
            try:
                await run()
            except Exception as error:
                tally.error(f"{name}: {type(error).__name__}: {str(error)[:80]}")
                step = 0  # start again from the calendar, as a person would after an error
                if not await think(until, pause):
                    break
                continue
            step += 1
            if (rounds and step >= rounds * len(steps)) or not await think(until, pause):
                break
    except Exception as error:
        tally.error(f"sign in: {type(error).__name__}: {str(error)[:80]}")
    finally:
        await tablet.close()


async def pick_time(tablet: Tablet) -> None:
    """A date in the next three weeks and a morning start, then Next and "Choose my worker"."""
    await tablet.choose(must(tablet.find("Date of the first visit", SELECT), "date"), random.randint(2, 20))
    await tablet.choose(must(tablet.find("Start time", SELECT), "start"), random.randint(4, 14))
    await tablet.act(must(tablet.find("Next", "click"), "Next"), "Who should do it?")
    await tablet.act(must(tablet.find("Choose my worker", "click"), "Choose my worker"), "Find a worker")


async def find_worker(tablet: Tablet) -> None:
    key = must(tablet.find("Find a worker", "click"), "Find a worker")
    started = time.perf_counter()
    tablet.changed.clear()
    await tablet.send(key, "click")
    while tablet.find("can do it") is None and tablet.find("No worker is free") is None:
        left = started + WAIT - time.perf_counter()
        if left <= 0:
            raise TimeoutError("no list of workers")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(tablet.changed.wait(), left)
        tablet.changed.clear()
    tablet.tally.action.append((time.perf_counter() - started) * 1000)
    tablet.tally.steps.setdefault("find", []).append(tablet.tally.action[-1])


async def warm_up(base: str, ticket: str, client_id: int, tally: Tally) -> None:
    await tablet_run(base, ticket, client_id, tally, time.monotonic() + 60, rounds=1, pause=(0.0, 0.0))


def cluster(command: str, processes: int) -> list[int]:
    """Start or stop the cluster; the app processes' ids."""
    environment = os.environ | {
        "CLUSTER_PROCESSES": str(processes),
        "CLUSTER_DATABASE": DATABASE,
        "CLUSTER_PORT": str(PROXY_PORT),
        "CLUSTER_BASE_PORT": str(BASE_PORT),
        "SIGN_INS_PER_ADDRESS": "100000",
    }
    subprocess.run(["bash", "deploy/cluster.sh", command], cwd=ROOT, env=environment, check=True)
    if command != "start":
        return []
    return [int((ROOT / ".cluster" / f"app{n}.pid").read_text()) for n in range(1, processes + 1)]


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def cpu_seconds(pids: list[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


async def drive(
    base: str, accounts: list[int], tablets: int, seconds: float, pids: list[int]
) -> dict[str, Any]:
    actors = []
    for n in range(tablets + len(pids)):
        actor = auth.load_actor(accounts[n % len(accounts)])
        assert actor is not None
        assert actor.client_id is not None
        actors.append(actor)

    async def ticket(n: int) -> tuple[str, int]:
        """A sign-in ticket made as the tablet signs in: a ticket is valid for a minute only."""
        return await asyncio.to_thread(sessions.open_for, actors[n]), int(actors[n].client_id or 0)

    # One tablet per process through every step first, so that what a process builds once (its
    # first search's workforce, caches, lazily imported modules) is not counted per tablet.
    warm = Tally()
    await asyncio.gather(*[warm_up(base, *await ticket(tablets + n), warm) for n in range(len(pids))])
    if warm.errors:
        print(f"warm-up errors: {warm.errors}", flush=True)
    tally = Tally()
    baseline_rss, cpu_before, wall_before = rss_mb(pids), cpu_seconds(pids), time.monotonic()
    until = time.monotonic() + seconds
    # Tablets come in over the first minute (a morning's sign-ins are slower still), not all in one
    # instant: 200 sign-ins in 20 s queued for seconds behind each other and measured only that.
    ramp = min(60.0, seconds / 3)
    peak_rss = baseline_rss

    async def watch() -> None:
        nonlocal peak_rss
        while time.monotonic() < until:
            peak_rss = max(peak_rss, rss_mb(pids))
            await asyncio.sleep(1)

    async def start(n: int) -> None:
        await asyncio.sleep(ramp * n / tablets)
        await tablet_run(base, *await ticket(n), tally, until)

    await asyncio.gather(watch(), *(start(n) for n in range(tablets)))
    cpu = (cpu_seconds(pids) - cpu_before) / (time.monotonic() - wall_before) * 100
    return {
        "sessions": tablets,
        "processes": len(pids),
        "connect_p50_ms": percentile(tally.connect, 50),
        "connect_p95_ms": percentile(tally.connect, 95),
        "action_p50_ms": percentile(tally.action, 50),
        "action_p95_ms": percentile(tally.action, 95),
        "connects": len(tally.connect),
        "actions": len(tally.action),
        "errors": sum(tally.errors.values()),
        "step_p95_ms": {name: percentile(values, 95) for name, values in tally.steps.items()},
        "error_kinds": dict(sorted(tally.errors.items(), key=lambda kv: -kv[1])[:5]),
        "cpu_percent": round(cpu),
        "rss_mb": round(peak_rss, 1),
        "rss_per_client_mb": round((peak_rss - baseline_rss) / max(1, tally.peak), 3),
    }


def percentile(values: list[float], at: int) -> float:
    if len(values) < 2:
        return round(values[0], 1) if values else 0.0
    return round(statistics.quantiles(values, n=100, method="inclusive")[at - 1], 1)


def levels() -> list[tuple[int, int]]:
    spec = os.environ.get("BENCH_LOAD_LEVELS", "1:200,2:320,2:360,2:400")
    return [(int(p), int(k)) for p, k in (level.split(":") for level in spec.split(","))]


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else float(os.environ.get("BENCH_LOAD_SECONDS", 150))
    target = float(os.environ.get("BENCH_LOAD_P95_MS", 300))
    accounts = build()
    base = f"http://127.0.0.1:{PROXY_PORT}"
    results = []
    for processes, tablets in levels():
        pids = cluster("start", processes)
        try:
            time.sleep(3)  # the processes settle (start-up collection, first imports)
            result = asyncio.run(drive(base, accounts, tablets, seconds, pids))
        finally:
            cluster("stop", processes)
        print(json.dumps(result), flush=True)
        results.append(result)
    served = {
        processes: max(
            (
                r["sessions"]
                for r in results
                if r["processes"] == processes and r["errors"] == 0 and r["action_p95_ms"] <= target
            ),
            default=0,
        )
        for processes in (1, 2)
    }
    one = next((r for r in results if r["processes"] == 1), results[0])
    summary = {
        key: one[key]
        for key in (
            "sessions",
            "processes",
            "connect_p95_ms",
            "action_p95_ms",
            "errors",
            "rss_per_client_mb",
            "cpu_percent",
        )
    }
    summary |= {
        "served_one": served[1],
        "served_two": served[2],
        "scale_ratio": round(served[2] / served[1], 2) if served[1] else None,
        "action_p95_target_ms": target,
        "seconds": seconds,
        "load_average": os.getloadavg()[0],
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
