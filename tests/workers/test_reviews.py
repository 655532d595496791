"""A worker's reviews, on both databases: newest first, a page at a time, reviewers by first name
only, and read only by those who may."""

from datetime import datetime, timedelta

import pytest

from domain import clock
from domain.errors import InvalidInput, NotAllowed
from domain.workers import reviews
from storage import db
from storage.models import Review
from tests.support.personas import Personas


def add_reviews(worker_id: int, client_id: int, how_many: int, at: datetime) -> None:
    with db.write() as session:
        session.add_all(
            Review(
                worker_id=worker_id,
                client_id=client_id,
                stars=1 + n % 5,
                comment=f"Review {n}",
                created_at=at - timedelta(days=n),
            )
            for n in range(how_many)
        )


def test_reviews_are_newest_first_a_page_at_a_time_with_first_names_only(personas: Personas) -> None:
    worker_id = personas.worker.worker_id
    before = reviews.reviews(personas.client, worker_id)
    add_reviews(worker_id, personas.client.client_id, 15, clock.now())
    first = reviews.reviews(personas.client, worker_id)
    assert first.review_count == before.review_count + 15
    assert len(first.reviews) == reviews.PAGE_SIZE
    assert first.reviews[0].comment == "Review 0"
    assert first.reviews[0].by == "Margaret"
    assert [r.written_on for r in first.reviews] == sorted(
        (r.written_on for r in first.reviews), reverse=True
    )
    last = reviews.reviews(personas.client, worker_id, first.pages)
    assert len(last.reviews) == first.review_count - (first.pages - 1) * reviews.PAGE_SIZE
    assert "Wilson" not in " ".join(r.by for r in first.reviews + last.reviews)


def test_a_worker_reads_only_their_own_reviews_and_page_zero_is_refused(personas: Personas) -> None:
    assert reviews.reviews(personas.worker, personas.worker.worker_id).worker_name == "Aisha Rahman"
    with pytest.raises(NotAllowed):
        reviews.reviews(personas.worker, personas.other_worker.worker_id)
    with pytest.raises(InvalidInput):
        reviews.reviews(personas.client, personas.worker.worker_id, 0)
