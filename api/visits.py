"""A client's visits through the API, and cancelling one: the range of visits (what the history page
lists), the exact fee of cancelling, and cancelling with the fee confirmed. Clients and carers for
the clients they act for, and staff; the same domain functions as the pages."""

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from domain.cancellation import cancel as cancelling
from domain.cancellation.cancel import CancellationPlan, Scope
from domain.visits import views
from domain.visits.lines import ShiftLine
from domain.vocabulary import CancelReason

from .errors import DomainRoute, Responses
from .fields import RecordId
from .security import SignedIn

router = APIRouter(tags=["visits"], route_class=DomainRoute)
REFUSALS: Responses = {
    400: {"description": "too little notice to cancel online, or the visit has taken place"},
    403: {"description": "not a client you act for"},
    409: {"description": "the fee changed since it was shown, or the visit changed meanwhile"},
}


class Visit(BaseModel):
    shift_id: int
    booking_number: str
    starts: datetime
    ends: datetime
    status: str
    service: str
    worker: str | None
    bill_rate_cents: int

    @classmethod
    def of(cls, line: ShiftLine) -> "Visit":
        return cls(
            shift_id=line.shift_id,
            booking_number=line.booking_number,
            starts=line.starts,
            ends=line.ends,
            status=line.status.value,
            service=line.service,
            worker=line.worker,
            bill_rate_cents=line.bill_rate_cents,
        )


class Visits(BaseModel):
    page: int
    pages: int
    total: int
    visits: list[Visit]


class Cancelled(BaseModel):
    shift_id: int
    scope: Scope
    visits: list[int]
    fee_cents: int

    @classmethod
    def of(cls, plan: CancellationPlan) -> "Cancelled":
        return cls(
            shift_id=plan.shift_id,
            scope=plan.scope,
            visits=[o.shift_id for o in plan.occurrences],
            fee_cents=plan.fee_cents,
        )


class Cancellation(BaseModel):
    scope: Scope = Scope.ONLY_THIS
    reason: CancelReason
    confirmed_fee_cents: int = Field(ge=0, description="the fee you were shown (GET …/cancellation)")


@router.get(
    "/clients/{client_id}/visits", summary="A client's visits between two local dates", responses=REFUSALS
)
def list_visits(
    client_id: RecordId,
    who: SignedIn,
    first: Annotated[date, Query(description="the first local date")],
    last: Annotated[date, Query(description="the last local date")],
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Visits:
    found = views.history(who, client_id, first, last, page)
    return Visits(
        page=found.page, pages=found.pages, total=found.total, visits=[Visit.of(x) for x in found.lines]
    )


@router.get(
    "/shifts/{shift_id}/cancellation", summary="What cancelling a visit would cost", responses=REFUSALS
)
def preview(shift_id: RecordId, who: SignedIn, scope: Scope = Scope.ONLY_THIS) -> Cancelled:
    return Cancelled.of(cancelling.preview(who, shift_id, scope))


@router.post(
    "/shifts/{shift_id}/cancel", summary="Cancel a visit, with its fee confirmed", responses=REFUSALS
)
def cancel(shift_id: RecordId, body: Cancellation, who: SignedIn) -> Cancelled:
    plan = cancelling.cancel(who, shift_id, body.scope, body.reason, body.confirmed_fee_cents)
    return Cancelled.of(plan)
