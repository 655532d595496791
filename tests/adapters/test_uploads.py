"""Upload limits hold on the streamed body, whatever Content-Length or chunked encoding claims
(finding 4: a chunked 1 GB POST to a page's upload URL was accepted and held in memory)."""

import io
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from nicegui.testing import User
from PIL import Image
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from adapters import uploads
from storage import db
from storage.models import Client, MediaFile
from tests.support.personas import Personas
from tests.support.ui import sign_in

CHUNK = 64 * 1024
BOUNDARY = "portal-test-boundary"


class Sender:
    """A chunked multipart body of `total` bytes, counting how much the server actually took."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.taken = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="me.jpg"\r\n'
            "Content-Type: image/jpeg\r\n\r\n"
        ).encode()
        self.taken += len(head)
        yield head
        while self.taken < self.total:
            self.taken += CHUNK
            yield b"\xff" * CHUNK
        yield f"\r\n--{BOUNDARY}--\r\n".encode()


def headers() -> dict[str, str]:
    return {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}


def photo_count() -> int:
    with db.read() as session:
        return session.query(MediaFile).count()


async def test_a_chunked_body_past_the_photo_limit_is_refused_and_nothing_is_stored(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    with db.read() as session:
        old_photo = session.get(Client, margaret).photo_media_id
    media_before = photo_count()
    await sign_in(user, "margaret@example.com")
    uploader = next(iter(user.find(marker="photo-upload").elements))
    url = uploader.props["url"]
    limit = uploads.limit_for(url)
    assert limit is not None
    assert limit < 6 * 1024 * 1024 + 1
    body = Sender(limit + 1024 * 1024)  # no Content-Length: sent chunked
    response = await user.http_client.post(url, content=body, headers=headers())
    assert response.status_code == 413
    assert "too large (limit" in response.json()["detail"]
    assert body.taken <= limit + 2 * CHUNK  # reading stopped at the limit: memory bounded by it
    with db.read() as session:
        assert session.get(Client, margaret).photo_media_id == old_photo
    assert photo_count() == media_before


async def test_a_declared_length_past_the_limit_is_refused_before_reading(
    user: User, portal_personas: Personas
) -> None:
    await sign_in(user, "margaret@example.com")
    uploader = next(iter(user.find(marker="photo-upload").elements))
    body = Sender(50 * 1024 * 1024)
    response = await user.http_client.post(
        uploader.props["url"],
        content=body,
        headers={**headers(), "Content-Length": str(50 * 1024 * 1024)},
    )
    assert response.status_code == 413
    assert body.taken < 2 * CHUNK


async def test_a_photo_within_the_limit_still_goes_through(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    uploader = next(iter(user.find(marker="photo-upload").elements))
    out = io.BytesIO()
    Image.new("RGB", (400, 500), (20, 140, 90)).save(out, format="JPEG")
    response = await user.http_client.post(
        uploader.props["url"], files={"file": ("me.jpg", out.getvalue(), "image/jpeg")}
    )
    assert response.status_code == 200

    def replaced() -> bool:
        with db.read() as session:
            return session.get(Client, margaret).photo_media_id is not None

    assert replaced()


# The module on its own, as another route (marketing videos, evidence files) would use it.


@pytest.fixture
def small_app() -> Iterator[tuple[httpx.AsyncClient, list[int]]]:
    stored: list[int] = []

    async def receive_file(request: Request) -> JSONResponse:
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
        stored.append(size)
        return JSONResponse({"stored": size})

    app = Starlette(routes=[Route("/evidence/upload", receive_file, methods=["POST"])])
    uploads.limit("/evidence/", 100_000)
    client = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=uploads.Limits(app)), base_url="http://portal"
    )
    yield client, stored
    uploads._limits[:] = [entry for entry in uploads._limits if entry.prefix != "/evidence/"]


async def test_a_registered_route_takes_a_body_within_its_limit(
    small_app: tuple[httpx.AsyncClient, list[int]],
) -> None:
    client, stored = small_app
    async with client:
        response = await client.post("/evidence/upload", content=b"x" * 100_000)
    assert response.status_code == 200
    assert stored == [100_000]


async def test_a_registered_route_refuses_a_chunked_body_past_its_limit(
    small_app: tuple[httpx.AsyncClient, list[int]],
) -> None:
    client, stored = small_app

    async def endless() -> AsyncIterator[bytes]:
        for _ in range(10_000):  # 640 MB if it were all read
            yield b"y" * CHUNK

    async with client:
        response = await client.post("/evidence/upload", content=endless())
    assert response.status_code == 413
    detail = "That file is too large (limit 97 KB). Please choose a smaller file."
    assert response.json() == {"detail": detail}
    assert stored == []


def test_limits_are_described_as_a_person_reads_them() -> None:
    assert uploads.describe(5 * 1024 * 1024) == "5 MB"
    assert uploads.describe(200 * 1024 * 1024) == "200 MB"
    assert uploads.describe(512 * 1024) == "512 KB"
    assert uploads.limit_for("/api/v1/shifts") is None
    with pytest.raises(ValueError, match="positive"):
        uploads.limit("/x", 0)
