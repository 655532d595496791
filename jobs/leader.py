"""Leader election: the process that holds the "scheduler" lease row runs the jobs.

The lease lasts `duration` and is renewed every `renew_every`; this process trusts its own
leadership only until `duration - renew_every` after the renewal started, so it stops running jobs
before another process can take the lease over. A process that dies is replaced once its lease
runs out (30 s by default).
"""

import logging
import os
import socket
import time
from datetime import timedelta

from sqlalchemy.exc import SQLAlchemyError

from jobs import leases
from storage import db

log = logging.getLogger(__name__)

SCHEDULER_LEASE = "scheduler"


def holder_name() -> str:
    """Which process this is, as the lease and the outbox claims record it."""
    return f"{socket.gethostname()}:{os.getpid()}"


class Leadership:
    def __init__(self, me: str, duration: timedelta, renew_every: timedelta, name: str = SCHEDULER_LEASE):
        if renew_every * 2 > duration:
            raise ValueError("renew the lease at least twice within its duration")
        self.me, self.name = me, name
        self.duration, self.renew_every = duration, renew_every
        self._trusted_until = 0.0  # time.monotonic()

    def holds(self) -> bool:
        return time.monotonic() < self._trusted_until

    def renew(self) -> bool:
        """Take or renew the lease; whether this process leads now."""
        started, was_leading = time.monotonic(), self.holds()
        try:
            expires = db.retrying(lambda: leases.take_or_renew(self.name, self.me, self.duration), attempts=3)
        except SQLAlchemyError as error:
            if db.is_transient(error):  # busy: try again at the next renewal, quietly
                log.info("the database was busy: the %s lease is renewed next time", self.name)
            else:
                log.exception("could not renew the %s lease", self.name)
            expires = None
        trust = (self.duration - self.renew_every).total_seconds()
        self._trusted_until = started + trust if expires is not None else 0.0
        if self.holds() != was_leading:
            log.info("%s %s the scheduled jobs", self.me, "now runs" if self.holds() else "no longer runs")
        return self.holds()

    def release(self) -> None:
        if self.holds():
            self._trusted_until = 0.0
            try:
                leases.release(self.name, self.me)
            except SQLAlchemyError:
                log.exception("could not release the %s lease", self.name)
