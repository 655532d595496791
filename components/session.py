"""The signed-in session: our own cookie, the sign-in check in front of every request, idle expiry,
signing out. (components.guard turns the session into the actor a page shows.)

The session lives in the database (domain.accounts.sessions); the browser holds only a random token
in the `care_session` cookie (HttpOnly, SameSite=Lax, Secure when PUBLIC_URL is https). A page runs
over a websocket and cannot set a cookie, so signing in ends with a visit to /session/begin, which
trades a one-time ticket for the cookie: a new identity at every sign-in, whatever cookie the
browser had before. NiceGUI's own browser-id cookie carries no sign-in at all.
"""

from urllib.parse import quote

from fastapi import Request
from fastapi.responses import JSONResponse, RedirectResponse
from nicegui import Client, run, ui
from nicegui.storage import request_contextvar
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

from domain.accounts import auth, sessions
from domain.accounts.access import Actor
from domain.errors import SignInFailed

COOKIE = "care_session"
TWO_FACTOR_PAGE = "/account/two-factor"
PUBLIC_PAGES = frozenset(
    {"/login", "/healthz", "/docs", "/openapi.json", "/favicon.ico", "/session/begin", "/session/end"}
)
PUBLIC_PREFIXES = ("/welcome/", "/feeds/", "/static/", "/_nicegui/", "/api/", "/docs/")
MAX_UPLOAD_BYTES = 6 * 1024 * 1024  # a little over the 5 MB photo limit, for the multipart envelope
_secure = False


def is_https(public_url: str) -> bool:
    return public_url.lower().startswith("https://")


def configure(*, secure: bool) -> None:
    """Mark the cookie Secure when the portal is reached over https (PUBLIC_URL)."""
    global _secure
    _secure = secure


def _is_public(path: str) -> bool:
    return path in PUBLIC_PAGES or path.startswith(PUBLIC_PREFIXES)


def _is_upload(request: Request) -> bool:
    return request.method == "POST" and "/upload/" in request.url.path


class SignInRequired(BaseHTTPMiddleware):
    """Every page but the public ones needs a session cookie (the guard checks that it is live);
    uploads are size-checked on the server."""

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        if _is_upload(request) and int(request.headers.get("content-length") or 0) > MAX_UPLOAD_BYTES:
            return JSONResponse({"detail": "That file is larger than 5 MB."}, status_code=413)
        if _is_public(request.url.path) or request.cookies.get(COOKIE):
            return await call_next(request)
        return RedirectResponse(sign_in_address(request.url.path))


def safe_next(path: str | None) -> str | None:
    """Only a path on this site: never another host (an open redirect)."""
    if (
        not path
        or not path.startswith("/")
        or path.startswith("//")
        or "\\" in path
        or path.startswith("/login")
        or path.startswith("/session/")
    ):
        return None
    return path


def sign_in_address(path: str, *, expired: bool = False) -> str:
    """The sign-in page, coming back to `path` afterwards."""
    return f"/login?{'expired=1&' if expired else ''}next={quote(path)}"


def token() -> str | None:
    """The session token of the request being answered (a page load, or the page's own events)."""
    request = request_contextvar.get()
    if request is None:
        try:
            request = ui.context.client.request
        except (RuntimeError, AttributeError):
            return None
    return request.cookies.get(COOKIE) if request is not None else None


async def live() -> sessions.Live | None:
    """This browser's live session, or None (signed out, idle too long, past its lifetime)."""
    current = token()
    if not current:
        return None
    return await run.io_bound(sessions.resume, current)


async def ended_by_idling() -> bool:
    return bool(await run.io_bound(sessions.ended_by_idling, token()))


def begin_address(ticket: str, next_path: str | None) -> str:
    """Where the browser trades its sign-in ticket for the session cookie."""
    address = f"/session/begin?ticket={quote(ticket)}"
    return f"{address}&next={quote(next_path)}" if next_path else address


def begin(request: Request, ticket: str = "", next: str = "") -> RedirectResponse:
    """GET /session/begin: the ticket becomes this browser's session cookie (the browser's earlier
    session, if any, ends), then on to the page asked for."""
    try:
        began = sessions.redeem(ticket, replacing=request.cookies.get(COOKIE))
    except SignInFailed:
        return RedirectResponse("/login", status_code=303)
    response = RedirectResponse(safe_next(next) or "/", status_code=303)
    response.set_cookie(
        COOKIE,
        began.token,
        max_age=began.max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=_secure,
    )
    return response


def end(request: Request, expired: str = "") -> RedirectResponse:
    """GET /session/end: this browser's session ends and its cookie is removed."""
    sessions.end(request.cookies.get(COOKIE))
    response = RedirectResponse("/login?expired=1" if expired else "/login", status_code=303)
    response.delete_cookie(COOKIE, path="/", httponly=True, samesite="lax", secure=_secure)
    return response


async def sign_out() -> None:
    """Sign out: the session ends in the database, and every open tab of it in this process leaves
    at once (tabs served by another process leave at their next minute's check or click)."""
    current = token()
    await run.io_bound(sessions.end, current)
    for client in list(Client.instances.values()):
        if client is not ui.context.client and _token_of(client) == current:
            with client:
                ui.navigate.to("/login")
    ui.navigate.to("/session/end")


def _token_of(client: Client) -> str | None:
    try:
        return client.request.cookies.get(COOKIE) if client.request is not None else None
    except AttributeError:
        return None


async def set_large_text(actor: Actor, on: bool) -> None:
    await run.io_bound(auth.set_large_text, actor.account_id, on)
    if on:
        ui.query("body").classes(add="large-text")
    else:
        ui.query("body").classes(remove="large-text")


def watch_activity() -> None:
    """Keep the session alive while the person uses the page, and end it after 30 idle minutes
    even if the page just sits open (a tablet left on the kitchen table); a session ended elsewhere
    (signed out in another tab, a new password) leaves the page too."""

    async def still_live() -> None:
        if await live() is None:
            ui.navigate.to("/session/end?expired=1")

    ui.on("user_activity", still_live)  # NOTE: emitted by ACTIVITY_SCRIPT, installed by theme.install()
    ui.timer(60, still_live)


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
