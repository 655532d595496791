"""Previous and next page, with where you are: for lists paged on the server."""

from collections.abc import Awaitable, Callable

from nicegui import ui

from .text import Text


def create(page: int, pages: int, total: int, go: Callable[[int], Awaitable[None]], *, what: str) -> None:
    if pages <= 1:
        noun = what.removesuffix("s") if total == 1 else what  # "1 shift.", not "1 shifts."
        Text(f"{total} {noun}.", tag="p").classes("text-muted")
        return
    with ui.element("nav").classes("pager").props(f'aria-label="Pages of {what}"'):
        previous = ui.button("Previous page", icon="chevron_left", on_click=lambda: go(page - 1))
        previous.props("outline").mark("previous-page")
        previous.set_enabled(page > 1)
        Text(f"Page {page} of {pages} ({total} {what})", tag="p").classes("q-ma-none").props(
            'aria-live="polite"'
        )
        following = ui.button("Next page", on_click=lambda: go(page + 1))
        following.props("outline icon-right=chevron_right").mark("next-page")
        following.set_enabled(page < pages)
