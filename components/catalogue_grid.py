"""The booking catalogue as a shop: one big tile per approved service, with its glyph, what it is,
its price and how much is left this period, and one big button to book it."""

from collections.abc import Awaitable, Callable, Sequence

from nicegui import ui

from domain.booking.catalogue import CatalogueItem
from domain.language import _
from domain.pricing import allowance as allowances
from domain.vocabulary import ServiceUnit

from .text import Text

Choose = Callable[[CatalogueItem], Awaitable[None]]


def create(items: Sequence[CatalogueItem], choose: Choose) -> None:
    if not items:
        Text(
            _("You have no services approved to book at the moment. Please call the agency."), tag="p"
        ).classes("notice")
        return
    label = _("Services you can book")
    with ui.element("ul").classes("tile-grid").props(f'aria-label="{label}"'):
        for item in items:
            with ui.element("li"):
                _tile(item, choose)


def price(item: CatalogueItem) -> str:
    return item.price_words


def amount(units: int, unit: ServiceUnit) -> str:
    """Hundredths of a unit in words, said as the domain says them."""
    return allowances.amount(units, unit)


def allowance(item: CatalogueItem) -> str:
    used, approved = amount(item.used_units, item.unit), amount(item.approved_units, item.unit)
    return _("{used} of {approved} used {period}: {left} left.").format(
        used=used, approved=approved, period=item.period_words, left=amount(item.left_units, item.unit)
    )


def _tile(item: CatalogueItem, choose: Choose) -> None:
    with ui.element("article").classes("service-tile card").mark(f"tile-{item.approved_service_id}"):
        with ui.row().classes("items-center gap-3 no-wrap"):
            if item.image_media_id is not None:  # decorative: the name says what it is
                ui.image(f"/media/services/{item.service_id}/image").classes("tile-image").props(
                    'alt="" no-spinner'
                )
            else:
                ui.icon(item.glyph, size="48px").classes("tile-glyph").props('aria-hidden="true"')
            Text(item.name, tag="h2").classes("heading-3 q-ma-none")
        Text(item.description, tag="p")
        Text(f"{price(item)} · {item.program}", tag="p").classes("tile-price")
        Text(allowance(item), tag="p").classes("text-muted")
        ui.button(
            _("Book {service}").format(service=item.name), icon="arrow_forward", on_click=lambda: choose(item)
        ).props("unelevated color=primary no-caps").classes("w-full").mark(
            f"service-{item.approved_service_id}"
        )
