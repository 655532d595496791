"""The audit trail: who viewed or changed which record, written in the same transaction as the
change (a use case records through its action: `act.audit(...)`).

The log is append-only: the database refuses UPDATE and DELETE of its rows (triggers on SQLite and
PostgreSQL). Every row about a client's record names that client (`client_id`), found here in one
place from the record it is about (a booking, a visit, an offer, a query, a package), so a use case
only says what it did to which record. Whether it came through the portal or the API is set once
per request (`channel`).
"""

from contextvars import ContextVar
from datetime import datetime

from sqlalchemy.orm import Session

from domain.accounts.access import Actor
from storage.models import AuditEvent, Booking, FundingPackage, Offer, Shift, ShiftQuery

# "portal" for pages; the API's route class sets "api" for the request it answers.
channel: ContextVar[str] = ContextVar("audit_channel", default="portal")


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: str = "",
    *,
    at: datetime,
    client_id: int | None = None,
) -> None:
    session.add(
        AuditEvent(
            at=at,
            account_id=actor.account_id if actor is not None else None,
            actor_name=(actor.display_name if actor is not None else "the portal")[:120],
            actor_role=actor.role.value if actor is not None else "system",
            channel=channel.get(),
            client_id=client_id if client_id is not None else client_of(session, entity, entity_id),
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail[:2000],
        )
    )


def client_of(session: Session, entity: str, entity_id: int | None) -> int | None:
    """Whose client record `entity` #`entity_id` belongs to, or None (the agency's own records).
    The rows are usually in the session already (the use case just loaded them): no query then."""
    if entity_id is None:
        return None
    if entity == "client":
        return entity_id
    if entity == "booking":
        booking = session.get(Booking, entity_id)
        return booking.client_id if booking is not None else None
    if entity == "shift":
        shift = session.get(Shift, entity_id)
        return shift.client_id if shift is not None else None
    if entity == "offer":
        offer = session.get(Offer, entity_id)
        return client_of(session, "booking", offer.booking_id) if offer is not None else None
    if entity == "shift_query":
        query = session.get(ShiftQuery, entity_id)
        return client_of(session, "shift", query.shift_id) if query is not None else None
    if entity == "package":
        package = session.get(FundingPackage, entity_id)
        return package.client_id if package is not None else None
    return None
