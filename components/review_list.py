"""A worker's reviews: who they are, then what clients said, a page at a time."""

from nicegui import ui

from domain.language import _, formats, ngettext
from domain.workers.reviews import ReviewsPage

from .formatting import long_date
from .provider_card import stars
from .text import Text, heading, paragraph


def create(found: ReviewsPage, *, level: int = 2) -> None:
    with ui.element("div").classes("provider-head q-mb-md"):
        if found.photo_media_id is not None:
            photo = ui.image(f"/media/workers/{found.worker_id}/photo").classes("provider-photo")
            photo.props("no-spinner")
            photo.props.update({"alt": _("Photo of {name}").format(name=found.worker_name)})
        with ui.element("div"):
            heading(found.worker_name, level)
            with ui.row().classes("items-center gap-2"):
                Text(_("Agency rating:"), tag="span")
                stars(found.rating)
            if found.medal:
                paragraph(_("{medal} medal").format(medal=found.medal))
            paragraph(_summary(found)).mark("review-summary")
            if found.bio:
                paragraph(found.bio)
    if not found.reviews:
        paragraph(_("No client has written a review yet."))
    with ui.element("ul").classes("review-list") as listed:
        listed.props.update({"aria-label": _("Reviews")})
        for review in found.reviews:
            with ui.element("li").classes("card q-mb-sm"):
                with ui.row().classes("items-center gap-2"):
                    stars(review.stars)
                    Text(f"{review.by}, {long_date(review.written_on)}", tag="span").classes("text-muted")
                if review.comment:
                    paragraph(review.comment)


def _summary(found: ReviewsPage) -> str:
    """ "3 reviews, 4.5 stars on average."; "1 review." before any stars are given."""
    n = found.review_count
    if found.average_stars is None:
        return ngettext("{n} review.", "{n} reviews.", n).format(n=n)
    stars = formats.decimal(found.average_stars)
    return ngettext(
        "{n} review, {stars} stars on average.", "{n} reviews, {stars} stars on average.", n
    ).format(n=n, stars=stars)
