"""Leases: among several processes, exactly one holds a named lease (e.g. "scheduler") at a time.

The holder renews it well before it runs out; a holder that stops renewing (the process died) loses
it when it runs out, and the next process to ask takes it over.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain import clock
from storage import db
from storage.queries import leases as lease_queries


@dataclass(frozen=True)
class LeaseState:
    holder: str
    expires_at: datetime


def may_take(current: LeaseState, me: str, now: datetime) -> bool:
    """Mine to take or renew: nobody holds it, I do already, or the holder's time ran out."""
    return current.holder in ("", me) or current.expires_at <= now


def take_or_renew(name: str, me: str, duration: timedelta) -> datetime | None:
    """Hold the lease for `duration` from now; when it runs out, or None if another process holds it."""
    now = clock.now()
    with db.write() as session:
        lease = lease_queries.locked(name, session=session)
        if not may_take(LeaseState(lease.holder, lease.expires_at), me, now):
            return None
        lease.holder, lease.expires_at = me, now + duration
        return lease.expires_at


def release(name: str, me: str) -> None:
    """Let it go at once (a clean shutdown), so another process need not wait for it to run out."""
    with db.write() as session:
        lease = lease_queries.locked(name, session=session)
        if lease.holder == me:
            lease.holder, lease.expires_at = "", clock.now()


def holder(name: str) -> LeaseState | None:
    with db.read() as session:
        lease = lease_queries.get(name, session=session)
        return None if lease is None else LeaseState(lease.holder, lease.expires_at)
