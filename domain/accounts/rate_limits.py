"""Limits on how often sign-in, API-token and invitation attempts may come from one address or for
one account, counted in the database so that every process of the portal shares them.

A fixed window: each attempt adds one to its key's count for the current window; past the limit the
attempt is refused with TooManyAttempts, which says when to try again (HTTP 429 with Retry-After).
The lockout after five wrong passwords (domain.accounts.passwords) still applies on its own.
"""

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from domain import action
from domain.errors import TooManyAttempts
from domain.language import ngettext
from storage.queries import sessions as session_queries


@dataclass(frozen=True)
class Limit:
    name: str
    attempts: int
    window: timedelta


WINDOW = timedelta(minutes=15)
PER_ADDRESS = 30  # SIGN_INS_PER_ADDRESS: raise it where many tablets share one address (a day centre)
SIGN_IN_PER_ADDRESS = Limit("sign_in_address", PER_ADDRESS, WINDOW)
SIGN_IN_PER_ACCOUNT = Limit("sign_in_account", 10, WINDOW)
TOKEN_PER_ADDRESS = Limit("token_address", PER_ADDRESS, WINDOW)
TOKEN_PER_ACCOUNT = Limit("token_account", 10, WINDOW)
INVITATION_PER_ADDRESS = Limit("invitation_address", 20, WINDOW)
# Calendar apps look every 15 to 60 minutes; a household's phones share one address.
FEED_PER_ADDRESS = Limit("feed_address", 120, WINDOW)
_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def configure(*, per_address: int) -> None:
    """Sign-in and token attempts allowed from one address in 15 minutes (SIGN_INS_PER_ADDRESS)."""
    global SIGN_IN_PER_ADDRESS, TOKEN_PER_ADDRESS
    SIGN_IN_PER_ADDRESS = Limit(SIGN_IN_PER_ADDRESS.name, per_address, WINDOW)
    TOKEN_PER_ADDRESS = Limit(TOKEN_PER_ADDRESS.name, per_address, WINDOW)


def window_start(now: datetime, window: timedelta) -> datetime:
    """The start of the fixed window `now` falls in."""
    return now - (now - _EPOCH) % window


def message(retry_after: int) -> str:
    minutes = max(1, -(-retry_after // 60))
    return ngettext(
        "There have been too many attempts from here in a short time. "
        "Please wait {n} minute and try again, or call the agency.",
        "There have been too many attempts from here in a short time. "
        "Please wait {n} minutes and try again, or call the agency.",
        minutes,
    ).format(n=minutes)


def check(*pairs: tuple[Limit, str | None]) -> None:
    """Count one attempt against each (limit, who) given, in one transaction; raises TooManyAttempts
    if any is over its limit. A `who` of None (no address known, no e-mail typed) is not counted."""
    counted = [(limit, who.strip().lower()) for limit, who in pairs if who and who.strip()]
    if not counted:
        return
    retry_after = 0
    with action.writing() as act:
        for limit, who in counted:
            start = window_start(act.now, limit.window)
            count = session_queries.count_attempt(f"{limit.name}:{who}"[:200], start, session=act.session)
            if count > limit.attempts:
                left = math.ceil((start + limit.window - act.now).total_seconds())
                retry_after = max(retry_after, left, 1)
        session_queries.forget_windows_before(act.now - 2 * WINDOW, session=act.session)
    if retry_after:
        raise TooManyAttempts(message(retry_after), retry_after)
