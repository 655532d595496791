"""Development mode: reading the mail the local SMTP catcher caught (kept in memory by
storage.caught_mail), administrators only: it carries clients' names and shift details. One-time
links (invitations, new passwords) are masked, so that nobody who reads the catcher can take over the
account a link was sent to."""

import dataclasses
import re

from domain.accounts import access
from domain.accounts.access import Actor
from domain.vocabulary import Role
from storage import caught_mail as store
from storage.caught_mail import CaughtMail

__all__ = ["MASK", "CaughtMail", "caught", "is_catching", "masked"]

MASK = "••••"
# A one-time link's secret: all the rest of a /welcome/ link, or any long token-like part of a URL
# (a path segment or a query value of 16 or more URL-safe characters).
_WELCOME = re.compile(r"(/welcome/)[^\s\"'<>]+")
_TOKEN_IN_URL = re.compile(r"(https?://[^\s\"'<>]*?[/=])[A-Za-z0-9_\-.~%]{16,}")


def caught(actor: Actor) -> list[CaughtMail]:
    """Newest first, with every one-time link masked (a stopped catcher has forgotten its mail)."""
    access.require_role(actor, Role.ADMIN)
    return [masked(mail) for mail in store.newest_first()]


def masked(mail: CaughtMail) -> CaughtMail:
    return dataclasses.replace(
        mail, text=mask_links(mail.text), html=mask_links(mail.html) if mail.html is not None else None
    )


def mask_links(text: str) -> str:
    text = _WELCOME.sub(rf"\g<1>{MASK}", text)
    previous = None
    while previous != text:  # a URL may carry more than one token
        previous, text = text, _TOKEN_IN_URL.sub(rf"\g<1>{MASK}", text)
    return text


def is_catching() -> bool:
    return store.is_catching()
