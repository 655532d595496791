"""What booking a service needs to read: the client's approved service with its price, where the
client lives, a worker's clashing busy shifts, and a booking's own preference rows."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.vocabulary import (
    BUSY_SHIFT_STATUSES,
    BookingStatus,
    BudgetPeriod,
    OfferStatus,
    Recurrence,
    RequirementLevel,
    ServiceUnit,
    ShiftStatus,
)
from storage.models import (
    Account,
    ApprovedService,
    Booking,
    Client,
    FundingPackage,
    Offer,
    Requirement,
    Service,
    Shift,
)
from storage.queries.locking import locked

LIVE_BOOKING_STATUSES = (
    BookingStatus.REQUESTED,
    BookingStatus.OFFERED,
    BookingStatus.ALLOCATED,
    BookingStatus.UNALLOCATED,
)


@dataclass(frozen=True)
class ApprovedRow:
    """An approved service of the client, with what a booking copies from it."""

    approved_service_id: int
    package_id: int
    program_id: int
    service_id: int
    service_name: str
    unit: ServiceUnit
    rate_cents: int | None  # the approved service's own rate; None: the program's rates apply
    package_starts_on: date
    package_ends_on: date
    units_per_period: int  # hundredths of a unit approved each period
    period: BudgetPeriod


@dataclass(frozen=True)
class Place:
    name: str
    first_name: str
    street: str
    suburb: str
    lat: float | None
    lon: float | None


def approved_service(client_id: int, approved_service_id: int, *, session: Session) -> ApprovedRow | None:
    """The approved service if it belongs to an active package of this client, else None."""
    row = session.execute(
        select(
            ApprovedService.id,
            FundingPackage.id,
            FundingPackage.program_id,
            Service.id,
            Service.name,
            Service.unit,
            ApprovedService.rate_cents,
            FundingPackage.starts_on,
            FundingPackage.ends_on,
            ApprovedService.units_per_period,
            ApprovedService.period,
        )
        .join(FundingPackage, FundingPackage.id == ApprovedService.package_id)
        .join(Service, Service.id == ApprovedService.service_id)
        .where(
            ApprovedService.id == approved_service_id,
            FundingPackage.client_id == client_id,
            FundingPackage.active.is_(True),
            Service.active.is_(True),
        )
    ).first()
    return ApprovedRow(*row) if row else None


def client_place(client_id: int, *, session: Session) -> Place:
    client = session.get(Client, client_id)
    assert client is not None
    return Place(
        name=client.full_name,
        first_name=client.preferred_name or client.first_name,
        street=client.home_street,
        suburb=client.home_suburb,
        lat=client.home_lat,
        lon=client.home_lon,
    )


def clashing_shift(
    worker_id: int, starts_at: datetime, ends_at: datetime, ignore: Iterable[int] = (), *, session: Session
) -> Shift | None:
    """A busy shift of the worker overlapping [starts_at, ends_at), if any."""
    query = select(Shift).where(
        Shift.worker_id == worker_id,
        Shift.status.in_(BUSY_SHIFT_STATUSES),
        Shift.starts_at < ends_at,
        Shift.ends_at > starts_at,
    )
    ignored = list(ignore)
    if ignored:
        query = query.where(Shift.id.not_in(ignored))
    return session.scalars(query.limit(1)).first()


def booking_wishes(booking_id: int, *, session: Session) -> list[Requirement]:
    """A booking's own preference rows (level BOOKING), when it overrides the client's defaults."""
    return list(
        session.scalars(
            select(Requirement)
            .where(Requirement.level == RequirementLevel.BOOKING, Requirement.booking_id == booking_id)
            .order_by(Requirement.id)
        )
    )


def booking(booking_id: int, *, session: Session, for_update: bool = False) -> Booking | None:
    query = select(Booking).where(Booking.id == booking_id)
    return session.scalar(locked(query) if for_update else query)


def worker_account(worker_id: int, *, session: Session) -> int | None:
    return session.scalar(select(Account.id).where(Account.worker_id == worker_id, Account.active.is_(True)))


def offer(offer_id: int, *, session: Session, for_update: bool = False) -> Offer | None:
    query = select(Offer).where(Offer.id == offer_id)
    return session.scalar(locked(query) if for_update else query)


def shift(shift_id: int, *, session: Session, for_update: bool = False) -> Shift | None:
    query = select(Shift).where(Shift.id == shift_id)
    return session.scalar(locked(query) if for_update else query)


def unallocated_left(booking_id: int, *, session: Session) -> int:
    """How many of the booking's visits still wait for a worker."""
    return (
        session.scalar(
            select(func.count()).where(
                Shift.booking_id == booking_id, Shift.status == ShiftStatus.UNALLOCATED
            )
        )
        or 0
    )


def series_to_extend(until: date, *, session: Session) -> list[int]:
    """Live permanent bookings whose shifts stop before `until` (and whose series goes on)."""
    return list(
        session.scalars(
            select(Booking.id)
            .where(
                Booking.recurrence != Recurrence.ONCE,
                Booking.status.in_(LIVE_BOOKING_STATUSES),
                Booking.generated_until < until,
                (Booking.ends_on.is_(None)) | (Booking.ends_on > Booking.generated_until),
            )
            .order_by(Booking.id)
        )
    )


def series_worker(booking: Booking, *, session: Session) -> tuple[int | None, Offer | None]:
    """Who the series' new visits go to: the worker of its pending offer (held for them), else
    the worker of its latest allocated visit."""
    pending = session.scalar(
        select(Offer)
        .where(Offer.booking_id == booking.id, Offer.status == OfferStatus.PENDING)
        .order_by(Offer.id.desc())
        .limit(1)
    )
    if pending is not None:
        return pending.worker_id, pending
    latest = session.scalar(
        select(Shift.worker_id)
        .where(Shift.booking_id == booking.id, Shift.status.in_(BUSY_SHIFT_STATUSES))
        .order_by(Shift.starts_at.desc())
        .limit(1)
    )
    return latest, None


def unallocated_from(booking_id: int, starts_at: datetime, *, session: Session) -> list[Shift]:
    """The booking's visits from `starts_at` on that wait for a worker, earliest first, locked."""
    query = (
        select(Shift)
        .where(
            Shift.booking_id == booking_id,
            Shift.status == ShiftStatus.UNALLOCATED,
            Shift.starts_at >= starts_at,
        )
        .order_by(Shift.starts_at)
    )
    return list(session.scalars(locked(query)))


def unallocated_count_from(booking_id: int, starts_at: datetime, *, session: Session) -> int:
    return (
        session.scalar(
            select(func.count()).where(
                Shift.booking_id == booking_id,
                Shift.status == ShiftStatus.UNALLOCATED,
                Shift.starts_at >= starts_at,
            )
        )
        or 0
    )
