"""Development mode: the mail the local SMTP catcher (jobs.catcher) received, kept in this process's
memory for administrators to read at /admin/mail. Nothing here reaches the database: a restart
forgets it."""

import threading
from collections import deque
from dataclasses import dataclass
from datetime import datetime

KEEP = 200  # the newest messages; older ones drop off


@dataclass(frozen=True)
class CaughtMail:
    received_at: datetime
    sender: str
    recipients: tuple[str, ...]
    subject: str
    text: str
    html: str | None
    message_id: str


_caught: deque[CaughtMail] = deque(maxlen=KEEP)
_lock = threading.Lock()
_catching = False


def keep(mail: CaughtMail) -> None:
    with _lock:
        _caught.append(mail)


def newest_first() -> list[CaughtMail]:
    with _lock:
        return list(reversed(_caught))


def forget() -> None:
    with _lock:
        _caught.clear()


def set_catching(on: bool) -> None:
    """Called when the catcher starts or stops, so the page can say whether mail is being caught."""
    global _catching
    _catching = on


def is_catching() -> bool:
    return _catching
