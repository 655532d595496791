"""Domain errors as HTTP answers, for every endpoint of the API: routers use `route_class=DomainRoute`
and endpoints simply call the domain (its messages are written for people, so they go out as they are)."""

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import HTTPException, Request, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from domain import audit
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
from domain.records import audit_log

# The documented answers a route may give besides success, as FastAPI's `responses=` takes them.
Responses = dict[int | str, dict[str, Any]]

# What any endpoint may answer, documented on every route (api/__init__.py) so the published
# schema holds every status the API really sends (tests/api/test_fuzzing.py checks it).
class FieldProblems(BaseModel):
    """What the portal found wrong with the values sent, field by field, in plain words."""

    message: str
    fields: dict[str, str]


class Unprocessable(BaseModel):
    """422: either the portal's own check of the values (`FieldProblems`) or FastAPI's check of the
    request's shape (a list of problems with their location)."""

    detail: FieldProblems | list[dict[str, Any]]


COMMON: Responses = {
    400: {"description": "a body that is not JSON, or a request the portal cannot carry out (see detail)"},
    401: {"description": "no token, or one that has expired or been revoked"},
    403: {"description": "not yours, or not for your role"},
    422: {"model": Unprocessable, "description": "a value is missing or wrong: the detail says which"},
    503: {"description": "the portal is busy: try again after Retry-After seconds"},
}

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
            audit.channel.set("api")
            try:
                response = await handler(request)
            except DomainError as error:
                raise as_http(error) from error
            await _audit_client_view(request, response)
            return response

        return translated


async def _audit_client_view(request: Request, response: Response) -> None:
    """A successful answer from a route about one client (`/clients/{client_id}/...`) showed that
    client's record: one audit row, like a page's (components.guard)."""
    client_id = request.path_params.get("client_id")
    actor = getattr(request.state, "actor", None)
    if response.status_code < 400 and str(client_id or "").isdigit() and actor is not None:
        path = f"api {request.method} {request.url.path}"
        await run_in_threadpool(audit_log.viewed, actor, int(str(client_id)), path)
