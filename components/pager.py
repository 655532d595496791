"""Previous and next page, with where you are: for lists paged on the server."""

from collections.abc import Awaitable, Callable

from nicegui import ui

from domain.language import N_, _, ngettext

from .text import Text

# "Pages of visits": the lists client and carer pages page through, said in their language.
PAGES_OF = {"visits": N_("Pages of visits"), "reviews": N_("Pages of reviews")}


def create(page: int, pages: int, total: int, go: Callable[[int], Awaitable[None]], *, what: str) -> None:
    """`what`: what the list holds, in the plural ("visits", "reviews", "shifts", "accounts")."""
    counted = _count(total, what)
    if pages <= 1:
        Text(_("{count}.").format(count=counted), tag="p").classes("text-muted")
        return
    with ui.element("nav").classes("pager") as nav:
        nav.props.update({"aria-label": _(PAGES_OF[what]) if what in PAGES_OF else f"Pages of {what}"})
        previous = ui.button(_("Previous page"), icon="chevron_left", on_click=lambda: go(page - 1))
        previous.props("outline").mark("previous-page")
        previous.set_enabled(page > 1)
        where = _("Page {page} of {pages} ({count})").format(page=page, pages=pages, count=counted)
        Text(where, tag="p").classes("q-ma-none").props('aria-live="polite"')
        following = ui.button(_("Next page"), on_click=lambda: go(page + 1))
        following.props("outline icon-right=chevron_right").mark("next-page")
        following.set_enabled(page < pages)


def _count(total: int, what: str) -> str:
    """ "1 visit", "12 visits": in the reader's language for the lists clients and carers read; the
    staff's lists (shifts, accounts) are English."""
    if what == "visits":
        return ngettext("{n} visit", "{n} visits", total).format(n=total)
    if what == "reviews":
        return ngettext("{n} review", "{n} reviews", total).format(n=total)
    noun = what.removesuffix("s") if total == 1 else what  # "1 shift.", not "1 shifts."
    return f"{total} {noun}"
