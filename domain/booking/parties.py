"""The people a booking's letters go to, and what every letter says about the booking, read once
per use case from what is stored (answers, expiry, allocation, the rolling horizon)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.action import Action
from domain.booking.letters import BookingFacts
from storage.queries import recipients
from storage.queries.recipients import Recipient


@dataclass(frozen=True)
class Parties:
    client: Recipient
    worker: Recipient
    booking: BookingFacts


def of(
    act: Action,
    *,
    booking_number: str,
    client_id: int,
    worker_id: int,
    service_id: int,
    starts_at: datetime,
    shifts: int,
    rates: Sequence[int] = (),
) -> Parties:
    """The client and the worker, and the booking as the letters about these `shifts` describe it
    (starting with the visit at `starts_at`), with the rates stored on those shifts."""
    client = recipients.client(client_id, session=act.session)
    worker = recipients.worker(worker_id, session=act.session)
    service = recipients.service_name(service_id, session=act.session)
    unit = recipients.service_unit(service_id, session=act.session) if rates else None
    facts = BookingFacts(
        booking_number, client.name, service, starts_at, shifts, worker.name, tuple(rates), unit
    )
    return Parties(client, worker, facts)
