"""Staff decide on bookings past the approved hours.

A client may book past what is left of the approved hours (or visits) in the period: she is warned
with the hours left and what the part beyond costs (`allowance`), the booking is made, and what
goes beyond is kept on it. It then waits here until a case manager, roster officer or
administrator allows it; the allowance is recorded on the booking (who and when), audited, and the
client is e-mailed that it goes ahead. A
booking the agency will not allow is cancelled the usual way.
"""

from dataclasses import dataclass
from datetime import date

from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.errors import InvalidInput, NotFound
from domain.messaging import outbox
from domain.pricing.letters import BeyondAllowedToClient
from storage.queries import over_hours as queries
from storage.queries import recipients

MAY_ALLOW = tuple(access.SCREENS["/admin/over-hours"])
LIST_LIMIT = 200


@dataclass(frozen=True)
class Waiting:
    booking_id: int
    number: str
    client_id: int
    client: str
    service: str
    first_date: date
    beyond: str  # what goes past the approved amount, and what it costs


def waiting(actor: Actor) -> list[Waiting]:
    access.require_role(actor, *MAY_ALLOW)
    with action.reading(actor) as act:
        rows = queries.waiting(session=act.session, limit=LIST_LIMIT)
    return [
        Waiting(
            r.id,
            r.number,
            r.client_id,
            f"{r.first_name} {r.last_name}",
            r.service,
            r.first_date,
            r.beyond_approved or "",
        )
        for r in rows
    ]


def allow(actor: Actor, booking_id: int) -> list[Waiting]:
    """Allow a booking past the approved hours: recorded on it (who, when) and audited."""
    access.require_role(actor, *MAY_ALLOW)
    with action.writing(actor) as act:
        booking = queries.booking(booking_id, session=act.session)
        if booking is None or booking.beyond_approved is None:
            raise NotFound("That booking does not go past the approved hours.")
        if booking.beyond_allowed_at is not None:
            raise InvalidInput(
                {"booking": f"Booking {booking.number} was already allowed by {booking.beyond_allowed_by}."}
            )
        booking.beyond_allowed_at, booking.beyond_allowed_by = act.now, actor.display_name[:120]
        act.audit("allow_beyond", "booking", booking.id, booking.beyond_approved, client_id=booking.client_id)
        client = recipients.client(booking.client_id, session=act.session)
        if client.email:  # the warning promised that the agency tells her
            letter = BeyondAllowedToClient(client.name, booking.number, booking.beyond_approved)
            outbox.email(act, to=[client.email], letter=letter)
        act.session.flush()
    return waiting(actor)
