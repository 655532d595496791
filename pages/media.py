"""Photos served only to those who may see the person in them."""

from fastapi import HTTPException
from fastapi.responses import Response
from nicegui import run

from components import session
from domain import profile
from domain.errors import DomainError


async def client_photo(client_id: int) -> Response:
    actor = await session.current_actor()
    if actor is None:
        raise HTTPException(status_code=401, detail="Please sign in.")
    try:
        found = await run.io_bound(profile.photo, actor, client_id)
    except DomainError:
        found = None  # the same answer whether it exists or not, so ids cannot be probed
    if found is None:
        raise HTTPException(status_code=404, detail="No photo.")
    data, content_type = found
    return Response(
        data,
        media_type=content_type,
        headers={"Cache-Control": "private, max-age=86400", "X-Content-Type-Options": "nosniff"},
    )
