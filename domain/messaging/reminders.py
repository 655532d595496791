"""Reminders before shifts: the client by e-mail and the worker in the app, once per shift, the
agency's reminder lead (default 24 hours) before it starts. Shift.reminded_at makes it once-only,
so the job is safe to run twice or in two processes at once."""

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from domain import clock
from domain.agency import settings as agency
from domain.messaging import notices
from storage import db
from storage.models import Shift
from storage.queries import recipients
from storage.queries import reminders as reminder_queries

BATCH = 100
assert notices  # NOTE: importing notices registers the templates used below


def send_due() -> int:
    """Queue the reminders for every allocated shift that starts within the lead; returns how many shifts."""
    total = 0
    lead = timedelta(minutes=agency.settings().reminder_lead_minutes)
    while True:
        count = _remind_batch(clock.now(), lead)
        total += count
        if count < BATCH:
            return total


def _remind_batch(now: datetime, lead: timedelta) -> int:
    with db.write() as session:
        shifts = reminder_queries.due(now=now, until=now + lead, limit=BATCH, session=session)
        for shift in shifts:
            remind(shift, session)
            shift.reminded_at = now
        return len(shifts)


def remind(shift: Shift, session: Session) -> None:
    client = recipients.client(shift.client_id, session=session)
    worker = recipients.worker(shift.worker_id or 0, session=session)
    context = {
        "client": client.name,
        "worker": worker.name,
        "service": recipients.service_name(shift.service_id, session=session),
        "starts_at": shift.starts_at,
        "address": recipients.client_address(shift.client_id, session=session),
        "notes": shift.notes,
    }
    notices.tell_client_and_worker(
        session, kind="shift_reminder", client=client, worker=worker, context=context, shift_id=shift.id
    )
