"""The roster department through the API: a day's visits, the workers who can take one, and giving
it to one of them. Roster officers and administrators; the same domain functions as the Day
Manager."""

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from domain.booking import allocation
from domain.roster import day as roster_day

from .errors import DomainRoute, Responses
from .fields import BodyRecordId, RecordId
from .security import SignedIn

router = APIRouter(tags=["roster"], route_class=DomainRoute)
REFUSALS: Responses = {
    403: {"description": "not roster staff"},
    409: {"description": "the worker's time was just taken, or the visit is no longer waiting"},
}


class DayVisit(BaseModel):
    shift_id: int
    booking_number: str | None
    starts: datetime
    ends: datetime
    status: str
    client_id: int
    client: str
    service: str
    worker_id: int | None
    worker: str | None


class Day(BaseModel):
    day: date
    page: int
    pages: int
    visits: list[DayVisit]


class Candidate(BaseModel):
    worker_id: int
    name: str
    distance_km: float


class LeftOut(BaseModel):
    worker_id: int
    name: str
    reasons: list[str]


class Candidates(BaseModel):
    providers: list[Candidate]
    left_out: list[LeftOut]


class Allocation(BaseModel):
    worker_id: BodyRecordId


class Allocated(BaseModel):
    shift_id: int
    worker_id: int
    status: str = "allocated"


@router.get("/day", summary="One day's visits, as the Day Manager shows them", responses=REFUSALS)
def one_day(
    who: SignedIn,
    on: Annotated[date, Query(description="the local date")],
    show: roster_day.Show = roster_day.Show.ALL,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Day:
    found = roster_day.day(who, on, roster_day.DayFilter(show=show, page=page))
    return Day(
        day=found.day,
        page=found.page,
        pages=found.pages,
        visits=[
            DayVisit(
                shift_id=s.shift_id,
                booking_number=s.booking_number,
                starts=s.starts,
                ends=s.ends,
                status=s.status.value,
                client_id=s.client_id,
                client=s.client,
                service=s.service,
                worker_id=s.worker_id,
                worker=s.worker,
            )
            for s in found.shifts
        ],
    )


@router.get(
    "/shifts/{shift_id}/candidates",
    summary="Who can take an unallocated visit, and why not the rest",
    responses=REFUSALS,
)
def candidates(shift_id: RecordId, who: SignedIn) -> Candidates:
    found = allocation.candidates(who, shift_id)
    return Candidates(
        providers=[
            Candidate(worker_id=p.worker_id, name=p.name, distance_km=p.distance_km) for p in found.providers
        ],
        left_out=[
            LeftOut(worker_id=o.worker_id, name=o.name, reasons=list(o.reasons)) for o in found.left_out
        ],
    )


@router.post(
    "/shifts/{shift_id}/allocate", summary="Give an unallocated visit to a worker", responses=REFUSALS
)
def allocate(shift_id: RecordId, body: Allocation, who: SignedIn) -> Allocated:
    allocation.allocate(who, shift_id, body.worker_id)
    return Allocated(shift_id=shift_id, worker_id=body.worker_id)
