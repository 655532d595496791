"""Uploads are limited while they stream and kept only for what their content is: a refusal says
why, and leaves nothing in the media folder."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters import media_store
from domain.errors import NotAllowed
from domain.marketing import uploads
from tests.support.personas import Personas

MEDIA = Path(__file__).resolve().parents[2] / "assets" / "media"
KB = 1024


async def chunks_of(data: bytes, size: int = 16 * KB) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


async def endless(chunk: bytes) -> AsyncIterator[bytes]:
    """A chunked body that never ends: only the limit stops it."""
    while True:
        yield chunk


def stored_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


@pytest.fixture
def media_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A media folder of the test's own (the folder the process had comes back afterwards)."""
    monkeypatch.setattr(media_store, "_root", tmp_path / "media")
    return media_store.root()


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_a_webm_video_is_kept_under_its_contents_name(personas: Personas, media_folder: Path) -> None:
    data = (MEDIA / "welcome.webm").read_bytes()
    stored = await uploads.receive(personas.admin, "media", chunks_of(data), len(data))
    assert stored.content_type == "video/webm"
    assert (media_folder / stored.name).read_bytes() == data
    assert stored_files(media_folder) == [media_folder / stored.name]


@pytest.mark.parametrize("backend", ["sqlite"])
@pytest.mark.parametrize(
    ("purpose", "content", "says"),
    [
        ("media", b"MZ\x90\x00 an executable renamed video.mp4", "is not an MP4 or WebM video"),
        ("media", b"<html><script>alert(1)</script></html>", "is not an MP4 or WebM video"),
        ("poster", b"%PDF-1.7 a document, not a picture", "is not a PNG or JPEG picture"),
        (
            "captions",
            b"1\n00:00:00,000 --> 00:00:02,000\nSubRip, not WebVTT\n",
            "is not a WebVTT captions file",
        ),
    ],
)
async def test_content_that_is_not_what_the_item_takes_is_refused_and_nothing_kept(
    personas: Personas, media_folder: Path, purpose: uploads.Purpose, content: bytes, says: str
) -> None:
    with pytest.raises(uploads.UploadRefused, match=says) as refused:
        await uploads.receive(personas.admin, purpose, chunks_of(content), len(content))
    assert not refused.value.too_large
    assert stored_files(media_folder) == []


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_a_body_that_says_it_is_too_large_is_refused_before_it_is_read(
    personas: Personas, media_folder: Path
) -> None:
    uploads.set_media_limit(1)
    try:
        with pytest.raises(uploads.UploadRefused, match="larger than 1 MB") as refused:
            await uploads.receive(personas.admin, "media", endless(b"\x1a\x45\xdf\xa3webm"), 2 * 1024 * KB)
    finally:
        uploads.set_media_limit(200)
    assert refused.value.too_large
    assert stored_files(media_folder) == []


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_a_chunked_body_is_stopped_at_the_limit_and_its_partial_file_removed(
    personas: Personas, media_folder: Path
) -> None:
    """No Content-Length (or a false one): the stream is counted as it arrives."""
    head = (MEDIA / "welcome.webm").read_bytes()[:64]
    body = endless(head + b"\x00" * (64 * KB - len(head)))
    with pytest.raises(uploads.UploadRefused, match="larger than 1 MB"):
        await uploads.receive(personas.admin, "captions", body, None)
    with pytest.raises(uploads.UploadRefused, match="larger than 5 MB"):
        await uploads.receive(personas.admin, "poster", endless(b"\x89PNG\r\n\x1a\n" + b"\x00" * KB), 10)
    assert stored_files(media_folder) == []


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_only_publishers_may_upload(personas: Personas, media_folder: Path) -> None:
    data = (MEDIA / "welcome.vtt").read_bytes()
    for outsider in (personas.client, personas.roster, personas.worker):
        with pytest.raises(NotAllowed):
            await uploads.receive(outsider, "captions", chunks_of(data), len(data))
    assert stored_files(media_folder) == []


@pytest.mark.parametrize("backend", ["sqlite"])
async def test_a_picture_is_re_encoded_without_what_was_hidden_after_it(
    personas: Personas, media_folder: Path
) -> None:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), "#1d4f91").save(out, format="PNG")
    smuggled = out.getvalue() + b"<script>alert(1)</script>"
    stored = await uploads.receive(personas.admin, "poster", chunks_of(smuggled), len(smuggled))
    kept = (media_folder / stored.name).read_bytes()
    assert b"<script>" not in kept
    assert stored_files(media_folder) == [media_folder / stored.name]
