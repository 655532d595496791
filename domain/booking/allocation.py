"""The roster department gives an unallocated shift to a worker (the Day Manager)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from domain.access import Actor
from domain.errors import DomainError

if TYPE_CHECKING:
    from domain import matching


class SlotTaken(DomainError):
    """The worker's time was given to someone else a moment ago (a race another request won)."""

    def __init__(
        self,
        message: str = "That time has just been given to someone else, so nothing was changed. "
        "Please look at the list again and choose another time or worker.",
    ) -> None:
        super().__init__(message)


class NotSuitable(DomainError):
    """The chosen worker no longer qualifies for the shift; the message says why."""


def candidates(actor: Actor, shift_id: int) -> matching.Match:
    """Roster/admin only: the ranked workers for an unallocated shift, with every left-out reason."""
    raise NotImplementedError


def allocate(actor: Actor, shift_id: int, worker_id: int) -> None:
    """Roster/admin only: an UNALLOCATED shift becomes ALLOCATED to the worker; client and worker told.
    SlotTaken when the worker's time was just taken; NotSuitable when they do not qualify."""
    raise NotImplementedError
