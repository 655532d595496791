"""A client with years of weekly visits, for the paging tests and the page benchmark."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from domain.booking import making
from domain.pricing import bands, rates
from domain.pricing.rates import Rate, RateCard
from domain.statements import ledger
from domain.vocabulary import BookingStatus, Recurrence, ShiftStatus
from storage.models import ApprovedService, Booking, FundingPackage, Service, ServiceRate, Shift, Worker

from .prices import DEMO_STATE

ZONE = ZoneInfo("Australia/Sydney")
SUNDAY_EVENING = time(19, 0)  # clear of every generated visit (Monday to Saturday, overnight from 21:00)


def add_weekly_history(
    session: Session, client_id: int, *, now: datetime, weeks_past: int = 104, weeks_future: int = 4
) -> int:
    """A weekly one-hour visit on Sunday evenings, from weeks_past ago to weeks_future ahead, with
    the client's usual worker; past visits are billed (with their ledger entry), approved or
    completed by age, as the generator does. Returns how many shifts were added."""
    approved, package, card, service = _first_approved_service(session, client_id)
    worker_id = session.scalar(
        select(Shift.worker_id).where(Shift.client_id == client_id, Shift.worker_id.is_not(None)).limit(1)
    )
    level = session.scalar(select(Worker.charge_level).where(Worker.id == worker_id)) if worker_id else None
    today = now.astimezone(ZONE).date()
    first = today - timedelta(days=today.weekday() + 1) - timedelta(weeks=weeks_past)
    days = [first + timedelta(weeks=n) for n in range(weeks_past + weeks_future + 1)]
    booking_id = session.execute(
        insert(Booking).returning(Booking.id),
        [
            {
                "number": f"history-{client_id}",  # numbered from its id just below
                "client_id": client_id,
                "approved_service_id": approved.id,
                "service_id": service.id,
                "package_id": package.id,
                "first_date": days[0],
                "start_time": SUNDAY_EVENING,
                "duration_minutes": 60,
                "recurrence": Recurrence.WEEKLY,
                "status": BookingStatus.ALLOCATED,
                "generated_until": days[-1],
                "created_at": now,
            }
        ],
    ).scalar_one()
    session.execute(update(Booking).where(Booking.id == booking_id).values(number=making.number(booking_id)))
    rows = [_shift(booking_id, client_id, worker_id, service, package, day, now) for day in days]
    for row in rows:  # the rate the portal's pricing would store (Easter Sunday is a holiday in NSW)
        band = bands.band_of_visit(row["starts_at"], row["ends_at"], ZONE, DEMO_STATE)
        row["bill_rate_cents"] = rates.bill_rate(card, band, level) or 0
    ids = session.scalars(insert(Shift).returning(Shift.id, sort_by_parameter_order=True), rows)
    entries = [
        ledger.service_entry(
            package_id=package.id,
            shift_id=shift_id,
            day=row["occurrence_date"],
            description=service.name,
            units=100,
            rate_cents=row["bill_rate_cents"],
            contribution_pct=package.contribution_pct,
            ndis_category=None,
            created_at=now,
        )
        for shift_id, row in zip(ids, rows, strict=True)
        if row["status"] == ShiftStatus.BILLED
    ]
    session.add_all(entries)
    session.flush()
    return len(rows)


def _first_approved_service(
    session: Session, client_id: int
) -> tuple[ApprovedService, FundingPackage, RateCard, Service]:
    approved, package, service = session.execute(
        select(ApprovedService, FundingPackage, Service)
        .join(FundingPackage, FundingPackage.id == ApprovedService.package_id)
        .join(Service, Service.id == ApprovedService.service_id)
        .where(FundingPackage.client_id == client_id)
        .order_by(ApprovedService.id)
        .limit(1)
    ).one()
    if approved.rate_cents is not None:
        return approved, package, RateCard((), approved.rate_cents), service
    found = session.execute(
        select(ServiceRate.time_band, ServiceRate.charge_level, ServiceRate.rate_cents).where(
            ServiceRate.service_id == service.id, ServiceRate.program_id == package.program_id
        )
    )
    return approved, package, RateCard(tuple(Rate(*row) for row in found)), service


def _shift(
    booking_id: int,
    client_id: int,
    worker_id: int | None,
    service: Service,
    package: FundingPackage,
    day: date,
    now: datetime,
) -> dict:
    starts = datetime.combine(day, SUNDAY_EVENING, ZONE).astimezone(UTC)
    ends = starts + timedelta(hours=1)
    age = (now - ends).days
    status = (
        ShiftStatus.ALLOCATED
        if ends > now
        else ShiftStatus.BILLED
        if age > 14
        else ShiftStatus.APPROVED
        if age > 7
        else ShiftStatus.COMPLETED
    )
    if worker_id is None and status == ShiftStatus.ALLOCATED:
        status = ShiftStatus.UNALLOCATED
    return {
        "booking_id": booking_id,
        "occurrence_date": day,
        "client_id": client_id,
        "worker_id": worker_id,
        "service_id": service.id,
        "program_id": package.program_id,
        "package_id": package.id,
        "starts_at": starts,
        "ends_at": ends,
        "status": status,
        "bill_units": 100,
        "bill_rate_cents": 0,  # priced by the caller
        "completed_at": ends if ends <= now else None,
        "approved_at": ends + timedelta(days=2)
        if status in (ShiftStatus.APPROVED, ShiftStatus.BILLED)
        else None,
        "billed_at": ends + timedelta(days=3) if status == ShiftStatus.BILLED else None,
        "created_at": now,
    }
