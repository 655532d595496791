"""Why a worker could not be given a booking or shift (re-exported by `allocation`)."""

from domain.errors import DomainError
from domain.language import _


class SlotTaken(DomainError):
    """The worker's time was given to someone else a moment ago (a race another request won)."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or _(
                "That time has just been given to someone else, so nothing was changed. "
                "Please look at the list again and choose another time or worker."
            )
        )


class NotSuitable(DomainError):
    """The chosen worker no longer qualifies for the shift; the message says why."""
