"""Helpers for the booking page tests: shifts and rows found by what they are, and a statement counter."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta

from sqlalchemy import event, func, select

from domain.agency import settings as agency
from domain.vocabulary import RequirementLevel, ShiftStatus
from storage import db
from storage.models import ApprovedService, Booking, Offer, Requirement, Review, Shift

MARGARET = 1
GEORGE = 2


def next_weekday(after: date, weekday: int) -> date:
    """The first date after `after` that falls on `weekday` (Monday = 0)."""
    return after + timedelta(days=(weekday - after.weekday() - 1) % 7 + 1)


def approved_ids(client_id: int) -> list[int]:
    from storage.models import FundingPackage

    with db.read() as session:
        return list(
            session.scalars(
                select(ApprovedService.id)
                .join(FundingPackage, FundingPackage.id == ApprovedService.package_id)
                .where(FundingPackage.client_id == client_id)
                .order_by(ApprovedService.id)
            )
        )


def count(model: type, *where: object) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def bookings() -> int:
    return count(Booking)


def offers() -> list[Offer]:
    with db.read() as session:
        return list(session.scalars(select(Offer).order_by(Offer.id)))


def shifts_of_booking(number: str) -> list[Shift]:
    with db.read() as session:
        return list(
            session.scalars(
                select(Shift)
                .join(Booking, Booking.id == Shift.booking_id)
                .where(Booking.number == number)
                .order_by(Shift.starts_at)
            )
        )


def preference_rows(client_id: int) -> list[tuple]:
    with db.read() as session:
        rows = session.execute(
            select(
                Requirement.competency_id,
                Requirement.characteristic_id,
                Requirement.mandatory,
                Requirement.weight,
            )
            .where(Requirement.level == RequirementLevel.PREFERENCE, Requirement.client_id == client_id)
            .order_by(Requirement.id)
        )
        return [tuple(row) for row in rows]


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


def local_start(day: date, at: time) -> datetime:
    return datetime.combine(day, at, agency.current().zone)


@contextmanager
def statements() -> Iterator[list[str]]:
    """Every SQL statement the code sends while the block runs."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    engine = db.engine()
    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def status_of(shift_id: int) -> ShiftStatus:
    with db.read() as session:
        found = session.get(Shift, shift_id)
        assert found is not None
        return found.status
