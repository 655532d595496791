"""The workforce as matching keeps it in memory: one statement per table, whatever its size."""

from sqlalchemy import Row, event, func, select
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction

from storage.models import (
    AvailabilityWindow,
    Characteristic,
    Competency,
    Medal,
    Review,
    Worker,
    WorkerCharacteristic,
    WorkerCompetency,
)


def workers(*, session: Session) -> list[Row]:
    return list(
        session.execute(
            select(
                Worker.id,
                Worker.first_name,
                Worker.preferred_name,
                Worker.last_name,
                Worker.gender,
                Worker.date_of_birth,
                Worker.photo_media_id,
                Worker.charge_rate_cents,
                Worker.rating,
                Medal.name.label("medal"),
                Medal.colour.label("medal_colour"),
                Worker.max_hours_per_week,
                Worker.home_lat,
                Worker.home_lon,
            )
            .outerjoin(Medal, Medal.id == Worker.medal_id)
            .where(Worker.active)
            .order_by(Worker.id)
        )
    )


def held_competencies(*, session: Session) -> list[Row]:
    return list(
        session.execute(
            select(
                WorkerCompetency.worker_id,
                WorkerCompetency.competency_id,
                WorkerCompetency.obtained_on,
                WorkerCompetency.expires_on,
            )
        )
    )


def worker_characteristics(*, session: Session) -> list[Row]:
    return list(
        session.execute(select(WorkerCharacteristic.worker_id, WorkerCharacteristic.characteristic_id))
    )


def windows(*, session: Session) -> list[Row]:
    return list(
        session.execute(
            select(
                AvailabilityWindow.worker_id,
                AvailabilityWindow.weekday,
                AvailabilityWindow.start_minute,
                AvailabilityWindow.end_minute,
            )
        )
    )


def review_counts(*, session: Session) -> dict[int, int]:
    rows = session.execute(
        select(Review.worker_id, func.count()).where(Review.hidden_at.is_(None)).group_by(Review.worker_id)
    )
    return {worker_id: count for worker_id, count in rows}


def competencies(*, session: Session) -> list[Row]:
    return list(session.execute(select(Competency.id, Competency.name, Competency.glyph, Competency.kind)))


def characteristics(*, session: Session) -> list[Row]:
    return list(
        session.execute(
            select(
                Characteristic.id,
                Characteristic.kind,
                Characteristic.code,
                Characteristic.name,
                Characteristic.min_age,
                Characteristic.max_age,
            )
        )
    )


def wrote_in_transaction(session: Session) -> bool:
    """Whether this session changed any table the workforce snapshot is read from since its
    transaction began (flushed or by DML).

    Matching caches the workforce by its stamp; a snapshot read by a transaction that changed
    those tables may hold changes that roll back, so it is used but never kept (see
    domain/matching/workforce.py). A transaction that wrote only visits, bookings or letters read
    the workforce as committed: its snapshot is kept, or a job allocating visit after visit would
    load the whole workforce again for each."""
    return bool(session.info.get(_WROTE))


_WROTE = "matching_wrote_in_transaction"
# The tables a snapshot is read from (the queries above).
_SNAPSHOT = (
    Worker,
    Medal,
    WorkerCompetency,
    WorkerCharacteristic,
    AvailabilityWindow,
    Review,
    Competency,
    Characteristic,
)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: object) -> None:
    if any(isinstance(row, _SNAPSHOT) for row in (*session.new, *session.dirty, *session.deleted)):
        session.info[_WROTE] = True


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    if (state.is_insert or state.is_update or state.is_delete) and (
        not state.all_mappers or any(issubclass(m.class_, _SNAPSHOT) for m in state.all_mappers)
    ):
        state.session.info[_WROTE] = True


@event.listens_for(Session, "after_transaction_end")
def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        session.info.pop(_WROTE, None)
