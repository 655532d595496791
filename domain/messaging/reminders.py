"""Reminders before shifts: the client by e-mail and the worker in the app, once per shift, the
agency's reminder lead (default 24 hours) before it starts. Shift.reminded_at makes it once-only,
so the job is safe to run twice or in two processes at once."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import ClassVar

from domain import action
from domain.action import Action
from domain.agency.settings import AgencySettings
from domain.language import _
from domain.messaging import notices
from domain.messaging.letterhead import Letter, Rendered, letter, note, when
from storage.models import Shift
from storage.queries import recipients
from storage.queries import reminders as reminder_queries

BATCH = 100


@dataclass(frozen=True)
class ShiftReminderToClient(Letter):
    """The client: a visit is coming up, and who is coming."""

    name: ClassVar[str] = "shift_reminder_client"
    client: str
    worker: str
    service: str
    starts_at: datetime

    def render(self, agency: AgencySettings) -> Rendered:
        starts = when(self.starts_at, agency)
        return letter(
            agency,
            subject=_("Reminder: {service} on {when}").format(service=self.service, when=starts),
            greeting=_("Dear {name},").format(name=self.client),
            paragraphs=[
                _("This is a reminder of your {service} visit on {when}.").format(
                    service=self.service, when=starts
                ),
                _("{worker} is coming to see you.").format(worker=self.worker),
                _("If you need to change or cancel it, please call us on {phone}.").format(
                    phone=agency.phone
                ),
            ],
            details=[(_("Service"), self.service), (_("When"), starts), (_("Support worker"), self.worker)],
        )


@dataclass(frozen=True)
class ShiftReminderToWorker(Letter):
    """App message: the worker's shift is coming up, with the address and notes."""

    name: ClassVar[str] = "shift_reminder_worker"
    client: str
    service: str
    starts_at: datetime
    address: str
    notes: str

    def render(self, agency: AgencySettings) -> Rendered:
        return note(
            f"Reminder: {self.service} with {self.client}, {when(self.starts_at, agency)}",
            f"Address: {self.address}",
            self.notes,
        )


def send_due() -> int:
    """Queue the reminders for every allocated shift that starts within the lead; returns how many shifts."""
    total = 0
    while True:
        count = _remind_batch()
        total += count
        if count < BATCH:
            return total


def _remind_batch() -> int:
    with action.writing() as act:
        lead = timedelta(minutes=act.settings.reminder_lead_minutes)
        shifts = reminder_queries.due(now=act.now, until=act.now + lead, limit=BATCH, session=act.session)
        for shift in shifts:
            remind(act, shift)
            shift.reminded_at = act.now
        return len(shifts)


def remind(act: Action, shift: Shift) -> None:
    session = act.session
    client = recipients.client(shift.client_id, session=session)
    worker = recipients.worker(shift.worker_id or 0, session=session)
    service = recipients.service_name(shift.service_id, session=session)
    notices.to_client_and_worker(
        act,
        client=client,
        worker=worker,
        to_client=ShiftReminderToClient(client.name, worker.name, service, shift.starts_at),
        to_worker=ShiftReminderToWorker(
            client.name,
            service,
            shift.starts_at,
            recipients.client_address(shift.client_id, session=session),
            shift.notes,
        ),
        shift_id=shift.id,
    )
