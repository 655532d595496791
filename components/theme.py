"""Colours, type and touch targets for every page, set once; and the frame around each screen."""

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from nicegui import app, ui
from nicegui.language import Language

from domain.accounts.access import Actor
from domain.language import DEFAULT, _

from . import session, toast
from .text import Text
from .viewer import Viewer

STATIC = Path(__file__).resolve().parent.parent / "assets" / "static"

# Every colour keeps at least 4.5:1 against white text or a white page (WCAG 2.2 AA).
COLOURS = {
    "primary": "#1d4f91",
    "secondary": "#00695c",
    "accent": "#6a1b9a",
    "dark": "#1d1d1d",
    "positive": "#1b5e20",
    "negative": "#b71c1c",
    "info": "#01579b",
    "warning": "#8d4b00",
}
# The pages' language until the guard shows a page in its reader's (components.language.show)
LANGUAGE = cast(Language, DEFAULT.html)


@dataclass(frozen=True)
class NavItem:
    label: str
    icon: str
    path: str


def install() -> None:
    """Once per process, before any page is built."""
    app.colors(**COLOURS)
    app.add_static_files("/static", STATIC)
    ui.add_head_html('<link rel="stylesheet" href="/static/theme.css">', shared=True)
    ui.add_head_html('<link rel="stylesheet" href="/static/tables.css">', shared=True)
    ui.add_body_html(session.ACTIVITY_SCRIPT, shared=True)


@contextmanager
def frame(
    title: str,
    viewer: Viewer,
    *,
    nav: Sequence[NavItem] = (),
    current: str = "",
    header_extra: object = None,
) -> Iterator[None]:
    """The page around a screen: skip link, header with the agency and the account menu, the
    module toolbar, and the main region (inside Quasar's page, the page's one <main>) with the
    screen's one h1. The viewer comes from the guard, which loaded the agency's settings off the
    event loop."""
    actor = viewer.actor
    ui.page_title(f"{title} · {viewer.agency.name}")
    if actor is not None and actor.large_text:
        ui.query("body").classes("large-text")
    with ui.header(elevated=False).classes("app-header items-center justify-between px-4 py-2"):
        # first in the header, which comes first in the page: the first Tab stop
        ui.link(_("Skip to main content"), "#main").classes("skip-link")
        Text(viewer.agency.name, tag="p").classes("agency-name")
        if actor is not None:
            _account_menu(actor)
        toast.strip()
    if nav:
        sections = _("Sections")
        with (
            ui.element("nav").props(f'aria-label="{sections}"').classes("app-toolbar w-full"),
            ui.row().classes("page-main py-1 gap-1 flex-wrap"),
        ):
            for item in nav:
                # a real link (Quasar renders a button with href as <a>): the browser goes there
                # itself, with no handler kept on the server and no round trip over the websocket
                button = ui.button(item.label, icon=item.icon).props(f'flat no-caps href="{item.path}"')
                button.mark(f"nav-link nav:{item.path}")
                if item.path == current:
                    button.props('aria-current="page"')
    if actor is not None:
        session.watch_activity()
    # Quasar's page is the one <main> landmark; this region inside it is where the skip link lands.
    with ui.element("div").props('id="main" tabindex="-1"').classes("page-main"):
        Text(title, tag="h1").classes("heading-1")
        yield


def _account_menu(actor: Actor) -> None:
    with (
        ui.button(actor.display_name, icon="account_circle")
        .props('flat no-caps color=white aria-haspopup="menu"')
        .mark("account-menu"),
        ui.menu().props("anchor='bottom right' self='top right'"),
    ):
        with ui.item().props("tag=label"):
            ui.switch(
                _("Larger text"),
                value=actor.large_text,
                on_change=lambda e: session.set_large_text(actor, bool(e.value)),
            ).mark("large-text")
        if actor.is_staff:
            ui.menu_item("Two-step sign-in", on_click=lambda: ui.navigate.to(session.TWO_FACTOR_PAGE)).mark(
                "two-factor"
            )
        ui.menu_item(_("Sign out"), on_click=session.sign_out).mark("sign-out")


def not_allowed(viewer: Viewer, message: str) -> None:
    """What someone sees when they open a page or record that is not theirs: no hint of what is there."""
    with frame(_("Not available"), viewer):
        Text(message, tag="p").classes("notice notice-error").props('role="alert"')
        ui.link(_("Go to my home page"), "/").classes("text-lg")
