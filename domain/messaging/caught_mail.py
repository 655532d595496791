"""Development mode: the mail that the local SMTP catcher (jobs.catcher) received, kept in this
process for staff to read at /admin/mail. Nothing here is stored: a restart forgets it."""

import threading
from collections import deque
from dataclasses import dataclass
from datetime import datetime

from domain.accounts.access import Actor
from domain.errors import NotAllowed

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


def set_catching(on: bool) -> None:
    """Called when the catcher starts or stops, so the page can say whether mail is being caught."""
    global _catching
    _catching = on


def is_catching() -> bool:
    return _catching


def caught(actor: Actor) -> list[CaughtMail]:
    """Newest first; staff only (mail carries clients' names and shift details)."""
    if not actor.is_staff:
        raise NotAllowed()
    with _lock:
        return list(reversed(_caught))


def caught_unchecked() -> list[CaughtMail]:
    """For tests and tools in this process: newest first, without an access check."""
    with _lock:
        return list(reversed(_caught))


def forget() -> None:
    with _lock:
        _caught.clear()
