"""Change announcements: a use case announces what changed once its transaction has committed, and
whoever cares (open pages, through components.live) is told.

Each kind of change is a small frozen dataclass of plain values, so a listener knows exactly what
it gets and an announcement can be written down and read back (to cross to another process).
Listeners run in the publishing thread; one that fails does not stop the others or the use case.
"""

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ShiftChanged:
    """Shifts were booked, offered, allocated, cancelled, completed, approved or billed."""

    shift_ids: tuple[int, ...]
    client_ids: tuple[int, ...]
    worker_ids: tuple[int, ...]

    @classmethod
    def of(
        cls, shift_ids: Iterable[int], client_ids: Iterable[int], worker_ids: Iterable[int | None]
    ) -> "ShiftChanged":
        """Sorted, without repeats, without the None of an unallocated shift's worker."""
        return cls(
            tuple(sorted(set(shift_ids))),
            tuple(sorted(set(client_ids))),
            tuple(sorted({worker for worker in worker_ids if worker is not None})),
        )


@dataclass(frozen=True)
class AppMessageArrived:
    """A new message is in this account's inbox."""

    account_id: int


Event = ShiftChanged | AppMessageArrived
E = TypeVar("E", ShiftChanged, AppMessageArrived)
KINDS: dict[str, type[Event]] = {kind.__name__: kind for kind in (ShiftChanged, AppMessageArrived)}

_listeners: dict[type[Event], list[Callable[[Any], None]]] = {}
_lock = threading.Lock()


def listen(kind: type[E], listener: Callable[[E], None]) -> Callable[[], None]:
    """Call listener(event) on every announcement of this kind; returns the function that stops it."""
    with _lock:
        _listeners.setdefault(kind, []).append(listener)

    def stop() -> None:
        with _lock:
            if listener in _listeners.get(kind, []):
                _listeners[kind].remove(listener)

    return stop


def publish(event: Event) -> None:
    """Tell every listener of the event's kind."""
    with _lock:
        listeners = list(_listeners.get(type(event), []))
    for listener in listeners:
        try:
            listener(event)
        except Exception:
            log.exception("listener for %s failed", type(event).__name__)
