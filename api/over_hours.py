"""Bookings past the approved hours through the API, for case managers, roster officers and
administrators: what waits for a decision, and allowing or declining (with a reason) — the same
domain functions as /admin/over-hours. Each answers with what still waits."""

from fastapi import APIRouter
from pydantic import BaseModel, Field

from domain.pricing import over_hours
from domain.pricing.over_hours import Waiting

from .errors import DomainRoute, Responses
from .fields import RecordId
from .security import SignedIn

router = APIRouter(tags=["roster"], route_class=DomainRoute)
REFUSALS: Responses = {
    403: {"description": "not a case manager, roster officer or administrator"},
    404: {"description": "no such booking past the approved hours"},
}


class Decline(BaseModel):
    reason: str = Field(max_length=1000, description="why, in words the client is e-mailed")


@router.get(
    "/over-hours", summary="Bookings past the approved hours waiting for a decision", responses=REFUSALS
)
def waiting(who: SignedIn) -> list[Waiting]:
    return over_hours.waiting(who)


@router.post(
    "/bookings/{booking_id}/extra-hours/allow",
    summary="Allow a booking past the approved hours: its waiting visits become unallocated",
    responses=REFUSALS,
)
def allow(booking_id: RecordId, who: SignedIn) -> list[Waiting]:
    return over_hours.allow(who, booking_id)


@router.post(
    "/bookings/{booking_id}/extra-hours/decline",
    summary="Decline a booking past the approved hours: its waiting visits are cancelled, no fee",
    responses=REFUSALS,
)
def decline(booking_id: RecordId, body: Decline, who: SignedIn) -> list[Waiting]:
    return over_hours.decline(who, booking_id, body.reason)
