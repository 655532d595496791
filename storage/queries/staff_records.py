"""The back office's reads and writes of worker records: the list, one worker with everything the
agency keeps about them, and the catalogue's choices (competencies, characteristics, medals)."""

from datetime import date, datetime

from sqlalchemy import Row, delete, func, or_, select
from sqlalchemy.orm import Session

from domain.vocabulary import CharacteristicKind
from storage.models import (
    AvailabilityWindow,
    Characteristic,
    Competency,
    Leave,
    Medal,
    Worker,
    WorkerCharacteristic,
    WorkerCompetency,
)
from storage.queries import NamedRow


def workers(search: str, *, limit: int, session: Session) -> list[NamedRow]:
    """Workers whose name, staff number or suburb contains the search, by last name."""
    query = select(
        Worker.id,
        Worker.staff_number,
        Worker.first_name,
        Worker.preferred_name,
        Worker.last_name,
        Worker.home_suburb,
        Worker.home_geocode,
        Worker.active,
    )
    words = search.split()
    for word in words:
        pattern = f"%{word.lower()}%"
        query = query.where(
            or_(
                func.lower(Worker.first_name).like(pattern),
                func.lower(Worker.last_name).like(pattern),
                func.lower(func.coalesce(Worker.preferred_name, "")).like(pattern),
                func.lower(Worker.staff_number).like(pattern),
                func.lower(Worker.home_suburb).like(pattern),
            )
        )
    return list(session.execute(query.order_by(Worker.last_name, Worker.first_name, Worker.id).limit(limit)))


def expiring(first: date, last: date, *, session: Session) -> list[NamedRow]:
    """Active workers' competencies whose last valid day falls between first and last."""
    return list(
        session.execute(
            select(
                Worker.id.label("worker_id"),
                Worker.first_name,
                Worker.preferred_name,
                Worker.last_name,
                Worker.staff_number,
                Competency.name.label("competency"),
                WorkerCompetency.expires_on,
            )
            .join(Worker, Worker.id == WorkerCompetency.worker_id)
            .join(Competency, Competency.id == WorkerCompetency.competency_id)
            .where(Worker.active, WorkerCompetency.expires_on.between(first, last))
            .order_by(WorkerCompetency.expires_on, Worker.last_name, Worker.id)
        )
    )


def worker(worker_id: int, *, session: Session, for_update: bool = False) -> Worker | None:
    query = select(Worker).where(Worker.id == worker_id)
    if for_update:
        query = query.with_for_update()
    return session.scalar(query)


def staff_number_taken(staff_number: str, *, besides: int | None, session: Session) -> bool:
    query = select(Worker.id).where(func.lower(Worker.staff_number) == staff_number.lower())
    if besides is not None:
        query = query.where(Worker.id != besides)
    return session.scalar(query.limit(1)) is not None


def held(worker_id: int, *, session: Session) -> list[WorkerCompetency]:
    return list(session.scalars(select(WorkerCompetency).where(WorkerCompetency.worker_id == worker_id)))


def characteristic_ids(worker_id: int, *, session: Session) -> list[int]:
    return list(
        session.scalars(
            select(WorkerCharacteristic.characteristic_id).where(WorkerCharacteristic.worker_id == worker_id)
        )
    )


def windows(worker_id: int, *, session: Session) -> list[AvailabilityWindow]:
    return list(
        session.scalars(
            select(AvailabilityWindow)
            .where(AvailabilityWindow.worker_id == worker_id)
            .order_by(AvailabilityWindow.weekday, AvailabilityWindow.start_minute)
        )
    )


def leave(worker_id: int, *, since: datetime, session: Session) -> list[Leave]:
    return list(
        session.scalars(
            select(Leave)
            .where(Leave.worker_id == worker_id, Leave.ends_at > since)
            .order_by(Leave.starts_at, Leave.id)
        )
    )


def leave_of(worker_id: int, leave_id: int, *, session: Session) -> Leave | None:
    return session.scalar(select(Leave).where(Leave.id == leave_id, Leave.worker_id == worker_id))


def replace_characteristics(worker_id: int, ids: list[int], *, session: Session) -> None:
    session.execute(delete(WorkerCharacteristic).where(WorkerCharacteristic.worker_id == worker_id))
    session.add_all(WorkerCharacteristic(worker_id=worker_id, characteristic_id=i) for i in ids)


def replace_windows(worker_id: int, spans: list[tuple[int, int, int]], *, session: Session) -> None:
    session.execute(delete(AvailabilityWindow).where(AvailabilityWindow.worker_id == worker_id))
    session.add_all(
        AvailabilityWindow(worker_id=worker_id, weekday=day, start_minute=start, end_minute=end)
        for day, start, end in spans
    )


def competencies(*, session: Session) -> list[Row[tuple[int, str, bool, bool]]]:
    """Every competency, retired ones too (`active` false): a worker keeps those already held."""
    return list(
        session.execute(
            select(Competency.id, Competency.name, Competency.expires, Competency.active).order_by(
                Competency.name
            )
        )
    )


def characteristics(*, session: Session) -> list[Row[tuple[int, str, CharacteristicKind, bool]]]:
    """The characteristics a worker is given by hand: languages and yes/no traits (gender and
    age come from the worker's own fields), retired ones too (`active` false)."""
    return list(
        session.execute(
            select(Characteristic.id, Characteristic.name, Characteristic.kind, Characteristic.active)
            .where(Characteristic.kind.in_((CharacteristicKind.LANGUAGE, CharacteristicKind.FLAG)))
            .order_by(Characteristic.kind, Characteristic.name)
        )
    )


def medals(*, session: Session) -> list[Row[tuple[int, str]]]:
    return list(session.execute(select(Medal.id, Medal.name).order_by(Medal.rank)))
