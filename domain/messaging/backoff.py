"""When a message that could not be delivered is tried again, and when the outbox gives up on it.

Pure rules over plain values: the dispatcher applies them after each failed attempt.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

MAX_ATTEMPTS = 10
FIRST_DELAY = timedelta(minutes=1)
LONGEST_DELAY = timedelta(hours=2)
# 1, 2, 4 ... 64 minutes, then every 2 hours: about six hours in all before a message is given up.


@dataclass(frozen=True)
class TryAgain:
    at: datetime


@dataclass(frozen=True)
class GiveUp:
    reason: str


def delay_after(attempts: int) -> timedelta:
    """How long to wait after the given number of failed attempts (1 or more): doubling, capped."""
    if attempts < 1:
        raise ValueError("a retry delay needs at least one failed attempt")
    # Past 2**20 minutes the cap has long applied; stop doubling before the numbers grow silly.
    factor: int = 2 ** min(attempts - 1, 20)  # int ** int is typed Any: the exponent could be negative
    return min(FIRST_DELAY * factor, LONGEST_DELAY)


def after_failure(attempts: int, error: str, now: datetime, *, permanent: bool = False) -> TryAgain | GiveUp:
    """The next step for a message that has now failed `attempts` times (this one included).

    A permanent refusal (the server said the address does not exist) is not worth repeating.
    """
    if permanent:
        return GiveUp(f"Refused by the mail server: {error}")
    if attempts >= MAX_ATTEMPTS:
        return GiveUp(f"Gave up after {attempts} attempts. Last error: {error}")
    return TryAgain(now + delay_after(attempts))
