"""Clients' reviews of a worker, newest first, a page at a time."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import Client, Medal, Review, Worker
from storage.queries import NamedRow


def worker_summary(worker_id: int, *, session: Session) -> NamedRow | None:
    return session.execute(
        select(
            Worker.id,
            Worker.first_name,
            Worker.preferred_name,
            Worker.last_name,
            Worker.photo_media_id,
            Worker.rating,
            Worker.bio,
            Medal.name.label("medal"),
            select(func.count(Review.id))
            .where(Review.worker_id == worker_id, Review.hidden_at.is_(None))
            .scalar_subquery()
            .label("review_count"),  # not "count": a row is a tuple, and tuple.count is a method
            select(func.avg(Review.stars))
            .where(Review.worker_id == worker_id, Review.hidden_at.is_(None))
            .scalar_subquery()
            .label("avg"),
        )
        .outerjoin(Medal, Medal.id == Worker.medal_id)
        .where(Worker.id == worker_id, Worker.active.is_(True))
    ).one_or_none()


def page(worker_id: int, *, offset: int, limit: int, session: Session) -> list[NamedRow]:
    return list(
        session.execute(
            select(
                Review.id,
                Review.stars,
                Review.comment,
                Review.created_at,
                Client.first_name,
                Client.preferred_name,
            )
            .outerjoin(Client, Client.id == Review.client_id)
            .where(Review.worker_id == worker_id, Review.hidden_at.is_(None))
            .order_by(Review.created_at.desc(), Review.id.desc())
            .offset(offset)
            .limit(limit)
        )
    )


def photo_media_id(worker_id: int, *, session: Session) -> int | None:
    return session.scalar(
        select(Worker.photo_media_id).where(Worker.id == worker_id, Worker.active.is_(True))
    )
