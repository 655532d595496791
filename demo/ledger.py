"""The money side of the generated history: funding credited, billed services and fees debited."""

from datetime import UTC, date, datetime

from sqlalchemy import insert
from sqlalchemy.orm import Session

from domain import ledger, money
from storage.models import LedgerEntry
from storage.models.enums import LedgerKind, NdisCategory, ShiftStatus

from .catalogue import SERVICES
from .clients import ClientSeed

NDIS_CATEGORY = {code: ndis for code, _n, _g, _u, _m, _c, ndis, *_ in SERVICES}
FIXED_TIME = datetime(2000, 1, 1, tzinfo=UTC)  # seeding twice gives identical rows


def month_starts(first: date, last: date) -> list[date]:
    """The first day of every month from first's month (or first itself) up to last."""
    days, day = [first], date(first.year, first.month, 1)
    while True:
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        if day > last:
            return days
        days.append(day)


def entry(
    package_id: int, day: date, kind: LedgerKind, amount: int, description: str, **extra: object
) -> dict:
    return {
        "package_id": package_id,
        "entry_date": day,
        "kind": kind,
        "amount_cents": amount,
        "description": description,
        "shift_id": None,
        "units": None,
        "rate_cents": None,
        "subsidy_cents": 0,
        "contribution_cents": 0,
        "ndis_category": None,
        "cancel_reason": None,
        "refers_to_month": None,
        "created_at": FIXED_TIME,
    } | extra


def funding_entries(client: ClientSeed, today: date) -> list[dict]:
    package = client.package
    budget, start = package.budget_cents, package.starts_on
    if client.program == "NDIS":
        return [
            entry(
                package.id,
                start,
                LedgerKind.FUNDING,
                b.amount_cents,
                f"NDIS plan budget: {b.category.value}",
                ndis_category=b.category,
            )
            for b in package.budgets
        ]
    if client.program in ("CHSP", "PRIVATE"):
        return [entry(package.id, start, LedgerKind.FUNDING, budget, "Funds for the period")]
    rows = []
    months = month_starts(start, today)
    step = 3 if client.program == "SAH" else 1
    for day in months[::step]:
        amount = budget * step // 12
        label = "Quarterly budget" if step == 3 else "Monthly subsidy"
        rows.append(entry(package.id, day, LedgerKind.FUNDING, amount, label))
    for day in months:
        fee = money.percent_of(budget // 12, package.care_management_pct)
        if fee:
            rows.append(
                entry(
                    package.id,
                    day,
                    LedgerKind.CARE_MANAGEMENT,
                    -fee,
                    "Care management",
                    units=100,
                    rate_cents=fee,
                )
            )
    return rows


def service_entry(client: ClientSeed, shift: dict, service_code: str, service_name: str) -> dict:
    cost = ledger.charge(shift["bill_units"], shift["bill_rate_cents"], client.package.contribution_pct)
    ndis: NdisCategory | None = NDIS_CATEGORY[service_code] if client.program == "NDIS" else None
    return entry(
        client.package.id,
        shift["occurrence_date"],
        LedgerKind.SERVICE,
        cost.amount,
        service_name,
        shift_id=shift["id"],
        units=shift["bill_units"],
        rate_cents=shift["bill_rate_cents"],
        subsidy_cents=cost.subsidy,
        contribution_cents=cost.contribution,
        ndis_category=ndis,
    )


def seed_ledger(
    session: Session,
    clients: list[ClientSeed],
    shifts: list[dict],
    service_codes: dict[int, str],
    service_names: dict[str, str],
    today: date,
    chunk: int = 20_000,
) -> None:
    by_client = {c.id: c for c in clients}
    rows = [row for client in clients for row in funding_entries(client, today)]
    rows += [
        service_entry(
            by_client[s["client_id"]],
            s,
            service_codes[s["service_id"]],
            service_names[service_codes[s["service_id"]]],
        )
        for s in shifts
        if s["status"] == ShiftStatus.BILLED
    ]
    for offset in range(0, len(rows), chunk):
        session.execute(insert(LedgerEntry), rows[offset : offset + chunk])
