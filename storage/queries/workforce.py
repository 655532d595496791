"""The workforce as matching keeps it in memory: one statement per table, whatever its size."""

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

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
    rows = session.execute(select(Review.worker_id, func.count()).group_by(Review.worker_id))
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
