"""Booking for a client through the API: the catalogue of approved services, the workers who can do
a request, and booking with a chosen worker or letting the agency choose. Clients and carers for
the clients they act for, and staff; the same domain functions as the booking page."""

from datetime import date, time

from fastapi import APIRouter
from pydantic import BaseModel, Field

from domain import matching
from domain.booking import catalogue, requests
from domain.vocabulary import Recurrence

from .errors import DomainRoute, Responses
from .fields import BodyRecordId, RecordId
from .security import SignedIn

router = APIRouter(prefix="/clients/{client_id}", tags=["booking"], route_class=DomainRoute)
REFUSALS: Responses = {
    403: {"description": "not a client you act for, or a service they are not approved for"},
    409: {"description": "the worker's time was just given to someone else"},
    422: {"description": "a field is wrong, or the request breaks the agency's notice or horizon"},
}


class Service(BaseModel):
    approved_service_id: int
    name: str
    program: str
    unit: str
    rate_cents: int | None = Field(description="the lowest rate a visit can be charged (the tile's 'from')")
    price: str = Field(description="the price as the tile says it: '$65.00 an hour' or 'from $65.00 an hour'")
    default_duration_minutes: int
    approved_units: int = Field(description="hundredths of the unit per period (150 = 1.5 hours)")
    used_units: int
    left_units: int

    @classmethod
    def of(cls, item: catalogue.CatalogueItem) -> "Service":
        return cls(
            approved_service_id=item.approved_service_id,
            name=item.name,
            program=item.program,
            unit=item.unit.value,
            rate_cents=item.rate_cents,
            price=item.price_words,
            default_duration_minutes=item.default_duration_minutes,
            approved_units=item.approved_units,
            used_units=item.used_units,
            left_units=item.left_units,
        )


class Request(BaseModel):
    approved_service_id: BodyRecordId
    first_date: date = Field(description="the first visit's date in the agency's time zone")
    start_time: time = Field(description="local wall-clock time")
    duration_minutes: int = Field(ge=1, le=24 * 60)
    recurrence: Recurrence = Recurrence.ONCE
    ends_on: date | None = None
    notes: str = Field("", max_length=2000)

    def wanted(self, client_id: int) -> requests.Wanted:
        return requests.Wanted(
            client_id=client_id,
            approved_service_id=self.approved_service_id,
            first_date=self.first_date,
            start_time=self.start_time,
            duration_minutes=self.duration_minutes,
            recurrence=self.recurrence,
            ends_on=self.ends_on,
            notes=self.notes,
        )


class Booking(Request):
    worker_id: BodyRecordId | None = Field(None, description="the chosen worker; none: the agency chooses")


class Provider(BaseModel):
    worker_id: int
    name: str
    distance_km: float
    rating: int
    desirables_met: int
    desirables_total: int
    preferred: bool
    cannot_do: list[date] = Field(description="visits of a series this worker cannot do")

    @classmethod
    def of(cls, listed: matching.SeriesProvider) -> "Provider":
        p = listed.provider
        return cls(
            worker_id=p.worker_id,
            name=p.name,
            distance_km=p.distance_km,
            rating=p.rating,
            desirables_met=p.desirables_met,
            desirables_total=p.desirables_total,
            preferred=p.preferred,
            cannot_do=[day for day, _reasons in listed.cannot_do],
        )


class Booked(BaseModel):
    booking_id: int
    number: str
    status: str
    visits: int
    time_notes: list[str]
    rates_cents: list[int] = Field(description="each visit's bill rate, as stored on it")
    price: str
    beyond_approved: str = Field(description="the warning when it goes past the approved amount left")


@router.get("/catalogue", summary="The client's approved services", responses=REFUSALS)
def list_services(client_id: RecordId, who: SignedIn) -> list[Service]:
    return [Service.of(item) for item in catalogue.catalogue(who, client_id)]


@router.post("/providers", summary="The workers who can do a request, best suited first", responses=REFUSALS)
def find_providers(client_id: RecordId, body: Request, who: SignedIn) -> list[Provider]:
    return [Provider.of(listed) for listed in requests.providers(who, body.wanted(client_id)).providers]


@router.post("/bookings", status_code=201, summary="Book, with a chosen worker or not", responses=REFUSALS)
def book(client_id: RecordId, body: Booking, who: SignedIn) -> Booked:
    wanted = body.wanted(client_id)
    if body.worker_id is None:
        booked = requests.let_agency_choose(who, wanted)
    else:
        booked = requests.nominate(who, wanted, body.worker_id)
    return Booked(
        booking_id=booked.booking_id,
        number=booked.number,
        status=booked.status.value,
        visits=booked.shift_count,
        time_notes=list(booked.time_notes),
        rates_cents=list(booked.rates),
        price=booked.price,
        beyond_approved=booked.beyond,
    )
