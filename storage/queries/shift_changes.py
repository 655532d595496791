"""Loading shifts to change them (cancel, approve, query, bill), with what the rules need beside them."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from domain.vocabulary import NdisCategory, OfferStatus, ProgramKind, ShiftStatus
from storage.models import (
    Account,
    Booking,
    CancellationRule,
    Client,
    FundingPackage,
    Offer,
    Program,
    Service,
    Shift,
    ShiftQuery,
    Worker,
)
from storage.queries.locking import locked


@dataclass(frozen=True)
class ShiftContext:
    """What the rules and the messages need to know about a shift, beyond the row itself."""

    client_name: str
    client_email: str | None
    case_manager_email: str | None
    service_name: str
    service_category: str
    ndis_category: NdisCategory | None
    program_name: str
    program_kind: ProgramKind
    contribution_pct: int


def shift(shift_id: int, *, session: Session, for_update: bool = False) -> Shift | None:
    query = select(Shift).where(Shift.id == shift_id)
    if for_update:
        query = locked(query)
    return session.scalar(query)


def context(found: Shift, *, session: Session) -> ShiftContext:
    client = session.get(Client, found.client_id)
    service = session.get(Service, found.service_id)
    program = session.get(Program, found.program_id)
    assert client is not None
    assert service is not None
    assert program is not None
    manager = session.get(Account, client.case_manager_account_id) if client.case_manager_account_id else None
    package = session.get(FundingPackage, found.package_id) if found.package_id else None
    return ShiftContext(
        client_name=client.full_name,
        client_email=client.email,
        case_manager_email=manager.email if manager and manager.active else None,
        service_name=service.name,
        service_category=service.category,
        ndis_category=service.ndis_category,
        program_name=program.name,
        program_kind=program.kind,
        contribution_pct=package.contribution_pct if package else 0,
    )


def cancellation_rules(program_id: int, *, session: Session) -> list[CancellationRule]:
    return list(session.scalars(select(CancellationRule).where(CancellationRule.program_id == program_id)))


def booking(booking_id: int | None, *, session: Session, for_update: bool = False) -> Booking | None:
    if booking_id is None:
        return None
    query = select(Booking).where(Booking.id == booking_id)
    if for_update:
        query = locked(query)
    return session.scalar(query)


def later_in_booking(
    booking_id: int,
    after: datetime,
    statuses: tuple[ShiftStatus, ...],
    *,
    session: Session,
    for_update: bool = False,
) -> list[Shift]:
    """The booking's shifts in these statuses starting after `after`, earliest first."""
    query = (
        select(Shift)
        .where(Shift.booking_id == booking_id, Shift.starts_at > after, Shift.status.in_(statuses))
        .order_by(Shift.starts_at)
    )
    if for_update:
        query = locked(query)
    return list(session.scalars(query))


def live_in_booking(booking_id: int, statuses: tuple[ShiftStatus, ...], *, session: Session) -> int:
    query = select(Shift.id).where(Shift.booking_id == booking_id, Shift.status.in_(statuses))
    return len(list(session.scalars(query)))


def withdraw_pending_offers(booking_id: int, at: datetime, *, session: Session) -> None:
    session.execute(
        update(Offer)
        .where(Offer.booking_id == booking_id, Offer.status == OfferStatus.PENDING)
        .values(status=OfferStatus.WITHDRAWN, answered_at=at)
    )


def worker_accounts(worker_ids: set[int], *, session: Session) -> dict[int, int]:
    """worker id -> account id, for the workers who have an account."""
    if not worker_ids:
        return {}
    rows = session.execute(
        select(Account.worker_id, Account.id).where(Account.worker_id.in_(worker_ids), Account.active)
    )
    return {worker_id: account_id for worker_id, account_id in rows if worker_id is not None}


def open_query(shift_id: int, *, session: Session) -> ShiftQuery | None:
    return session.scalar(
        select(ShiftQuery).where(ShiftQuery.shift_id == shift_id, ShiftQuery.resolved_at.is_(None))
    )


def any_query(shift_id: int, *, session: Session) -> bool:
    """Whether the shift was ever queried (resolved or not)."""
    return session.scalar(select(ShiftQuery.id).where(ShiftQuery.shift_id == shift_id).limit(1)) is not None


def worker_name(worker_id: int | None, *, session: Session) -> str | None:
    if worker_id is None:
        return None
    row = session.execute(
        select(Worker.first_name, Worker.preferred_name, Worker.last_name).where(Worker.id == worker_id)
    ).first()
    return f"{row.preferred_name or row.first_name} {row.last_name}" if row else None

