"""A worker's reviews: who they are, then what clients said, a page at a time."""

from nicegui import ui

from domain.workers.reviews import ReviewsPage

from .formatting import long_date
from .provider_card import stars
from .text import Text, heading, paragraph


def create(found: ReviewsPage, *, level: int = 2) -> None:
    with ui.element("div").classes("provider-head q-mb-md"):
        if found.photo_media_id is not None:
            ui.image(f"/media/workers/{found.worker_id}/photo").classes("provider-photo").props(
                f'alt="Photo of {found.worker_name}" no-spinner'
            )
        with ui.element("div"):
            heading(found.worker_name, level)
            with ui.row().classes("items-center gap-2"):
                Text("Agency rating:", tag="span")
                stars(found.rating)
            if found.medal:
                paragraph(f"{found.medal} medal")
            summary = f"{found.review_count} review" + ("" if found.review_count == 1 else "s")
            if found.average_stars is not None:
                summary += f", {found.average_stars:g} stars on average"
            paragraph(summary + ".").mark("review-summary")
            if found.bio:
                paragraph(found.bio)
    if not found.reviews:
        paragraph("No client has written a review yet.")
    with ui.element("ul").classes("review-list").props('aria-label="Reviews"'):
        for review in found.reviews:
            with ui.element("li").classes("card q-mb-sm"):
                with ui.row().classes("items-center gap-2"):
                    stars(review.stars)
                    Text(f"{review.by}, {long_date(review.written_on)}", tag="span").classes("text-muted")
                if review.comment:
                    paragraph(review.comment)
