"""One worker the client can choose (DESIGN.md §3.1 point 6): photo, what this booking costs with
them (domain.pricing: the rate the visits will be stored with), gender and age,
their competencies as glyphs and as a list with expiry dates, stars, medal, reviews and distance,
how many of the client's wishes they meet, and for a series the visits they cannot do."""

from collections.abc import Awaitable, Callable, Sequence
from html import escape

from nicegui import ui

from domain import matching
from domain.language import N_, _, ngettext

from . import requirements_view
from .formatting import long_date, short_date
from .text import Text, paragraph

GENDERS = {  # shown as _(GENDERS[gender])
    "female": N_("Female"),
    "male": N_("Male"),
    "non_binary": N_("Non-binary"),
    "not_stated": N_("Gender not stated"),
}
KINDS = {"clearance": N_("clearance"), "qualification": N_("qualification"), "skill": N_("skill")}
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
                    Text(_("One of your preferred workers"), tag="p").classes("badge-preferred")
                if price:
                    said = _("This booking with {name}: {price}").format(name=provider.name, price=price)
                    paragraph(said).mark(f"price-{provider.worker_id}")
                gender = _(GENDERS[provider.gender]) if provider.gender in GENDERS else provider.gender
                paragraph(
                    ngettext("{gender}, {age} year old", "{gender}, {age} years old", provider.age).format(
                        gender=gender, age=provider.age
                    )
                )
                paragraph(_("{distance} km away").format(distance=f"{provider.distance_km:.1f}"))
                _stars_and_medal(provider)
                if provider.desirables_total:
                    met, total = provider.desirables_met, provider.desirables_total
                    paragraph(requirements_view.nice_to_haves_met(met, total))
        _competencies(provider)
        _cannot_do(found, visits)
        with ui.row().classes("gap-2 q-mt-sm"):
            choose_label = _("Choose {name}").format(name=provider.name)
            ui.button(choose_label, icon="how_to_reg", on_click=lambda: choose(provider)).props(
                "unelevated color=primary no-caps"
            ).mark(f"choose-{provider.worker_id}")
            count = provider.review_count
            label = ngettext("{n} review", "{n} reviews", count).format(n=count)
            read = _("Read {reviews} of {name}").format(reviews=label, name=provider.name)
            ui.button(label, icon="reviews", on_click=lambda: read_reviews(provider)).props(
                f'outline no-caps aria-label="{read}"'
            ).mark(f"reviews-{provider.worker_id}")
            if block is not None:
                blocking = _("Block this worker: {name}").format(name=provider.name)
                ui.button(_("Block this worker"), icon="block", on_click=lambda: block(provider)).props(
                    f'flat no-caps color=negative aria-label="{blocking}"'
                ).mark(f"block-{provider.worker_id}")


def stars(rating: int) -> Text:
    said = _("Rated {rating} out of 5").format(rating=rating)
    return (
        Text("★" * rating + "☆" * (5 - rating), tag="span")
        .classes("stars")
        .props(f'role="img" aria-label="{said}"')
    )


def _photo(provider: matching.Provider) -> None:
    if provider.photo_media_id is None:
        ui.icon("account_circle", size="96px").classes("provider-photo text-grey-8").props(
            'aria-hidden="true"'
        )
    else:
        alt = _("Photo of {name}").format(name=provider.name)
        ui.image(f"/media/workers/{provider.worker_id}/photo").classes("provider-photo").props(
            f'alt="{alt}" no-spinner'
        )


def _stars_and_medal(provider: matching.Provider) -> None:
    with ui.row().classes("items-center gap-2"):
        stars(provider.rating)
        if provider.medal:
            ui.icon("military_tech", size="28px").style(f"color: {provider.medal_colour or '#6a1b9a'}").props(
                'aria-hidden="true"'
            )
            Text(_("{medal} medal").format(medal=provider.medal), tag="span")


def _competencies(provider: matching.Provider) -> None:
    if not provider.competencies:
        return
    # each glyph with its name in words: a glyph alone is a puzzle. One element for the whole list
    # (its markup, every text escaped): a Quasar chip per glyph was two thirds of a card's build.
    ui.html(glyph_list(provider.competencies), sanitize=False)
    title = _("Qualifications and checks ({n})").format(n=len(provider.competencies))
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
    label = escape(_("Competencies at a glance"))
    return f'<ul class="glyph-list" aria-label="{label}">{items}</ul>'


def _competency_list(details: ui.expansion, provider: matching.Provider) -> None:
    if details.default_slot.children:
        return
    with details, ui.element("ul").classes("competency-list"):
        for held in provider.competencies:
            kind = _(KINDS[held.kind]) if held.kind in KINDS else held.kind
            if held.expires_on:
                said = _("{name} ({kind}, valid until {date})").format(
                    name=held.name, kind=kind, date=short_date(held.expires_on)
                )
            else:
                said = f"{held.name} ({kind})"
            Text(said, tag="li")


def _cannot_do(found: matching.SeriesProvider, visits: int) -> None:
    if not found.cannot_do:
        return
    with ui.element("div").classes("notice q-mt-sm"):
        paragraph(
            ngettext(
                "Cannot do {n} of the {total} visit; the agency will find someone for those:",
                "Cannot do {n} of the {total} visits; the agency will find someone for those:",
                visits,
            ).format(n=len(found.cannot_do), total=visits)
        )
        with ui.element("ul"):
            for day, reasons in found.cannot_do:
                Text(f"{long_date(day)}: {'; '.join(reasons)}", tag="li")
