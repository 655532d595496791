"""Marketing media as files under the data folder (DATA_DIR/media), named by their content's SHA-256.

Uploads are received as a stream: the body is read chunk by chunk into a temporary file and refused
the moment it passes its limit (a Content-Length that says too much is refused before reading, and
a chunked body that never says is stopped at the limit). What is kept is decided by the first bytes
(MP4 `ftyp`, WebM's EBML header, PNG, JPEG, PDF, WebVTT), never by the name or the declared type.
A refused upload leaves nothing behind. The files are served by the web server with range requests
(pages/media.py), so a tablet can seek in a video.

The portal-wide streamed limit (adapters/uploads.py) guards NiceGUI's upload elements; news uploads
count their own stream here because the limit depends on what the file is for (video, poster,
captions) and the refusal names that limit.
"""

import asyncio
import contextlib
import hashlib
import io
import os
import re
import tempfile
import warnings
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

MP4, WEBM, PNG, JPEG, PDF, VTT = (
    "video/mp4",
    "video/webm",
    "image/png",
    "image/jpeg",
    "application/pdf",
    "text/vtt",
)
EXTENSIONS = {MP4: ".mp4", WEBM: ".webm", PNG: ".png", JPEG: ".jpg", PDF: ".pdf", VTT: ".vtt"}
CONTENT_TYPES = {extension: kind for kind, extension in EXTENSIONS.items()}
HEAD = 64  # enough of the start of a file to tell what it is
IMAGE_SIDE = 1600  # images are re-encoded to at most this many pixels a side
MAX_PIXELS = 40_000_000
# A stored name: two hex digits of folder, the content's SHA-256, a known extension. Nothing else is
# ever opened, so an id in an address cannot walk out of the folder.
NAME = re.compile(r"^[0-9a-f]{2}/[0-9a-f]{64}\.(mp4|webm|png|jpg|pdf|vtt)$")

_root: Path | None = None


class Refused(ValueError):
    """An upload that is not kept, with a sentence for the person who sent it."""

    def __init__(self, message: str, *, too_large: bool = False) -> None:
        super().__init__(message)
        self.too_large = too_large


@dataclass(frozen=True)
class Stored:
    name: str  # relative to the media folder; what the database keeps
    content_type: str
    size: int


def configure(data_dir: Path) -> None:
    """Keep media under this data folder (main.py, at start-up)."""
    global _root
    _root = data_dir / "media"


def root() -> Path:
    """The media folder; before `configure`, a private temporary folder of this process (tests)."""
    global _root
    if _root is None:
        _root = Path(tempfile.mkdtemp(prefix="care-portal-media-"))
    _root.mkdir(parents=True, exist_ok=True)
    return _root


def sniff(head: bytes) -> str | None:
    """The content type the file's first bytes show, or None for anything we do not keep."""
    if head[4:8] == b"ftyp":
        return MP4
    if head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head:
        return WEBM
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"%PDF-"):
        return PDF
    text = head.removeprefix(b"\xef\xbb\xbf")
    if text.startswith(b"WEBVTT") and (len(text) == 6 or text[6:7] in (b" ", b"\t", b"\n", b"\r")):
        return VTT
    return None


async def receive(
    chunks: AsyncIterator[bytes],
    *,
    limit: int,
    accept: frozenset[str],
    declared_length: int | None,
    too_large: str,
    not_accepted: str,
) -> Stored:
    """Read an upload's body into the media folder, refusing it (Refused, nothing kept) when it says
    or turns out to be larger than `limit` bytes, or its content is not one of `accept`."""
    if declared_length is not None and declared_length > limit:
        raise Refused(too_large, too_large=True)
    folder = root()
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".incoming-", delete=False)  # noqa: SIM115
    digest, size, head = hashlib.sha256(), 0, b""
    try:
        async for chunk in chunks:
            size += len(chunk)
            if size > limit:
                raise Refused(too_large, too_large=True)
            if len(head) < HEAD:
                head += chunk[: HEAD - len(head)]
            digest.update(chunk)
            await asyncio.to_thread(handle.write, chunk)
        handle.close()
        content_type = sniff(head)
        if content_type not in accept or content_type is None:
            raise Refused(not_accepted)
        if content_type in (PNG, JPEG):
            return await asyncio.to_thread(_keep_image, Path(handle.name), not_accepted)
        return _keep(Path(handle.name), f"{digest.hexdigest()}{EXTENSIONS[content_type]}", content_type, size)
    finally:
        handle.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(handle.name)  # a kept file was moved away first


def keep_bytes(data: bytes, content_type: str) -> Stored:
    """Store generated content (the demo agency's poster and newsletter) as an upload would be."""
    with tempfile.NamedTemporaryFile(dir=root(), prefix=".incoming-", delete=False) as handle:
        handle.write(data)
    return _keep(Path(handle.name), name_for(data, content_type).split("/")[1], content_type, len(data))


def keep_upload(data: bytes, *, accept: frozenset[str], not_accepted: str) -> Stored:
    """Keep an upload already read into memory under its route's streamed limit (a NiceGUI
    `ui.upload`, see adapters.uploads): judged by its first bytes, images re-encoded (no EXIF),
    Refused with nothing kept when its content is not one of `accept`."""
    content_type = sniff(data[:HEAD])
    if content_type is None or content_type not in accept:
        raise Refused(not_accepted)
    if content_type in (PNG, JPEG):
        with tempfile.NamedTemporaryFile(dir=root(), prefix=".incoming-", delete=False) as handle:
            handle.write(data)
        try:
            return _keep_image(Path(handle.name), not_accepted)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(handle.name)
    return keep_bytes(data, content_type)


def name_for(data: bytes, content_type: str) -> str:
    """The stored name of this content."""
    digest = hashlib.sha256(data).hexdigest()
    return f"{digest[:2]}/{digest}{EXTENSIONS[content_type]}"


def path_of(name: str) -> Path | None:
    """The file for a stored name, or None when the name is not one of ours or the file is gone."""
    if not NAME.match(name):
        return None
    path = root() / name
    return path if path.is_file() else None


def content_type_of(name: str) -> str:
    return CONTENT_TYPES[Path(name).suffix]


def _keep(temporary: Path, file_name: str, content_type: str, size: int) -> Stored:
    name = f"{file_name[:2]}/{file_name}"
    target = root() / name
    target.parent.mkdir(exist_ok=True)
    os.replace(temporary, target)  # the same content twice is one file
    return Stored(name, content_type, size)


def _keep_image(temporary: Path, not_accepted: str) -> Stored:
    """Images are re-encoded: no EXIF (a home's GPS position), nothing smuggled after the pixels."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(temporary) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise Refused(not_accepted)
                image.load()
                upright = ImageOps.exif_transpose(image)
        except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombWarning) as error:
            raise Refused(not_accepted) from error
    upright.thumbnail((IMAGE_SIDE, IMAGE_SIDE))
    out = io.BytesIO()
    if upright.mode in ("RGBA", "LA", "P"):
        upright.save(out, format="PNG", optimize=True)
        content_type = PNG
    else:
        upright.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
        content_type = JPEG
    data = out.getvalue()
    temporary.unlink()
    return keep_bytes(data, content_type)
