"""APScheduler 3: interval triggers in UTC, coalesced, one instance of each job at a time, and every
job gated on holding the scheduler lease. Cron triggers are avoided on purpose (3.11's have
daylight-saving bugs); a job that needs a local time of day checks it itself.
"""

import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.exc import DBAPIError

from jobs.leader import Leadership, holder_name
from jobs.registry import Job
from storage import db

log = logging.getLogger(__name__)
# A run skipped because the last one is still going is how coalescing works (the next run does its
# work), not a warning for whoever reads the log.
logging.getLogger("apscheduler.scheduler").setLevel(logging.ERROR)

FIRST_RUN_AFTER = timedelta(seconds=3)
# The first runs are spread out, so that after a start (when every job has work) they do not all
# wait on the database at once: on SQLite only one writes at a time.
FIRST_RUN_SPACING = timedelta(seconds=4)
JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": 60}


@dataclass(frozen=True)
class JobSettings:
    holder: str
    lease: timedelta = timedelta(seconds=30)
    renew_every: timedelta = timedelta(seconds=10)
    dispatch_every: timedelta = timedelta(seconds=5)

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "JobSettings":
        def seconds(name: str, default: float) -> timedelta:
            return timedelta(seconds=float(env.get(name) or default))

        return cls(
            holder=holder_name(),
            lease=seconds("JOB_LEASE_SECONDS", 30),
            renew_every=seconds("JOB_RENEW_SECONDS", 10),
            dispatch_every=seconds("OUTBOX_DISPATCH_SECONDS", 5),
        )


class Scheduler:
    def __init__(self, settings: JobSettings, jobs: list[Job]) -> None:
        self.settings = settings
        self.leadership = Leadership(settings.holder, settings.lease, settings.renew_every)
        self.aps = BackgroundScheduler(timezone=UTC, job_defaults=JOB_DEFAULTS)
        # Every process renews (or tries to take) the lease; only the holder runs the jobs.
        # The scheduler's own timing is wall-clock plumbing, not domain time: not domain.clock.
        started = datetime.now(UTC)
        self.aps.add_job(
            self.leadership.renew, every(settings.renew_every), id="lease", next_run_time=started
        )
        for place, job in enumerate(
            jobs
        ):  # a first run soon after the lease is taken, not a whole interval later
            first = started + min(job.every, FIRST_RUN_AFTER + place * FIRST_RUN_SPACING)
            self.aps.add_job(
                self._as_leader(job), every(job.every), id=job.name, name=job.name, next_run_time=first
            )

    def _as_leader(self, job: Job) -> Callable[[], None]:
        def run() -> None:
            if not self.leadership.holds():
                return
            started = time.monotonic()
            try:
                result = job.run()
            except DBAPIError as error:
                if not db.is_transient(error):
                    log.exception("job %s failed", job.name)
                    return
                # Busy (SQLite) or a deadlock (PostgreSQL): its work is still due and the next run
                # does it; every job is safe to run again.
                log.info("job %s found the database busy; it runs again in %s", job.name, job.every)
                return
            except Exception:
                log.exception("job %s failed", job.name)
                return
            log.debug("job %s ran in %.3f s: %s", job.name, time.monotonic() - started, result)

        return run

    def start(self) -> None:
        self.aps.start()
        log.info("scheduler started as %s (%d jobs)", self.settings.holder, len(self.aps.get_jobs()) - 1)

    def stop(self) -> None:
        """Stop, wait for running jobs, and hand the lease back so another process takes over at once."""
        if self.aps.running:
            self.aps.shutdown(wait=True)
        self.leadership.release()


def every(interval: timedelta) -> IntervalTrigger:
    return IntervalTrigger(seconds=interval.total_seconds(), timezone=UTC)
