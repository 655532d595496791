"""The signed-in session: who is at this browser, the sign-in check in front of every request, idle
expiry. (components.guard turns the session into the actor a page shows.)

`app.storage.user` holds the session's identity only (an account id and when it was last used),
never personal or health data: in a scaled-out deployment it lives in Redis.
"""

from datetime import datetime
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import JSONResponse, RedirectResponse
from nicegui import app, run, ui
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

from domain import clock
from domain.accounts import auth, passwords
from domain.accounts.access import Actor

ACCOUNT = "account_id"
LAST_SEEN = "last_seen"
PUBLIC_PAGES = frozenset({"/login", "/healthz", "/docs", "/openapi.json", "/favicon.ico"})
PUBLIC_PREFIXES = ("/welcome/", "/static/", "/_nicegui/", "/api/")
MAX_UPLOAD_BYTES = 6 * 1024 * 1024  # a little over the 5 MB photo limit, for the multipart envelope


def _is_public(path: str) -> bool:
    return path in PUBLIC_PAGES or path.startswith(PUBLIC_PREFIXES)


def _is_upload(request: Request) -> bool:
    return request.method == "POST" and "/upload/" in request.url.path


class SignInRequired(BaseHTTPMiddleware):
    """Every page but the public ones needs a live session; uploads are size-checked on the server."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if _is_upload(request) and int(request.headers.get("content-length") or 0) > MAX_UPLOAD_BYTES:
            return JSONResponse({"detail": "That file is larger than 5 MB."}, status_code=413)
        if _is_public(request.url.path):
            return await call_next(request)
        if not app.storage.user.get(ACCOUNT):
            return RedirectResponse(sign_in_address(request.url.path))
        if passwords.is_idle_expired(_last_seen(), clock.now()):
            app.storage.user.clear()
            return RedirectResponse("/login?expired=1")
        touch()
        return await call_next(request)


def sign_in_address(path: str) -> str:
    """The sign-in page, coming back to `path` afterwards."""
    return f"/login?next={quote(path)}"


def _last_seen() -> datetime | None:
    value = app.storage.user.get(LAST_SEEN)
    return datetime.fromisoformat(value) if value else None


def touch() -> None:
    """Mark the session as used now (a page load, a click, a key press)."""
    app.storage.user[LAST_SEEN] = clock.now().isoformat()


def begin(actor: Actor) -> None:
    app.storage.user.clear()
    app.storage.user.update({ACCOUNT: actor.account_id, LAST_SEEN: clock.now().isoformat()})


def signed_in_account() -> int | None:
    """The account signed in at this browser, or None (signed out, or idle too long)."""
    account_id = app.storage.user.get(ACCOUNT)
    if not account_id or passwords.is_idle_expired(_last_seen(), clock.now()):
        return None
    return int(account_id)


def sign_out() -> None:
    app.storage.user.clear()
    ui.navigate.to("/login")


async def set_large_text(actor: Actor, on: bool) -> None:
    await run.io_bound(auth.set_large_text, actor.account_id, on)
    if on:
        ui.query("body").classes(add="large-text")
    else:
        ui.query("body").classes(remove="large-text")


def watch_activity() -> None:
    """Keep the session alive while the person uses the page, and end it after 30 idle minutes
    even if the page just sits open (a tablet left on the kitchen table)."""

    def on_activity() -> None:
        if passwords.is_idle_expired(_last_seen(), clock.now()):
            sign_out()
        else:
            touch()

    def check_idle() -> None:
        if passwords.is_idle_expired(_last_seen(), clock.now()):
            app.storage.user.clear()
            ui.navigate.to("/login?expired=1")

    ui.on("user_activity", on_activity)  # NOTE: emitted by ACTIVITY_SCRIPT, installed by theme.install()
    ui.timer(60, check_idle)


# At most one ping a minute, on any touch or key press.
ACTIVITY_SCRIPT = """<script>
(() => {
  let last = 0;
  const ping = () => {
    const now = Date.now();
    if (now - last > 60000 && window.emitEvent) { last = now; window.emitEvent("user_activity"); }
  };
  ["pointerdown", "keydown"].forEach(type => document.addEventListener(type, ping, {passive: true}));
})();
</script>"""
