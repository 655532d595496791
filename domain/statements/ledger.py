"""Posting money to a package's ledger: one convention for every writer (billing, cancellation
fees, the demo history) and every reader (statements).

Credits are positive and debits negative, in cents. A service or fee debits the package with the
subsidised part only; the client's contribution is recorded beside it (they pay it to the agency).
Each shift is charged at most once per kind (a unique index guarantees it).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from domain import money
from domain.vocabulary import CancelReason, LedgerKind, NdisCategory
from storage.models import LedgerEntry
from storage.queries import statements as statement_queries


@dataclass(frozen=True)
class Charge:
    price: int
    subsidy: int
    contribution: int

    @property
    def amount(self) -> int:
        """What the package is debited (negative)."""
        return -self.subsidy


def charge(units_hundredths: int, rate_cents: int, contribution_pct: int) -> Charge:
    price = money.price_cents(units_hundredths, rate_cents)
    subsidy, contribution = money.split_contribution(price, contribution_pct)
    return Charge(price, subsidy, contribution)


def fee_charge(fee_cents: int, contribution_pct: int) -> Charge:
    subsidy, contribution = money.split_contribution(fee_cents, contribution_pct)
    return Charge(fee_cents, subsidy, contribution)


def service_entry(
    *,
    package_id: int,
    shift_id: int,
    day: date,
    description: str,
    units: int,
    rate_cents: int,
    contribution_pct: int,
    ndis_category: NdisCategory | None,
    created_at: datetime,
    refers_to_month: date | None = None,
    service_day: date | None = None,
) -> LedgerEntry:
    cost = charge(units, rate_cents, contribution_pct)
    return LedgerEntry(
        package_id=package_id,
        entry_date=day,
        kind=LedgerKind.SERVICE,
        amount_cents=cost.amount,
        description=description,
        shift_id=shift_id,
        units=units,
        rate_cents=rate_cents,
        subsidy_cents=cost.subsidy,
        contribution_cents=cost.contribution,
        ndis_category=ndis_category,
        refers_to_month=refers_to_month,
        service_date=service_day,
        created_at=created_at,
    )


def cancellation_fee_entry(
    *,
    package_id: int,
    shift_id: int,
    day: date,
    description: str,
    fee_cents: int,
    contribution_pct: int,
    reason: CancelReason,
    ndis_category: NdisCategory | None,
    created_at: datetime,
    refers_to_month: date | None = None,
    service_day: date | None = None,
) -> LedgerEntry:
    cost = fee_charge(fee_cents, contribution_pct)
    return LedgerEntry(
        package_id=package_id,
        entry_date=day,
        kind=LedgerKind.CANCELLATION_FEE,
        amount_cents=cost.amount,
        description=description,
        shift_id=shift_id,
        subsidy_cents=cost.subsidy,
        contribution_cents=cost.contribution,
        ndis_category=ndis_category,
        cancel_reason=reason,
        refers_to_month=refers_to_month,
        service_date=service_day,
        created_at=created_at,
    )


def posting_day(
    package_id: int, service_day: date, today: date, *, session: Session
) -> tuple[date, date | None]:
    """The day a charge for work on `service_day` is entered, and the earlier month it refers to.

    A month whose statement — or any later month's — has been issued is closed: it never changes
    again. A charge for it that comes later (a visit approved late) goes on the first open month,
    marked as belonging to the earlier one, and carries its date of service (the caller records it).
    Without this, a visit of October approved in December after November's statement went out
    (but October's never did) landed in October and moved every balance after it.
    """
    issued_through = statement_queries.issued_through(package_id, session=session)
    if issued_through is None or service_day > issued_through:
        return service_day, None
    first_open = issued_through + timedelta(days=1)
    return max(today, first_open), service_day.replace(day=1)


def post(session: Session, entry: LedgerEntry) -> LedgerEntry:
    session.add(entry)
    session.flush()
    return entry
