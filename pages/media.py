"""Photos served only to those who may see the person in them; marketing media only to an item's
audience and staff; marketing uploads from staff who may publish."""

from pathlib import Path
from typing import Literal

from fastapi import HTTPException, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from nicegui import run

from components import guard
from components.guard import RecordId
from domain.backoffice import workers as backoffice_workers
from domain.booking import catalogue
from domain.errors import DomainError
from domain.marketing import feed, uploads
from domain.profile import reading
from domain.workers import reviews

NEWS_PARTS: dict[str, Literal["file", "poster", "captions"]] = {
    "file": "file",
    "poster": "poster",
    "captions": "captions",
}
PURPOSES: dict[str, Literal["media", "poster", "captions"]] = {
    "media": "media",
    "poster": "poster",
    "captions": "captions",
}
UPLOAD_HEADER = "X-Care-Portal-Upload"


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


async def worker_evidence(worker_id: RecordId, competency_id: RecordId) -> Response:
    """A competency's evidence file, for staff who may see the worker (each reading audited); the
    same 404 for no file and no access."""
    actor = await guard.signed_in_or_401()
    try:
        found = await run.io_bound(backoffice_workers.evidence, actor, worker_id, competency_id)
    except DomainError:
        found = None
    return _file(found, "private, no-store")


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


def _file(found: tuple[Path, str] | None, caching: str) -> FileResponse:
    """A stored file shown in the browser (range requests answered by FileResponse); the same 404
    for no file and no access."""
    if found is None:
        raise HTTPException(status_code=404, detail="No such file.")
    path, content_type = found
    return FileResponse(
        path,
        media_type=content_type,
        content_disposition_type="inline",
        headers={"Cache-Control": caching, "X-Content-Type-Options": "nosniff"},
    )


async def news_file(item_id: RecordId, part: str) -> Response:
    """A marketing item's video, picture, PDF, poster or captions, for its audience and staff, with
    range requests (206, Accept-Ranges) so a tablet can seek in a video. The same 404 for no file and
    no access."""
    actor = await guard.signed_in_or_401()
    if part not in NEWS_PARTS:
        raise HTTPException(status_code=404, detail="No such file.")
    return _file(await run.io_bound(feed.file_of, actor, item_id, NEWS_PARTS[part]), "private, max-age=3600")


async def news_upload(request: Request, purpose: str) -> JSONResponse:
    """Staff upload a marketing item's file as the raw request body (the page's script sends it):
    read as it streams, refused past its limit or when its content is not what the item takes."""
    actor = await guard.signed_in_or_401()
    if purpose not in PURPOSES:
        raise HTTPException(status_code=404, detail="No such upload.")
    if request.headers.get(UPLOAD_HEADER) != "1":  # only our page's script sets it (no cross-site form posts)
        return JSONResponse({"error": "Please upload from the news page."}, status_code=400)
    declared = request.headers.get("content-length")
    try:
        stored = await uploads.receive(
            actor,
            PURPOSES[purpose],
            request.stream(),
            int(declared) if declared and declared.isdigit() else None,
        )
    except uploads.UploadRefused as refused:
        return JSONResponse({"error": refused.message}, status_code=413 if refused.too_large else 415)
    except DomainError as error:
        return JSONResponse({"error": error.message}, status_code=403)
    return JSONResponse({"name": stored.name, "content_type": stored.content_type, "size": stored.size})
