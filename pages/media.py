"""Photos served only to those who may see the person in them."""

from fastapi import HTTPException
from fastapi.responses import Response
from nicegui import run

from components import guard
from components.guard import RecordId
from domain.booking import catalogue
from domain.errors import DomainError
from domain.profile import reading
from domain.workers import reviews


async def client_photo(client_id: RecordId) -> Response:
    actor = await guard.signed_in_or_401()
    try:
        found = await run.io_bound(reading.photo, actor, client_id)
    except DomainError:
        found = None  # the same answer whether it exists or not, so ids cannot be probed
    return _image(found)


async def worker_photo(worker_id: RecordId) -> Response:
    """A worker's portrait, for provider cards and reviews (the same answer for none and no access)."""
    actor = await guard.signed_in_or_401()
    try:
        found = await run.io_bound(reviews.photo, actor, worker_id)
    except DomainError:
        found = None
    return _image(found)


async def service_image(service_id: RecordId) -> Response:
    """A service's picture on the catalogue tiles."""
    actor = await guard.signed_in_or_401()
    return _image(await run.io_bound(catalogue.service_image, actor, service_id))


def _image(found: tuple[bytes, str] | None) -> Response:
    if found is None:
        raise HTTPException(status_code=404, detail="No photo.")
    data, content_type = found
    return Response(
        data,
        media_type=content_type,
        headers={"Cache-Control": "private, max-age=86400", "X-Content-Type-Options": "nosniff"},
    )
