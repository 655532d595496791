"""The signed-in worker's pending offers, and their answers: the same domain functions as the
worker app's page."""

from datetime import date, datetime

from fastapi import APIRouter
from pydantic import BaseModel, Field

from domain.booking import answers, worker_shifts

from .errors import DomainRoute, Responses
from .fields import RecordId
from .security import SignedInWorker

router = APIRouter(prefix="/offers", tags=["offers"], route_class=DomainRoute)
ANSWER_ERRORS: Responses = {
    403: {"description": "the offer was made to another worker"},
    409: {"description": "the offer was answered already, expired or was withdrawn; or the time was taken"},
}


class Visit(BaseModel):
    local_date: date
    starts_at: datetime
    ends_at: datetime
    time_note: str | None


class OfferOut(BaseModel):
    id: int
    booking_number: str
    client_first_name: str
    suburb: str
    service: str
    recurrence: str
    starts_at: datetime
    ends_at: datetime
    expires_at: datetime
    notes: str
    occurrences: list[Visit]

    @classmethod
    def of(cls, offer: worker_shifts.OfferView) -> "OfferOut":
        return cls(
            id=offer.id,
            booking_number=offer.booking_number,
            client_first_name=offer.client_first_name,
            suburb=offer.suburb,
            service=offer.service,
            recurrence=offer.recurrence.value,
            starts_at=offer.starts_at,
            ends_at=offer.ends_at,
            expires_at=offer.expires_at,
            notes=offer.notes,
            occurrences=[Visit(**vars(v)) for v in offer.occurrences],
        )


class Rejection(BaseModel):
    note: str = Field(default="", max_length=500, description="why, for the roster team (optional)")


class Answered(BaseModel):
    id: int
    status: str


@router.get("", summary="My pending offers, soonest expiry first")
def list_offers(worker: SignedInWorker) -> list[OfferOut]:
    return [OfferOut.of(offer) for offer in worker_shifts.pending_offers(worker)]


@router.post("/{offer_id}/accept", summary="Accept one of my offers", responses=ANSWER_ERRORS)
def accept(offer_id: RecordId, worker: SignedInWorker) -> Answered:
    answers.accept(worker, offer_id)
    return Answered(id=offer_id, status="accepted")


@router.post("/{offer_id}/reject", summary="Reject one of my offers", responses=ANSWER_ERRORS)
def reject(offer_id: RecordId, worker: SignedInWorker, body: Rejection | None = None) -> Answered:
    answers.reject(worker, offer_id, body.note if body else "")
    return Answered(id=offer_id, status="rejected")
