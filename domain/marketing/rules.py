"""The pure rules of marketing items: what a video link becomes when embedded (the providers'
privacy-enhanced players only), which files each kind of item takes, and the publish window."""

import re
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

from domain.vocabulary import MediaKind

# NOTE: the Content-Security-Policy's frame-src allows exactly these two hosts (security headers).
YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/"
VIMEO_EMBED = "https://player.vimeo.com/video/"
YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^[0-9]{6,12}$")

VIDEO_TYPES = frozenset({"video/mp4", "video/webm"})
IMAGE_TYPES = frozenset({"image/png", "image/jpeg"})
PDF_TYPES = frozenset({"application/pdf"})
FILE_TYPES = {MediaKind.VIDEO_FILE: VIDEO_TYPES, MediaKind.IMAGE: IMAGE_TYPES, MediaKind.PDF: PDF_TYPES}
KIND_NAMES = {
    MediaKind.VIDEO_FILE: "Video (uploaded)",
    MediaKind.VIDEO_LINK: "Video (YouTube or Vimeo)",
    MediaKind.IMAGE: "Picture",
    MediaKind.PDF: "PDF document",
    MediaKind.WEB_LINK: "Web link",
}


def embed_url(link: str) -> str | None:
    """The privacy-enhanced player address for a YouTube or Vimeo link, or None for anything else."""
    parsed = urlparse(link.strip())
    if parsed.scheme not in ("http", "https"):
        return None
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    path = parsed.path.strip("/")
    video = ""
    if host in ("youtube.com", "youtube-nocookie.com"):
        if path == "watch":
            video = parse_qs(parsed.query).get("v", [""])[0]
        elif path.startswith(("embed/", "shorts/", "live/")):
            video = path.split("/")[1]
    elif host == "youtu.be":
        video = path.split("/")[0]
    if video:
        return f"{YOUTUBE_EMBED}{video}" if YOUTUBE_ID.match(video) else None
    if host in ("vimeo.com", "player.vimeo.com"):
        number = path.removeprefix("video/").split("/")[0]
        return f"{VIMEO_EMBED}{number}?dnt=1" if VIMEO_ID.match(number) else None
    return None


def is_web_link(link: str) -> bool:
    parsed = urlparse(link.strip())
    return parsed.scheme in ("http", "https") and bool(parsed.hostname) and " " not in link.strip()


def window(starts: datetime, ends: datetime | None, zone: ZoneInfo) -> tuple[datetime, datetime | None]:
    """Local wall times in the agency's zone (naive) as UTC instants: shown from `starts`
    (included) until `ends` (excluded)."""
    return _utc(starts, zone), None if ends is None else _utc(ends, zone)


def is_showing(starts: datetime, ends: datetime | None, now: datetime) -> bool:
    return starts <= now and (ends is None or now < ends)


def _utc(local: datetime, zone: ZoneInfo) -> datetime:
    return local.replace(tzinfo=zone).astimezone(UTC)
