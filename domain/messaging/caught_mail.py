"""Development mode: reading the mail the local SMTP catcher caught (kept in memory by
storage.caught_mail), staff only: it carries clients' names and shift details."""

from domain.accounts.access import Actor
from domain.errors import NotAllowed
from storage import caught_mail as store
from storage.caught_mail import CaughtMail

__all__ = ["CaughtMail", "caught", "is_catching"]


def caught(actor: Actor) -> list[CaughtMail]:
    """Newest first."""
    if not actor.is_staff:
        raise NotAllowed()
    return store.newest_first()


def is_catching() -> bool:
    return store.is_catching()
