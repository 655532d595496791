"""The booking catalogue: a client's approved services with their prices, and the units already
rostered of each in a period. Two statements, whatever the number of services."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from domain.vocabulary import BUSY_SHIFT_STATUSES
from storage.models import ApprovedService, FundingPackage, Program, Service, Shift
from storage.queries import NamedRow


def approved_services(client_id: int, today: date, *, session: Session) -> list[NamedRow]:
    """The client's approved services under their packages current today, (their prices: domain.pricing)."""
    return list(
        session.execute(
            select(
                ApprovedService.id,
                ApprovedService.package_id,
                ApprovedService.service_id,
                ApprovedService.units_per_period,
                ApprovedService.period,
                ApprovedService.rate_cents.label("approved_rate_cents"),
                ApprovedService.notes,
                FundingPackage.starts_on.label("package_starts_on"),
                FundingPackage.ends_on.label("package_ends_on"),
                Program.id.label("program_id"),
                Program.name.label("program"),
                Service.name,
                Service.description,
                Service.glyph,
                Service.image_media_id,
                Service.unit,
                Service.default_duration_minutes,
            )
            .join(FundingPackage, FundingPackage.id == ApprovedService.package_id)
            .join(Program, Program.id == FundingPackage.program_id)
            .join(Service, Service.id == ApprovedService.service_id)
            .where(
                FundingPackage.client_id == client_id,
                FundingPackage.active.is_(True),
                FundingPackage.starts_on <= today,
                FundingPackage.ends_on >= today,
                Service.active.is_(True),
            )
            .order_by(Service.name, ApprovedService.id)
        )
    )


@dataclass(frozen=True)
class UsageWindow:
    """One approved service's period: its package and service, and the local dates it covers."""

    key: int
    package_id: int
    service_id: int
    first: date
    last: date


def units_used(client_id: int, windows: Sequence[UsageWindow], *, session: Session) -> dict[int, int]:
    """Hundredths of a unit held by busy or billed shifts in each window, in one statement."""
    if not windows:
        return {}
    sums = [
        func.coalesce(
            func.sum(
                case(
                    (
                        and_(
                            Shift.package_id == window.package_id,
                            Shift.service_id == window.service_id,
                            Shift.occurrence_date >= window.first,
                            Shift.occurrence_date <= window.last,
                        ),
                        Shift.bill_units,
                    ),
                    else_=0,
                )
            ),
            0,
        )
        for window in windows
    ]
    row = session.execute(
        select(*sums).where(
            Shift.client_id == client_id,
            Shift.status.in_(BUSY_SHIFT_STATUSES),
            Shift.occurrence_date >= min(w.first for w in windows),
            Shift.occurrence_date <= max(w.last for w in windows),
        )
    ).one()
    return {window.key: int(value or 0) for window, value in zip(windows, row, strict=True)}


def image_media_id(service_id: int, *, session: Session) -> int | None:
    return session.scalar(select(Service.image_media_id).where(Service.id == service_id))
