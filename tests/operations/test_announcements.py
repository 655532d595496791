"""Change announcements between processes: the wire form, and the PostgreSQL and Redis bridges
carrying it from one bridge (one process) to another."""

import os
import queue
import shutil
from collections.abc import Callable

import pytest
import redis

from adapters import broadcast
from domain import events
from domain.events import AppMessageArrived, ShiftChanged
from tests.conftest import missing

REDIS_URL = os.environ.get("TEST_REDIS_URL") or "redis://127.0.0.1:6379/15"
WAIT = 30.0  # seconds: a generous limit on a busy machine, never a timing claim


def test_an_announcement_reads_back_as_it_was_written() -> None:
    for event in (ShiftChanged.of([3, 1], [7], [None, 9]), AppMessageArrived(42)):
        [text] = events.to_wire(event)
        assert events.from_wire(text) == event


def test_a_large_announcement_is_cut_into_pieces_that_together_name_everything() -> None:
    event = ShiftChanged.of(range(5000), range(1000, 3000), range(4000, 4500))
    pieces = [events.from_wire(text) for text in events.to_wire(event, limit=7900)]
    assert len(pieces) > 1
    assert all(len(text) <= 7900 for text in events.to_wire(event, limit=7900))
    for field in ("shift_ids", "client_ids", "worker_ids"):
        assert sorted(i for piece in pieces for i in getattr(piece, field)) == list(getattr(event, field))


def test_what_is_not_an_announcement_is_refused() -> None:
    for text in ("", "[]", '{"kind":"Nope"}', '{"kind":"AppMessageArrived","x":1}'):
        with pytest.raises(ValueError, match="not an announcement"):
            events.from_wire(text)


def crossing(make: Callable[[broadcast.Receive], broadcast.Bridge]) -> None:
    heard_a: queue.Queue[str] = queue.Queue()
    heard_b: queue.Queue[str] = queue.Queue()
    a, b = make(heard_a.put).start(), make(heard_b.put).start()
    try:
        assert a.listening.wait(WAIT)
        assert b.listening.wait(WAIT)
        [text] = events.to_wire(ShiftChanged.of([1], [2], [3]))
        a.send(text)
        assert heard_b.get(timeout=WAIT) == text  # the other process hears it
        b.send("second")
        assert heard_a.get(timeout=WAIT) == "second"
        assert heard_a.empty()  # a process does not hear its own announcement back
    finally:
        a.stop()
        b.stop()


def test_postgresql_carries_an_announcement_to_the_other_process(empty_db: str) -> None:
    if not empty_db.startswith("postgresql"):
        pytest.skip("LISTEN/NOTIFY: PostgreSQL only; SQLite keeps announcements in its one process")
    crossing(lambda receive: broadcast.PostgresBridge(empty_db, receive))


def test_redis_carries_an_announcement_to_the_other_process() -> None:
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError:
        missing(
            "no Redis server at "
            + REDIS_URL
            + (" (redis-server not installed)" if not shutil.which("redis-server") else "")
        )
    crossing(lambda receive: broadcast.RedisBridge(REDIS_URL, receive))


def test_sqlite_alone_keeps_announcements_in_the_process(tmp_path) -> None:
    assert broadcast.start(f"sqlite:///{tmp_path / 'x.db'}", None, lambda _text: None) is None
