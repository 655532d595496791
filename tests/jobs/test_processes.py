"""Real processes: a dispatcher killed between claim and send, two dispatchers at once on
PostgreSQL, and two scheduler processes of which exactly one runs the jobs. The children are
`python -m jobs ...` against this test's database and SMTP server; they stop at exact points on
their own signal (no sleeps), and waiting is bounded polling."""

import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from domain import action, clock
from domain.messaging import outbox
from domain.vocabulary import OutboxStatus
from jobs import leases
from storage import db
from storage.models import OutboxMessage
from tests.support.letters import TestNote
from tests.support.outbox import SmallAgency, outbox_rows, queue_emails
from tests.support.smtp import SENDER, SmtpServer

ROOT = Path(__file__).resolve().parents[2]
JOB_RAN = re.compile(r"job \w+ ran")  # jobs.scheduler's debug line for every job run


@pytest.fixture
def real_time() -> None:
    """The children read the real clock, so this test does too (the frozen clock returns afterwards)."""
    clock.unfreeze()


@pytest.fixture
def children(
    small_agency: SmallAgency, smtp: SmtpServer, tmp_path: Path
) -> Iterator[Callable[..., subprocess.Popen]]:
    started: list[subprocess.Popen] = []
    env = os.environ | {
        "DATABASE_URL": small_agency.url,
        "DATA_DIR": str(tmp_path / "data"),
        "SEED_DEMO": "0",
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp.port),
        "SMTP_FROM": SENDER,
        "SMTP_STARTTLS": "0",
        "JOB_LEASE_SECONDS": "2",
        "JOB_RENEW_SECONDS": "0.5",
        "OUTBOX_DISPATCH_SECONDS": "0.3",
    }

    def start(*args: str, log: Path | None = None) -> subprocess.Popen:
        child = subprocess.Popen(
            [sys.executable, "-m", "jobs", *args],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=log.open("w") if log else subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        started.append(child)
        return child

    yield start
    for child in started:
        if child.poll() is None:
            child.kill()
        child.wait(timeout=30)


def wait_for_line(child: subprocess.Popen, prefix: str) -> str:
    """The child's first output line that starts with prefix (its log lines are skipped)."""
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith(prefix):
            return line.strip()
    raise AssertionError(f"the child ended (exit {child.wait()}) before printing {prefix!r}")


def eventually(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"never happened within {seconds} s: {what}")


def arrivals_per_message(smtp: SmtpServer) -> Counter[str]:
    return Counter(mail.message_id for mail in smtp.arrived)


def test_a_dispatcher_killed_after_claiming_and_before_sending_loses_nothing(
    real_time: None, children: Callable[..., subprocess.Popen], smtp: SmtpServer
) -> None:
    queue_emails(5)
    first = children("dispatch", "--pause-after-claim", "--claim-seconds", "2")
    assert wait_for_line(first, "claimed") == "claimed 5"
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    rows = outbox_rows()
    assert {(row.status, row.claimed_by) for row in rows} == {
        (OutboxStatus.PENDING, f"{os.uname().nodename}:{first.pid}")
    }
    assert smtp.arrived == []

    restarted = children("dispatch", "--until-empty", "--timeout", "60")
    assert restarted.wait(timeout=90) == 0
    assert arrivals_per_message(smtp) == Counter({row.message_id: 1 for row in rows})
    assert {row.status for row in outbox_rows()} == {OutboxStatus.SENT}


@pytest.mark.parametrize("backend", ["postgresql"])
def test_two_dispatchers_on_postgresql_deliver_500_messages_each_exactly_once(
    real_time: None, children: Callable[..., subprocess.Popen], smtp: SmtpServer
) -> None:
    queue_emails(500)
    args = ("dispatch", "--ready-signal", "--until-empty", "--batch", "10", "--timeout", "120")
    dispatchers = [children(*args), children(*args)]
    for child in dispatchers:
        wait_for_line(child, "ready")
    for child in dispatchers:  # both start at once
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    assert [child.wait(timeout=180) for child in dispatchers] == [0, 0]
    arrivals = arrivals_per_message(smtp)
    assert len(arrivals) == 500
    assert set(arrivals.values()) == {1}
    rows = outbox_rows()
    assert {row.status for row in rows} == {OutboxStatus.SENT}
    assert len({row.claimed_by for row in rows}) == 2, "both dispatchers took part"


def queue_app_notes(account_id: int, count: int) -> list[int]:
    with action.writing() as act:
        return [
            outbox.app_message(act, account_id=account_id, letter=TestNote(n, "Rosa")).id
            for n in range(count)
        ]


def delivered_by(ids: list[int]) -> set[str | None] | None:
    """Who delivered these app messages, once all are delivered."""
    with db.read() as session:
        rows = list(session.scalars(select(OutboxMessage).where(OutboxMessage.id.in_(ids))))
    if any(row.status != OutboxStatus.SENT for row in rows):
        return None
    return {row.claimed_by for row in rows}


@pytest.mark.parametrize("backend", ["postgresql"])
def test_of_two_scheduler_processes_only_one_runs_jobs_and_the_other_takes_over_when_it_stops(
    real_time: None, children: Callable[..., subprocess.Popen], small_agency: SmallAgency, tmp_path: Path
) -> None:
    logs = {name: tmp_path / f"{name}.log" for name in ("a", "b")}
    processes = {name: children("--verbose", "run", log=log) for name, log in logs.items()}
    holders = {f"{os.uname().nodename}:{child.pid}": name for name, child in processes.items()}

    def leader() -> str | None:
        state = leases.holder("scheduler")
        return holders.get(state.holder) if state else None

    eventually(lambda: leader() is not None, "one scheduler takes the lease")
    first = leader()
    assert first is not None
    other = "b" if first == "a" else "a"
    notes = queue_app_notes(small_agency.roster_account, 3)
    eventually(lambda: delivered_by(notes) is not None, "the leader delivers the outbox")
    assert {holders[h] for h in delivered_by(notes) or ()} == {first}
    # The delivery commits before the job returns and logs its run: wait for the line, not assume it.
    eventually(lambda: JOB_RAN.search(logs[first].read_text()) is not None, "the leader logs a job run")
    assert not JOB_RAN.search(logs[other].read_text())

    processes[first].send_signal(signal.SIGKILL)  # no clean hand-over: the lease must run out
    processes[first].wait(timeout=30)
    eventually(lambda: leader() == other, "the other scheduler takes over", seconds=60)
    later = queue_app_notes(small_agency.roster_account, 3)
    eventually(lambda: delivered_by(later) is not None, "the new leader delivers the outbox")
    assert {holders[h] for h in delivered_by(later) or ()} == {other}

    processes[other].send_signal(signal.SIGTERM)  # a clean stop hands the lease back
    assert processes[other].wait(timeout=30) == 0
    state = leases.holder("scheduler")
    assert state is not None
    assert state.holder == ""
