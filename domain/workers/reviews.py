"""What clients say about a worker (DESIGN.md §3.1 point 6, "link to reviews"): stars, comment,
date and the reviewer's first name only, newest first, a page at a time."""

from dataclasses import dataclass
from datetime import date

from domain import action
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import InvalidInput, NotAllowed, NotFound
from domain.people import known_as
from domain.vocabulary import Role
from storage.queries import NamedRow
from storage.queries import media as media_queries
from storage.queries import reviews as queries

PAGE_SIZE = 10


@dataclass(frozen=True)
class ReviewLine:
    stars: int
    comment: str
    written_on: date  # agency-local
    by: str  # the client's first name only, or "A former client"


@dataclass(frozen=True)
class ReviewsPage:
    worker_id: int
    worker_name: str
    photo_media_id: int | None
    rating: int
    medal: str | None
    bio: str
    review_count: int
    average_stars: float | None
    page: int
    pages: int
    reviews: tuple[ReviewLine, ...]


def reviews(actor: Actor, worker_id: int, page: int = 1) -> ReviewsPage:
    """Clients, carers and staff read any active worker's reviews; a worker reads only their own."""
    _require(actor, worker_id)
    if page < 1:
        raise InvalidInput({"page": "There is no such page of reviews."})
    with action.reading(actor) as act:
        summary = queries.worker_summary(worker_id, session=act.session)
        if summary is None:
            raise NotFound("That worker is not with the agency any more.")
        rows = queries.page(worker_id, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE, session=act.session)
        lines = tuple(_line(act, row) for row in rows)
    pages = max(1, -(-summary.review_count // PAGE_SIZE))
    return ReviewsPage(
        worker_id=worker_id,
        worker_name=known_as(summary.preferred_name, summary.first_name, summary.last_name),
        photo_media_id=summary.photo_media_id,
        rating=summary.rating,
        medal=summary.medal,
        bio=summary.bio,
        review_count=summary.review_count,
        average_stars=round(float(summary.avg), 1) if summary.avg is not None else None,
        page=min(page, pages),
        pages=pages,
        reviews=lines,
    )


def photo(actor: Actor, worker_id: int) -> tuple[bytes, str] | None:
    """A worker's portrait, for the provider cards and the reviews page."""
    _require(actor, worker_id)
    with action.reading(actor) as act:
        media_id = queries.photo_media_id(worker_id, session=act.session)
        return media_queries.content(media_id, session=act.session) if media_id else None


def _require(actor: Actor, worker_id: int) -> None:
    if actor.role == Role.WORKER and actor.worker_id != worker_id:
        raise NotAllowed()


def _line(act: Action, row: NamedRow) -> ReviewLine:
    return ReviewLine(
        row.stars,
        row.comment,
        act.local(row.created_at).date(),
        row.preferred_name or row.first_name or "A former client",
    )
