"""The guard in front of every screen. Before anything is drawn it loads, off the event loop, who is
signed in and the agency's settings; a signed-out visitor goes to the sign-in page, a role the page
does not admit sees the not-allowed page, and so does a refusal from the domain while the page loads
(with the domain's message). The page gets a `SignedInViewer` as its first argument:

    @guard.page(admits=access.STAFF_ROLES)
    async def create(viewer: SignedInViewer, request: Request) -> None:
        found = await run.io_bound(office.overview, viewer.actor)  # a DomainError here is shown
        with frame("Office", viewer): ...

NiceGUI hands a page its path and query parameters (and `request`) by the page function's
signature, so the guarded function shows the page's signature without the viewer. A page loads
everything before it draws: a refusal after drawing has begun would be shown below what was drawn.
"""

import functools
import inspect
from collections.abc import Awaitable, Callable, Collection
from typing import Annotated, Concatenate, ParamSpec

from fastapi import HTTPException, Path
from fastapi.responses import RedirectResponse
from nicegui import run, ui
from starlette.background import BackgroundTask

from domain.accounts import access, auth
from domain.accounts.access import Actor
from domain.agency import settings as agency_settings
from domain.agency.settings import AgencySettings
from domain.errors import DomainError, NotAllowed
from domain.records import audit_log
from domain.vocabulary import MAX_RECORD_ID, Role

from . import language, session, theme
from .viewer import SignedInViewer, Viewer

P = ParamSpec("P")
Shown = RedirectResponse | None  # a page either draws itself (None) or sends the browser elsewhere
Guarded = Callable[P, Awaitable[Shown]]
# An id in a page's address: anything but a possible record id is refused (422) before it is used.
RecordId = Annotated[int, Path(ge=1, le=MAX_RECORD_ID)]
# The roles that may open a client's records; which clients, the domain checks on every load.
CLIENT_RECORDS = access.CLIENT_SIDE_ROLES | access.STAFF_ROLES


async def _current_actor() -> Actor | None:
    """The signed-in actor, or None (signed out, idle too long, or the account closed since)."""
    live = await session.live()
    if live is None or live.enrol_only:
        return None
    return await run.io_bound(auth.load_actor, live.account_id)


async def signed_in_or_401() -> Actor:
    """For a download or a picture (no page to redirect): 401 when nobody is signed in."""
    actor = await _current_actor()
    if actor is None:
        raise HTTPException(status_code=401, detail="Please sign in.")
    return actor


def page(
    *, admits: Collection[Role] | None = None
) -> Callable[[Callable[Concatenate[SignedInViewer, P], Awaitable[Shown]]], Guarded[P]]:
    """A screen for signed-in people; `admits` names the roles that may open it (None: every role)."""

    def guard(build: Callable[Concatenate[SignedInViewer, P], Awaitable[Shown]]) -> Guarded[P]:
        @functools.wraps(build)
        async def guarded(*args: P.args, **kwargs: P.kwargs) -> Shown:
            path = ui.context.client.request.url.path
            live = await session.live()
            if live is None:
                expired = session.token() is not None and await session.ended_by_idling()
                return RedirectResponse(session.sign_in_address(path, expired=expired))
            if live.enrol_only and path != session.TWO_FACTOR_PAGE:
                return RedirectResponse(
                    session.TWO_FACTOR_PAGE
                )  # an administrator must set up two-factor first
            viewer = await _signed_in_viewer(live.account_id)
            if viewer is None:
                return RedirectResponse(session.sign_in_address(path))
            language.show(viewer.actor)
            if admits is not None and viewer.actor.role not in admits:
                theme.not_allowed(viewer, NotAllowed().message)
                return None
            try:
                shown = await build(viewer, *args, **kwargs)
            except DomainError as error:
                theme.not_allowed(viewer, error.message)
                return None
            client_id = kwargs.get("client_id")
            if shown is None and isinstance(client_id, int):  # a client's record was drawn: audited
                path = ui.context.client.request.url.path
                await run.io_bound(audit_log.viewed, viewer.actor, client_id, f"page {path}")
            return shown

        return _without_viewer(_redirect_frees_its_client(guarded), build)

    return guard


def public(build: Callable[Concatenate[Viewer, P], Awaitable[Shown]]) -> Guarded[P]:
    """A screen anyone may open (signing in, accepting an invitation): the viewer's actor is None
    when nobody is signed in."""

    @functools.wraps(build)
    async def guarded(*args: P.args, **kwargs: P.kwargs) -> Shown:
        live = await session.live()
        account_id = live.account_id if live is not None and not live.enrol_only else None
        loaded = await run.io_bound(_load, account_id)
        if loaded is None:  # the app is shutting down
            return None
        actor, agency = loaded
        language.show(actor)
        return await build(Viewer(agency, actor), *args, **kwargs)

    return _without_viewer(_redirect_frees_its_client(guarded), build)


def _redirect_frees_its_client(guarded: Callable[P, Awaitable[Shown]]) -> Callable[P, Awaitable[Shown]]:
    """A page that sends the browser elsewhere is never connected to, and NiceGUI would keep its
    client (and whatever it built) until it prunes unconnected clients a minute later: every
    sign-in passes through such a page. The client goes as soon as the answer is sent."""

    @functools.wraps(guarded)
    async def answering(*args: P.args, **kwargs: P.kwargs) -> Shown:
        shown = await guarded(*args, **kwargs)
        if isinstance(shown, RedirectResponse):
            shown.background = BackgroundTask(ui.context.client.delete)
        return shown

    return answering


async def _signed_in_viewer(account_id: int) -> SignedInViewer | None:
    loaded = await run.io_bound(_load, account_id)
    if loaded is None:  # shutting down
        return None
    actor, agency = loaded
    if actor is None:  # the account closed since
        return None
    return SignedInViewer(agency, actor)


def _load(account_id: int | None) -> tuple[Actor | None, AgencySettings]:
    actor = auth.load_actor(account_id) if account_id is not None else None
    return actor, agency_settings.current()


def _without_viewer(guarded: Callable[P, Awaitable[Shown]], build: Callable[..., object]) -> Guarded[P]:
    """NiceGUI and FastAPI read the page's parameters from this signature: the viewer is ours."""
    signature = inspect.signature(build)
    guarded.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=list(signature.parameters.values())[1:]
    )
    return guarded
