"""Files kept in the database."""

import hashlib
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from storage.models import MediaFile


def content(media_id: int, *, session: Session) -> tuple[bytes, str] | None:
    """The file's bytes and content type."""
    media = session.scalar(select(MediaFile).where(MediaFile.id == media_id).options(undefer(MediaFile.data)))
    return None if media is None else (media.data, media.content_type)


def add(data: bytes, content_type: str, *, created_at: datetime, session: Session) -> MediaFile:
    media = MediaFile(
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        created_at=created_at,
    )
    session.add(media)
    session.flush()
    return media


def delete(media_id: int, *, session: Session) -> None:
    media = session.get(MediaFile, media_id)
    if media is not None:
        session.delete(media)
