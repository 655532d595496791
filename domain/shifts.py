"""Shifts as people see them: a worker's coming shifts, the office's day at a glance."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.people import known_as
from storage import db
from storage.models.enums import Role, ShiftStatus
from storage.queries import shifts as shift_queries

from . import access, clock, time
from .access import Actor


@dataclass(frozen=True)
class WorkerShift:
    shift_id: int
    starts: datetime  # agency-local
    ends: datetime
    client: str
    address: str
    service: str
    status: ShiftStatus
    notes: str


def upcoming_for_worker(actor: Actor, days: int = 14) -> list[WorkerShift]:
    access.require_role(actor, Role.WORKER)
    now = clock.now()
    with db.read() as session:
        rows = shift_queries.for_worker_between(
            actor.worker_id or 0, now - timedelta(hours=12), now + timedelta(days=days), session=session
        )
    return [
        WorkerShift(
            row.id,
            time.local(row.starts_at),
            time.local(row.ends_at),
            known_as(row.preferred_name, row.first_name, row.last_name),
            f"{row.home_street}, {row.home_suburb}",
            row.service,
            row.status,
            row.notes,
        )
        for row in rows
    ]
