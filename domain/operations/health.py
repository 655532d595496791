"""/healthz: is this process fit to serve? The database answers, its schema is the one this program
expects, a scheduler leader holds the jobs' lease, and how many outbox messages wait.

A plain value in, a plain value out; the route (api.health) turns it into JSON with 200 or 503.
"""

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from domain import clock
from storage import db, migrate
from storage.queries import leases as lease_queries
from storage.queries import outbox as outbox_queries

SCHEDULER_LEASE = "scheduler"


@dataclass(frozen=True)
class Health:
    database: bool
    migrations_current: bool
    scheduler_leader: str | None  # the process holding the jobs' lease, None if nobody does
    outbox_backlog: int | None  # messages waiting to be sent; None when the database did not answer
    detail: str = ""

    @property
    def ok(self) -> bool:
        """All is well: the backlog is reported for monitoring, not a reason to take the process out."""
        return self.can_serve and self.scheduler_leader is not None

    @property
    def can_serve(self) -> bool:
        """What a reverse proxy asks: this process can answer requests (after a leader's crash the
        jobs wait for its lease to run out, but pages still work)."""
        return self.database and self.migrations_current

    def as_json(self) -> dict[str, Any]:
        return {"status": "ok" if self.ok else "unavailable", **asdict(self)}


def check() -> Health:
    try:
        current = migrate.is_current(db.engine())
        with db.read() as session:
            lease = lease_queries.get(SCHEDULER_LEASE, session=session)
            backlog = outbox_queries.pending_count(session=session)
    except SQLAlchemyError as error:
        return Health(False, False, None, None, detail=type(error).__name__)
    leader = lease.holder if lease is not None and lease.holder and lease.expires_at > clock.now() else None
    return Health(True, current, leader, backlog)
