"""Receiving the files of a marketing item: a video, picture or PDF; a poster picture; captions.
Each is limited in size while it streams and kept only when its content is what it claims."""

from collections.abc import AsyncIterator
from typing import Literal

from adapters import media_store
from adapters.media_store import Stored
from domain.accounts.access import Actor
from domain.errors import DomainError
from domain.marketing import items, rules

Purpose = Literal["media", "poster", "captions"]
MB = 1024 * 1024
_limits: dict[str, int] = {"media": 200 * MB, "poster": 5 * MB, "captions": 1 * MB}
ACCEPTED = {
    "media": rules.VIDEO_TYPES | rules.IMAGE_TYPES | rules.PDF_TYPES,
    "poster": rules.IMAGE_TYPES,
    "captions": frozenset({media_store.VTT}),
}
NOT_ACCEPTED = {
    "media": "That file is not an MP4 or WebM video, a PNG or JPEG picture, or a PDF. Nothing was kept.",
    "poster": "That file is not a PNG or JPEG picture. Nothing was kept.",
    "captions": "That file is not a WebVTT captions file (it must begin with WEBVTT). Nothing was kept.",
}


class UploadRefused(DomainError):
    def __init__(self, message: str, *, too_large: bool) -> None:
        super().__init__(message)
        self.too_large = too_large


def set_media_limit(megabytes: int) -> None:
    """MEDIA_MAX_MB: the largest video, picture or PDF staff may upload."""
    _limits["media"] = megabytes * MB


def limit_of(purpose: Purpose) -> int:
    return _limits[purpose]


async def receive(
    actor: Actor, purpose: Purpose, chunks: AsyncIterator[bytes], declared_length: int | None
) -> Stored:
    items.require_publisher(actor)
    limit = _limits[purpose]
    try:
        return await media_store.receive(
            chunks,
            limit=limit,
            accept=ACCEPTED[purpose],
            declared_length=declared_length,
            too_large=f"That file is larger than {limit // MB} MB. Nothing was kept.",
            not_accepted=NOT_ACCEPTED[purpose],
        )
    except media_store.Refused as refused:
        raise UploadRefused(str(refused), too_large=refused.too_large) from None
