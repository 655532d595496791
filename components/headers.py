"""Security headers on every response the portal sends (pages, API, static files, media, errors,
redirects), the websocket's Origin check, and HEAD answered like GET. One ASGI middleware, wrapped
around the whole application so that even the server-error page carries the headers.

What the Content-Security-Policy must allow for NiceGUI, and why, is in docs/security.md.
"""

import logging
from collections.abc import Callable
from urllib.parse import urlsplit

from fastapi import FastAPI
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

WEBSOCKET_PATH = "/_nicegui_ws"
VIDEO_PLAYERS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")

# Every directive, and why NiceGUI needs what it needs, is explained in docs/security.md.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self' blob:",
        "worker-src 'self' blob:",
        "frame-src 'self' " + " ".join(VIDEO_PLAYERS),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "camera",  # a photo is chosen with a file input, which needs no permission
        "microphone",
        "geolocation",  # addresses are geocoded on the server
        "payment",
        "usb",
        "serial",
        "bluetooth",
        "midi",
        "browsing-topics",
    )
)
HSTS = "max-age=31536000; includeSubDomains"


def security_headers(public_url: str) -> dict[str, str]:
    """The headers every response carries; HSTS only when the portal is reached over https."""
    headers = {
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "X-Frame-Options": "DENY",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": PERMISSIONS_POLICY,
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    if urlsplit(public_url).scheme == "https":
        headers["Strict-Transport-Security"] = HSTS
    return headers


def same_origin(origin: str | None, host: str | None, public_url: str) -> bool:
    """An Origin is accepted when it is absent (not a browser), or names the host the request was
    sent to, or the host of PUBLIC_URL (behind a proxy that rewrites Host)."""
    if origin is None:
        return True
    netloc = urlsplit(origin).netloc.lower()
    if not netloc:
        return False  # "null" (a sandboxed frame, a file) or garbage
    allowed = {urlsplit(public_url).netloc.lower()}
    if host:
        allowed.add(host.lower())
    return netloc in allowed


class SecurityHeaders:
    """Adds the security headers to every HTTP response (a header the route set itself is kept),
    refuses a websocket or socket.io request from a foreign Origin, and answers HEAD as GET without
    the body."""

    def __init__(self, app: ASGIApp, public_url: str) -> None:
        self.app = app
        self.public_url = public_url
        self.headers = security_headers(public_url)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        if scope["path"].startswith(WEBSOCKET_PATH):
            request_headers = Headers(scope=scope)
            origin = request_headers.get("origin")
            if not same_origin(origin, request_headers.get("host"), self.public_url):
                log.warning("Refused a %s to %s from Origin %s", scope["type"], scope["path"], origin)
                await self._refuse(scope, send)
                return
        if scope["type"] == "websocket":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in self.headers.items():
                    if name not in headers:
                        headers[name] = value
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        if scope["type"] == "websocket":
            # Closing before accepting: the server answers the handshake with 403.
            await send({"type": "websocket.close", "code": 1008, "reason": "foreign origin"})
            return
        body = b"Not an accepted origin."
        headers = [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
        ]
        headers += [(name.lower().encode(), value.encode()) for name, value in self.headers.items()]
        await send({"type": "http.response.start", "status": 403, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class _WithSecurityHeaders:
    """FastAPI's build_middleware_stack, with SecurityHeaders around what it builds."""

    def __init__(self, build: Callable[[], ASGIApp], public_url: str) -> None:
        self.build, self.public_url = build, public_url

    def __call__(self) -> ASGIApp:
        return SecurityHeaders(self.build(), self.public_url)


def install(app: FastAPI, public_url: str) -> None:
    """Wrap the whole application, outside Starlette's server-error middleware, so that every response
    (a 500 page too) carries the headers. Installing again (main.py run again in one test process)
    replaces the wrapper rather than nesting it."""
    build = app.build_middleware_stack
    if isinstance(build, _WithSecurityHeaders):
        build = build.build
    app.build_middleware_stack = _WithSecurityHeaders(build, public_url)  # type: ignore[method-assign]
    app.middleware_stack = None  # built again, with the wrapper, on the next request
