"""Domain errors as HTTP answers, for every endpoint of the API: routers use `route_class=DomainRoute`
and endpoints simply call the domain (its messages are written for people, so they go out as they are)."""

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import HTTPException, Request, Response
from fastapi.routing import APIRoute

from domain.booking.answers import OfferGone
from domain.booking.errors import NotSuitable, SlotTaken
from domain.cancellation.rules import FeeChanged
from domain.errors import (
    AccountLocked,
    ChangedMeanwhile,
    DomainError,
    InvalidInput,
    NotAllowed,
    NotFound,
    PortalBusy,
    SignInFailed,
    TooManyAttempts,
)

# The documented answers a route may give besides success, as FastAPI's `responses=` takes them.
Responses = dict[int | str, dict[str, Any]]

STATUS = (  # the first match wins: subclasses before their parents
    (TooManyAttempts, 429),
    (AccountLocked, 423),
    (SignInFailed, 401),
    (NotAllowed, 403),
    (NotFound, 404),
    (OfferGone, 409),
    (SlotTaken, 409),
    (ChangedMeanwhile, 409),
    (FeeChanged, 409),
    (NotSuitable, 409),
    (PortalBusy, 503),
    (InvalidInput, 422),
    (DomainError, 400),
)


def status_for(error: DomainError) -> int:
    return next(status for kind, status in STATUS if isinstance(error, kind))


def as_http(error: DomainError) -> HTTPException:
    status = status_for(error)
    headers = (
        {"WWW-Authenticate": "Bearer"} if status == 401 else {"Retry-After": "30"} if status == 503 else None
    )
    if isinstance(error, TooManyAttempts):
        headers = {"Retry-After": str(error.retry_after)}
    detail: Any = error.message
    if isinstance(error, InvalidInput):
        detail = {"message": error.message, "fields": error.fields}
    return HTTPException(status, detail=detail, headers=headers)


class DomainRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def translated(request: Request) -> Response:
            try:
                return await handler(request)
            except DomainError as error:
                raise as_http(error) from error

        return translated
