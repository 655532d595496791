"""One worker the client can choose (DESIGN.md §3.1 point 6): photo, what this booking costs with
them (domain.pricing: the rate the visits will be stored with), gender and age,
their competencies as glyphs and as a list with expiry dates, stars, medal, reviews and distance,
how many of the client's wishes they meet, and for a series the visits they cannot do."""

from collections.abc import Awaitable, Callable, Sequence
from html import escape

from nicegui import ui

from domain import matching

from . import requirements_view
from .formatting import long_date, short_date
from .text import Text, paragraph

GENDERS = {"female": "Female", "male": "Male", "non_binary": "Non-binary", "not_stated": "Gender not stated"}
Act = Callable[[matching.Provider], Awaitable[None] | None]


def create(
    found: matching.SeriesProvider,
    visits: int,
    price: str,
    choose: Act,
    read_reviews: Act,
    block: Act | None = None,  # the client may block this worker (asked first)
) -> None:
    provider = found.provider
    with ui.element("article").classes("card provider-card").mark(f"provider-{provider.worker_id}"):
        with ui.element("div").classes("provider-head"):
            _photo(provider)
            with ui.element("div").classes("provider-facts"):
                Text(provider.name, tag="h3").classes("heading-3")
                if provider.preferred:
                    Text("One of your preferred workers", tag="p").classes("badge-preferred")
                if price:
                    said = f"This booking with {provider.name}: {price}"
                    paragraph(said).mark(f"price-{provider.worker_id}")
                paragraph(f"{GENDERS.get(provider.gender, provider.gender)}, {provider.age} years old")
                paragraph(f"{provider.distance_km:.1f} km away")
                _stars_and_medal(provider)
                if provider.desirables_total:
                    met, total = provider.desirables_met, provider.desirables_total
                    paragraph(requirements_view.nice_to_haves_met(met, total))
        _competencies(provider)
        _cannot_do(found, visits)
        with ui.row().classes("gap-2 q-mt-sm"):
            ui.button(f"Choose {provider.name}", icon="how_to_reg", on_click=lambda: choose(provider)).props(
                "unelevated color=primary no-caps"
            ).mark(f"choose-{provider.worker_id}")
            label = f"{provider.review_count} review" + ("" if provider.review_count == 1 else "s")
            ui.button(label, icon="reviews", on_click=lambda: read_reviews(provider)).props(
                f'outline no-caps aria-label="Read {label} of {provider.name}"'
            ).mark(f"reviews-{provider.worker_id}")
            if block is not None:
                ui.button("Block this worker", icon="block", on_click=lambda: block(provider)).props(
                    f'flat no-caps color=negative aria-label="Block this worker: {provider.name}"'
                ).mark(f"block-{provider.worker_id}")


def stars(rating: int) -> Text:
    return (
        Text("★" * rating + "☆" * (5 - rating), tag="span")
        .classes("stars")
        .props(f'role="img" aria-label="Rated {rating} out of 5"')
    )


def _photo(provider: matching.Provider) -> None:
    if provider.photo_media_id is None:
        ui.icon("account_circle", size="96px").classes("provider-photo text-grey-8").props(
            'aria-hidden="true"'
        )
    else:
        ui.image(f"/media/workers/{provider.worker_id}/photo").classes("provider-photo").props(
            f'alt="Photo of {provider.name}" no-spinner'
        )


def _stars_and_medal(provider: matching.Provider) -> None:
    with ui.row().classes("items-center gap-2"):
        stars(provider.rating)
        if provider.medal:
            ui.icon("military_tech", size="28px").style(f"color: {provider.medal_colour or '#6a1b9a'}").props(
                'aria-hidden="true"'
            )
            Text(f"{provider.medal} medal", tag="span")


def _competencies(provider: matching.Provider) -> None:
    if not provider.competencies:
        return
    # each glyph with its name in words: a glyph alone is a puzzle. One element for the whole list
    # (its markup, every text escaped): a Quasar chip per glyph was two thirds of a card's build.
    ui.html(glyph_list(provider.competencies), sanitize=False)
    title = f"Qualifications and checks ({len(provider.competencies)})"
    details = ui.expansion(title).classes("w-full")
    # The list with expiry dates is built when first opened: ten cards' lists were a large part of
    # each search's update, and most people never open them.
    details.on_value_change(lambda e: _competency_list(details, provider) if e.value else None)


def glyph_list(competencies: Sequence[matching.HeldCompetency]) -> str:
    """The glyphs with their names, as HTML: Quasar's icon markup, so the icon font draws them."""
    items = "".join(
        '<li class="glyph-chip"><i class="q-icon notranslate material-icons" aria-hidden="true">'
        f'{escape(held.glyph, quote=False)}</i><span class="glyph-words">{escape(held.name, quote=False)}'
        "</span></li>"
        for held in competencies
    )
    return f'<ul class="glyph-list" aria-label="Competencies at a glance">{items}</ul>'


def _competency_list(details: ui.expansion, provider: matching.Provider) -> None:
    if details.default_slot.children:
        return
    with details, ui.element("ul").classes("competency-list"):
        for held in provider.competencies:
            until = f", valid until {short_date(held.expires_on)}" if held.expires_on else ""
            Text(f"{held.name} ({held.kind}{until})", tag="li")


def _cannot_do(found: matching.SeriesProvider, visits: int) -> None:
    if not found.cannot_do:
        return
    with ui.element("div").classes("notice q-mt-sm"):
        paragraph(
            f"Cannot do {len(found.cannot_do)} of the {visits} visits; "
            "the agency will find someone for those:"
        )
        with ui.element("ul"):
            for day, reasons in found.cannot_do:
                Text(f"{long_date(day)}: {'; '.join(reasons)}", tag="li")
