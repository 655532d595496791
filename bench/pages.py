"""Server build time of the calendar, history and service-management pages for a client with two
years of weekly visits, and of her profile with 50 published news items beside it (on top of the
demo agency), through NiceGUI's simulated user.

Prints the data size and the median and p95 build time and the element count of every client page,
and "Find a worker" (a weekly series: tap to list, and the longest the event loop was held meanwhile,
by a 5 ms probe); the last line is JSON with
calendar_p95_ms, history_p95_ms, services_p95_ms and profile_p95_ms. Target: under 100 ms each. Also
the time the Day Manager's Allocate dialog takes to load what it shows (the ranked workers with
every reason, the series count and the workers' suburbs and staff numbers) for the demo's
unallocated visits, as allocate_dialog_p95_ms (target: well under a second).

    make bench-pages            # or: .venv/bin/python bench/pages.py [runs]
"""

import asyncio
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nicegui import ElementFilter  # noqa: E402
from nicegui.testing.user_simulation import user_simulation  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from demo import (  # noqa: E402
    DEMO_PASSWORD,
    news,
    seed_demo,
)
from demo.history import add_weekly_history  # noqa: E402
from domain import clock  # noqa: E402
from domain.accounts import passwords  # noqa: E402
from domain.vocabulary import Recurrence, ShiftStatus  # noqa: E402
from storage import db, migrate  # noqa: E402
from storage.models import Shift  # noqa: E402

NOW = datetime(2026, 11, 27, 0, 0, tzinfo=UTC)  # Friday 27 November 2026, 11:00 in Sydney
CLIENT = 1  # Margaret Wilson
WEEKS = 104
NEWS_ITEMS = 50
FIRST_VISIT = "2026-12-07"  # the Monday after next: a weekly series from then


def build(url: str) -> tuple[int, int]:
    """The demo agency plus two years of weekly visits for Margaret: (her shifts, all shifts)."""
    migrate.upgrade(db.configure(url))
    with db.write() as session:
        seed_demo(session, now=NOW, hash_password=passwords.hash_password)
        add_weekly_history(session, CLIENT, now=NOW, weeks_past=WEEKS)
        news.add_many(session, count=NEWS_ITEMS, now=NOW, named_client_id=CLIENT)
    with db.read() as session:
        mine = session.scalar(select(func.count()).where(Shift.client_id == CLIENT)) or 0
        every = session.scalar(select(func.count()).select_from(Shift)) or 0
    return mine, every


async def measure(runs: int) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Build times (ms) and element counts of every client page, and of the booking page's
    list of workers ("Find a worker")."""
    two_years_ago = (NOW - timedelta(weeks=WEEKS + 2)).date().isoformat()
    pages = {
        "calendar": f"/clients/{CLIENT}/calendar",
        "history": f"/clients/{CLIENT}/history?from={two_years_ago}",
        "services": f"/clients/{CLIENT}/services?tab=billed",
        "profile": f"/clients/{CLIENT}/profile",  # with NEWS_ITEMS more news items in the sidebar
        "book": f"/clients/{CLIENT}/book",
        "statements": f"/clients/{CLIENT}/statements",
    }
    timings: dict[str, list[float]] = {name: [] for name in pages}
    elements: dict[str, int] = {}
    async with user_simulation(main_file=ROOT / "main.py") as user:
        await user.open("/login")
        user.find(marker="email").type("margaret@example.com")
        user.find(marker="password").type(DEMO_PASSWORD)
        user.find(marker="sign-in").click()
        for _ in range(400):
            if user.back_history and user.back_history[-1] != "/login":
                break
            await asyncio.sleep(0.02)
        for name, path in pages.items():
            for attempt in range(runs + 3):  # three warm-up builds first
                gc.collect()  # outside the timing: a collection lands on whichever request comes next
                started = time.perf_counter()
                await user.open(path)
                if attempt >= 3:
                    timings[name].append((time.perf_counter() - started) * 1000)
                elements[name] = len(user.client.elements)
                user.client.delete()  # as a real server does once the browser tab has gone
        await user.open(pages["book"])
        timings["find_worker"], timings["find_worker_loop_lag"], elements["find_worker"] = await find_worker(
            user, runs
        )
    return timings, elements


async def find_worker(user: Any, runs: int) -> tuple[list[float], list[float], int]:
    """ "Find a worker" for a weekly series, tapped `runs` times: from the tap until the list is
    on the page (ms), the longest the event loop was held during it (ms, a probe that asks to be
    woken every 5 ms), and the page's element count with the list shown."""
    markers = (m for e in user.client.elements.values() for m in e._markers)
    user.find(marker=next(m for m in markers if m.startswith("service-"))).click()  # the first service
    await _until(user, "Date of the first visit")
    with user:
        user.find(marker="when-date").elements.pop().value = FIRST_VISIT
        user.find(marker="when-start").elements.pop().value = "09:00"
        user.find(marker="when-pattern").elements.pop().value = Recurrence.WEEKLY
    user.find(marker="when-next").click()
    await _until(user, "Who should do it?")
    user.find(marker="choose-my-worker").click()
    await _until(user, "What matters to you in a worker?")
    took, held, count = [], [], 0
    for attempt in range(runs + 3):
        gc.collect()
        worst = [0.0]
        stop = asyncio.Event()
        probe = asyncio.create_task(_probe(stop, worst))
        await asyncio.sleep(0.02)
        started = time.perf_counter()
        user.find(marker="find-provider").click()
        await _until(user, "can do it")
        await _until_cards(user)  # the cards after the first few follow a couple per loop turn
        finished = time.perf_counter()
        stop.set()
        await probe
        if attempt >= 3:
            took.append((finished - started) * 1000)
            held.append(worst[0])
        count = len(user.client.elements)
        user.find(marker="back").click()
        await _until(user, "What matters to you in a worker?")
    return took, held, count


async def _probe(stop: asyncio.Event, worst: list[float]) -> None:
    """The event loop's lag: how much later than asked a 5 ms sleep wakes up."""
    while not stop.is_set():
        asked = time.perf_counter()
        await asyncio.sleep(0.005)
        worst[0] = max(worst[0], (time.perf_counter() - asked - 0.005) * 1000)


async def _until(user: Any, text: str) -> None:
    for _ in range(3000):  # up to a minute
        with user:
            if any(True for _ in ElementFilter(content=text, only_visible=True)):
                return
        await asyncio.sleep(0.02)
    raise RuntimeError(f"never on the page: {text!r}")


async def _until_cards(user: Any) -> None:
    """Until every card the page lists at once is on it ("N workers can do it", up to ten)."""
    from pages.book import PROVIDERS_AT_ONCE

    for _ in range(3000):
        with user:
            said = next(
                e.text for e in ElementFilter(content="can do it", only_visible=True) if hasattr(e, "text")
            )
            markers = (m for e in user.client.elements.values() for m in e._markers)
            cards = sum(1 for m in markers if m.removeprefix("choose-").isdigit())
        if cards >= min(int(said.split()[0]), PROVIDERS_AT_ONCE):
            return
        await asyncio.sleep(0.005)
    raise RuntimeError("the list of workers never completed")


def measure_allocate_dialog(runs: int) -> list[float]:
    """The Allocate dialog's loading (all of its database work) for the demo's waiting visits."""
    from components import allocate_dialog
    from domain.accounts import auth
    from storage.models import Account

    with db.read() as session:
        rosa = session.scalar(select(Account.id).where(Account.email == "rosa@example.com"))
        waiting = list(
            session.scalars(
                select(Shift.id)
                .where(Shift.status == ShiftStatus.UNALLOCATED, Shift.starts_at > NOW)
                .limit(runs)
            )
        )
    actor = auth.load_actor(rosa) if rosa is not None else None
    assert actor is not None, "the demo agency has a roster officer"
    assert waiting, "the demo agency has visits waiting for a worker"
    timings = []
    for attempt in range(runs + 3):  # three warm-up loads first
        shift_id = waiting[attempt % len(waiting)]
        gc.collect()
        started = time.perf_counter()
        allocate_dialog.load(actor, shift_id)
        if attempt >= 3:
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        clock.freeze(NOW)
        mine, every = build(url)
        os.environ.update(DATABASE_URL=url, DATA_DIR=folder, SEED_DEMO="0", RUN_JOBS="0")
        # NiceGUI's simulated user is made for pytest: without this marker its reset opens a
        # page client of its own before main.py runs.
        os.environ.setdefault("PYTEST_CURRENT_TEST", "bench/pages.py")
        timings, elements = asyncio.run(measure(runs))
        db.configure(url)
        timings["allocate_dialog"] = measure_allocate_dialog(runs)
    print(
        f"Data: client {CLIENT} has {mine} shifts ({WEEKS} weeks of weekly visits and more), {every} in all"
    )
    result: dict[str, Any] = {}
    for name, values in timings.items():
        count = f" elements={elements[name]}" if name in elements else ""
        print(
            f"{name:<21} runs={len(values)} "
            f"median={statistics.median(values):.1f} ms p95={p95(values):.1f} ms "
            f"max={max(values):.1f} ms{count}"
        )
        result[f"{name}_p95_ms"] = round(p95(values), 1)
    result["find_worker_loop_lag_max_ms"] = round(max(timings["find_worker_loop_lag"]), 1)
    result |= {f"{name}_elements": count for name, count in elements.items()}
    result |= {"client_shifts": mine, "shifts": every, "news_items_added": NEWS_ITEMS, "runs": runs}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
