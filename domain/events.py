"""Change announcements: a use case publishes what changed after its transaction commits, and
whoever cares (open pages, through components.live) is told. In-process; each app process
announces its own changes.

Topics and their payload keys:
- "shift_changed": shift_ids, client_ids, worker_ids (booked, offered, allocated, cancelled, done)
- "app_message": account_id (a new message in that account's inbox)
"""

import logging
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

Listener = Callable[[dict[str, Any]], None]
_listeners: dict[str, list[Listener]] = {}
_lock = threading.Lock()


def listen(topic: str, listener: Listener) -> Callable[[], None]:
    """Call listener(payload) on every publish of topic; returns the function that stops it."""
    with _lock:
        _listeners.setdefault(topic, []).append(listener)

    def stop() -> None:
        with _lock:
            if listener in _listeners.get(topic, []):
                _listeners[topic].remove(listener)

    return stop


def publish(topic: str, **payload: Any) -> None:
    """Tell every listener; one failing listener does not stop the others or the use case."""
    with _lock:
        listeners = list(_listeners.get(topic, []))
    for listener in listeners:
        try:
            listener(payload)
        except Exception:
            log.exception("listener for %s failed", topic)
