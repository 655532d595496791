"""The signed-in worker's upcoming shifts, and marking one completed: the same domain functions as
the worker app's page."""

from datetime import datetime

from fastapi import APIRouter, Query
from pydantic import BaseModel

from domain.booking import worker_shifts

from .errors import DomainRoute
from .fields import RecordId
from .security import SignedInWorker

router = APIRouter(prefix="/shifts", tags=["shifts"], route_class=DomainRoute)


class ShiftOut(BaseModel):
    id: int
    booking_number: str | None
    client_name: str
    address: str
    service: str
    starts_at: datetime
    ends_at: datetime
    status: str
    notes: str
    time_note: str | None
    can_complete: bool

    @classmethod
    def of(cls, shift: worker_shifts.WorkerShiftView) -> "ShiftOut":
        return cls(**{**vars(shift), "status": shift.status.value})


class Completed(BaseModel):
    id: int
    status: str


@router.get("", summary="My shifts from today on, soonest first")
def list_shifts(
    worker: SignedInWorker, days: int = Query(14, ge=1, le=worker_shifts.MAX_DAYS)
) -> list[ShiftOut]:
    return [ShiftOut.of(shift) for shift in worker_shifts.upcoming(worker, days)]


@router.post(
    "/{shift_id}/complete",
    summary="Mark one of my shifts completed",
    responses={403: {"description": "not your shift"}, 400: {"description": "not started, or not allocated"}},
)
def complete(shift_id: RecordId, worker: SignedInWorker) -> Completed:
    worker_shifts.mark_completed(worker, shift_id)
    return Completed(id=shift_id, status="completed")
