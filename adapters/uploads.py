"""Upload size limits enforced on the bytes that actually arrive, whatever the headers say.

A `Content-Length` is only a claim, and a chunked request has none: the limit is counted on the
streamed body as the application reads it. The moment a body passes its route's limit, reading
stops (the rest is never taken from the connection, so memory stays bounded by the limit), the
route's handler is abandoned before it can store anything, and the sender gets 413 with a sentence
saying the limit.

Which limit applies, first match wins:

1. a prefix registered with `limit(prefix, max_bytes)`, e.g. a marketing video route::

       from adapters import uploads
       uploads.limit("/admin/marketing/videos", 200 * 1024 * 1024)

2. a NiceGUI `ui.upload` (it posts to ``/_nicegui/client/<client>/upload/<element>``): the
   element's own ``max_file_size`` (times ``max_files``, or its ``max_total_size``) plus room for
   the multipart envelope, so setting ``max_file_size`` on a `ui.upload` is enough to have it
   enforced on the server;
3. any other NiceGUI upload: `DEFAULT_UPLOAD_BYTES`.

Other requests are not limited here. Install once, outermost: ``app.add_middleware(uploads.Limits)``.
"""

import json
import re
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

DEFAULT_UPLOAD_BYTES = 6 * 1024 * 1024  # a 5 MB photo and its multipart envelope
ENVELOPE_BYTES = 64 * 1024  # multipart boundaries and part headers around the file itself
NICEGUI_UPLOAD = re.compile(r"^/_nicegui/client/(?P<client>[^/]+)/upload/(?P<element>\d+)$")
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


@dataclass(frozen=True)
class _Limit:
    prefix: str
    max_bytes: int


_limits: list[_Limit] = []


def limit(prefix: str, max_bytes: int) -> None:
    """Refuse (413) any request under `prefix` whose body passes `max_bytes`. Registering the same
    prefix again replaces its limit; longer prefixes win over shorter ones."""
    if max_bytes <= 0:
        raise ValueError("an upload limit is a positive number of bytes")
    _limits[:] = [entry for entry in _limits if entry.prefix != prefix]
    _limits.append(_Limit(prefix, max_bytes))
    _limits.sort(key=lambda entry: len(entry.prefix), reverse=True)


def limit_for(path: str) -> int | None:
    """The byte limit of a request body to `path`, or None when this module does not limit it."""
    for entry in _limits:
        if path.startswith(entry.prefix):
            return entry.max_bytes
    match = NICEGUI_UPLOAD.match(path)
    if match:
        return _nicegui_element_limit(match["client"], int(match["element"])) or DEFAULT_UPLOAD_BYTES
    return None


def describe(max_bytes: int) -> str:
    """A limit as a person reads it: "5 MB", "200 MB", "512 KB"."""
    if max_bytes >= 1024 * 1024:
        megabytes = max_bytes / (1024 * 1024)
        return f"{megabytes:.0f} MB" if megabytes >= 10 or megabytes.is_integer() else f"{megabytes:.1f} MB"
    return f"{max(1, max_bytes // 1024)} KB"


def message(max_bytes: int) -> str:
    return f"That file is too large (limit {describe(max_bytes)}). Please choose a smaller file."


def _nicegui_element_limit(client_id: str, element_id: int) -> int | None:
    from nicegui import Client

    client = Client.instances.get(client_id)
    element = client.elements.get(element_id) if client is not None else None
    if element is None:
        return None
    props = element.props
    per_file = props.get("max-file-size")
    total = props.get("max-total-size")
    files = props.get("max-files") or 1
    if isinstance(total, int) and total > 0:
        return total + ENVELOPE_BYTES
    if isinstance(per_file, int) and per_file > 0:
        return per_file * int(files) + ENVELOPE_BYTES
    return None


class _TooLarge(Exception):
    pass


class Limits:
    """ASGI middleware counting each limited request's body as it streams in."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") not in BODY_METHODS:
            await self.app(scope, receive, send)
            return
        max_bytes = limit_for(scope.get("path", ""))
        if max_bytes is None:
            await self.app(scope, receive, send)
            return
        if _declared_length(scope) > max_bytes:  # refused before a byte of the body is read
            await _refuse(send, max_bytes)
            return

        received = 0
        exceeded = False
        started = False

        async def counting_receive() -> Message:
            nonlocal received, exceeded
            if exceeded:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_bytes:
                    exceeded = True
                    raise _TooLarge()
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded:
                return  # the application's own answer to an abandoned body is not sent
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not exceeded:
                raise
        if exceeded and not started:
            await _refuse(send, max_bytes)


def _declared_length(scope: Scope) -> int:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return 0
    return 0


async def _refuse(send: Send, max_bytes: int) -> None:
    body = json.dumps({"detail": message(max_bytes)}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
