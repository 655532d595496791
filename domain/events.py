"""Change announcements: a use case announces what changed once its transaction has committed, and
whoever cares (open pages, through components.live) is told.

Each kind of change is a small frozen dataclass of plain values, so a listener knows exactly what
it gets and an announcement can be written down and read back (to cross to another process).
Listeners run in the publishing thread; one that fails does not stop the others or the use case.

With several app processes, a bridge (adapters.broadcast: PostgreSQL LISTEN/NOTIFY or Redis
pub/sub) carries each announcement, as `to_wire` text, to the other processes, which `deliver` it
to their own listeners.
"""

import json
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
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
_bridge: Callable[[Event], None] | None = None  # sends an announcement to the other processes


def bridge(send: Callable[[Event], None] | None) -> None:
    """Send every announcement also through `send` (None: this process only)."""
    global _bridge
    _bridge = send


def to_wire(event: Event, limit: int = 7900) -> list[str]:
    """The announcement as text, in as many pieces of at most `limit` characters as it takes (a
    large ShiftChanged is halved: the pieces together name every shift, client and worker)."""
    text = json.dumps({"kind": type(event).__name__, **asdict(event)}, separators=(",", ":"))
    if len(text) <= limit or not isinstance(event, ShiftChanged) or len(event.shift_ids) < 2:
        return [text]
    halves = [
        ShiftChanged(ids[: len(ids) // 2], clients[: len(clients) // 2], workers[: len(workers) // 2])
        for ids, clients, workers in [(event.shift_ids, event.client_ids, event.worker_ids)]
    ] + [
        ShiftChanged(ids[len(ids) // 2 :], clients[len(clients) // 2 :], workers[len(workers) // 2 :])
        for ids, clients, workers in [(event.shift_ids, event.client_ids, event.worker_ids)]
    ]
    return [piece for half in halves for piece in to_wire(half, limit)]


def from_wire(text: str) -> Event:
    """The announcement written by to_wire; ValueError for anything else."""
    try:
        fields = json.loads(text)
        kind = KINDS[fields.pop("kind")]
        values: dict[str, Any] = {
            name: tuple(value) if isinstance(value, list) else value for name, value in fields.items()
        }
        return kind(**values)
    except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as error:
        raise ValueError(f"not an announcement: {text[:80]!r}") from error


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
    """Tell every listener of the event's kind, here and (through the bridge) in other processes."""
    deliver(event)
    send = _bridge
    if send is not None:
        try:
            send(event)
        except Exception:
            log.exception("could not send %s to the other processes", type(event).__name__)


def deliver(event: Event) -> None:
    """Tell this process's listeners of the event's kind."""
    with _lock:
        listeners = list(_listeners.get(type(event), []))
    for listener in listeners:
        try:
            listener(event)
        except Exception:
            log.exception("listener for %s failed", type(event).__name__)
