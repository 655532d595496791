"""Calendar feeds over HTTP: GET /feeds/<secret>.ics for a phone's calendar (no sign-in: the
secret address is the key), and the worker app's own feed under /api/v1/feed."""

from datetime import datetime

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

import config
from domain.errors import NotFound, TooManyAttempts
from domain.feeds import addresses

from .errors import DomainRoute, Responses
from .security import SignedInWorker

# A feed is one person's visits: never kept by a shared cache or a browser's disk.
NO_STORE = {"Cache-Control": "private, no-store", "Pragma": "no-cache"}
ICS = "text/calendar; charset=utf-8"


def feed(token: str, request: Request) -> Response:
    """`/feeds/{token}.ics`. Unknown, revoked and no-longer-permitted addresses all get the same
    plain 404. Plain `def`: FastAPI runs it off the event loop."""
    try:
        body = addresses.read(
            token, config.public_url(), address=request.client.host if request.client else None
        )
    except NotFound:
        return Response("Not found", status_code=404, media_type="text/plain", headers=NO_STORE)
    except TooManyAttempts as error:
        headers = {**NO_STORE, "Retry-After": str(error.retry_after)}
        return Response(error.message, status_code=429, media_type="text/plain", headers=headers)
    return Response(body, media_type=ICS, headers=NO_STORE)


router = APIRouter(prefix="/feed", tags=["calendar feed"], route_class=DomainRoute)
WORKERS_ONLY: Responses = {403: {"description": "not a support worker"}}


class FeedState(BaseModel):
    on: bool
    since: datetime | None


class FeedAddress(BaseModel):
    address: str  # shown once: only its hash is kept


@router.get("", summary="Whether my calendar feed is on", responses=WORKERS_ONLY)
def state(actor: SignedInWorker) -> FeedState:
    found = addresses.state(actor)
    return FeedState(on=found.on, since=found.since)


@router.post("", summary="Turn my calendar feed on, or make a new address", responses=WORKERS_ONLY)
def turn_on(actor: SignedInWorker) -> FeedAddress:
    """A new secret address for the worker's shifts; any earlier address stops working."""
    return FeedAddress(address=addresses.address(config.public_url(), addresses.turn_on(actor)))


@router.delete("", status_code=204, summary="Turn my calendar feed off", responses=WORKERS_ONLY)
def turn_off(actor: SignedInWorker) -> None:
    addresses.turn_off(actor)
