"""The scheduled jobs, by name. Features register theirs; the scheduler runs each on an interval,
in the one process that holds the scheduler lease.

    from jobs import registry
    registry.register("generate_shifts", booking_series.generate_due, every=timedelta(hours=1))

A job is a function of no arguments that opens its own transactions and is safe to run twice
(and, for a moment after a leader changes, in two processes at once).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[], object]
    every: timedelta


_jobs: dict[str, Job] = {}


def register(name: str, run: Callable[[], object], *, every: timedelta) -> Job:
    """Add a job, or replace the one of that name."""
    if every <= timedelta(0):
        raise ValueError(f"job {name!r} needs a positive interval")
    job = Job(name, run, every)
    _jobs[name] = job
    return job


def registered() -> list[Job]:
    return list(_jobs.values())


def forget(name: str) -> None:
    _jobs.pop(name, None)
