"""Change announcements between app processes: PostgreSQL LISTEN/NOTIFY, or Redis pub/sub when
NICEGUI_REDIS_URL is set; nothing on SQLite alone (one process, announcements stay in it).

The adapter carries text: main.py hands it domain.events' wire form. Each process tags what it
sends with its own origin and ignores its own messages when they come back (its listeners heard
them already). A listener thread per process reconnects by itself after a lost connection;
announcements sent while it was away are lost, as a page missing one shows the change on its next
refresh. NOTIFY is sent after the change has committed (domain.action), so another process never
hears of a change it cannot read yet.
"""

import logging
import threading
import uuid
from collections.abc import Callable

import psycopg
import redis
from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

CHANNEL = "care_portal_events"
NOTIFY_LIMIT = 7900  # PostgreSQL refuses a NOTIFY payload of 8000 bytes or more
RECONNECT_SECONDS = 2.0
Receive = Callable[[str], None]


class Bridge:
    """Sends text to every other process and hands what they send to `receive`."""

    limit = NOTIFY_LIMIT  # the longest text one message may carry

    def __init__(self, receive: Receive) -> None:
        self.origin = uuid.uuid4().hex[:12]
        self.receive = receive
        self.stopping = threading.Event()
        self.listening = threading.Event()  # set once the first subscription is in place
        self._thread = threading.Thread(
            target=self._run, name=f"broadcast-{type(self).__name__}", daemon=True
        )
        self._send_lock = threading.Lock()

    def start(self) -> "Bridge":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._thread.join(timeout=10)
        self._close()

    def send(self, text: str) -> None:
        with self._send_lock:
            self._publish(f"{self.origin}|{text}")

    def _heard(self, message: str) -> None:
        origin, _, text = message.partition("|")
        if origin == self.origin:
            return
        try:
            self.receive(text)
        except Exception:
            log.exception("an announcement from another process could not be delivered")

    def _run(self) -> None:
        while not self.stopping.is_set():
            try:
                self._listen()
            except Exception as error:
                self.listening.clear()
                if self.stopping.is_set():
                    return
                log.warning("announcements from other processes interrupted (%s); reconnecting", error)
                self.stopping.wait(RECONNECT_SECONDS)

    def _listen(self) -> None:
        raise NotImplementedError

    def _publish(self, message: str) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError


class PostgresBridge(Bridge):
    limit = NOTIFY_LIMIT

    def __init__(self, database_url: str, receive: Receive) -> None:
        super().__init__(receive)
        self.conninfo = libpq_url(database_url)
        self._sender: psycopg.Connection | None = None

    def _listen(self) -> None:
        with psycopg.connect(self.conninfo, autocommit=True) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            self.listening.set()
            while not self.stopping.is_set():
                for note in connection.notifies(timeout=1.0):
                    self._heard(note.payload)

    def _publish(self, message: str) -> None:
        for attempt in (1, 2):  # a connection lost since the last send is opened again once
            try:
                if self._sender is None or self._sender.closed:
                    self._sender = psycopg.connect(self.conninfo, autocommit=True)
                self._sender.execute("SELECT pg_notify(%s, %s)", (CHANNEL, message))
                return
            except psycopg.OperationalError:
                self._sender = None
                if attempt == 2:
                    raise

    def _close(self) -> None:
        if self._sender is not None:
            self._sender.close()
            self._sender = None


class RedisBridge(Bridge):
    limit = 512 * 1024

    def __init__(self, redis_url: str, receive: Receive) -> None:
        super().__init__(receive)
        self.client = redis.Redis.from_url(redis_url)

    def _listen(self) -> None:
        pubsub = self.client.pubsub(ignore_subscribe_messages=True)
        try:
            pubsub.subscribe(CHANNEL)
            pubsub.get_message(timeout=1.0)  # the subscription's confirmation
            self.listening.set()
            while not self.stopping.is_set():
                message = pubsub.get_message(timeout=1.0)
                if message is not None and message.get("type") == "message":
                    data = message["data"]
                    self._heard(data.decode() if isinstance(data, bytes) else str(data))
        finally:
            pubsub.close()

    def _publish(self, message: str) -> None:
        self.client.publish(CHANNEL, message)

    def _close(self) -> None:
        self.client.close()


def libpq_url(database_url: str) -> str:
    """SQLAlchemy's postgresql+psycopg://… as libpq (psycopg, pg_dump) spells it."""
    return make_url(database_url).set(drivername="postgresql").render_as_string(hide_password=False)


_running: Bridge | None = None


def start(database_url: str, redis_url: str | None, receive: Receive) -> Bridge | None:
    """The bridge for this deployment, listening; None on SQLite without Redis (one process)."""
    global _running
    stop()
    if redis_url:
        _running = RedisBridge(redis_url, receive).start()
    elif make_url(database_url).get_backend_name() == "postgresql":
        _running = PostgresBridge(database_url, receive).start()
    if _running is not None:
        log.info("change announcements cross processes through %s", type(_running).__name__)
    return _running


def stop() -> None:
    global _running
    if _running is not None:
        _running.stop()
        _running = None
