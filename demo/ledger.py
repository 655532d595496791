"""The money side of the generated history: funding credited, billed services and fees debited."""

from datetime import UTC, date, datetime
from itertools import pairwise

from sqlalchemy import insert
from sqlalchemy.orm import Session

from domain import money
from domain.statements import ledger
from domain.vocabulary import LedgerKind, NdisCategory, ShiftStatus
from storage.models import LedgerEntry

from .catalogue import SERVICES
from .clients import ClientSeed
from .missed_visits import last_billed, last_month

NDIS_CATEGORY = {code: ndis for code, _n, _g, _u, _m, _c, ndis, *_ in SERVICES}
FIXED_TIME = datetime(2000, 1, 1, tzinfo=UTC)  # seeding twice gives identical rows
BASIC_DAILY_FEE_CENTS = 1255  # Home Care Package clients pay it into their package
# Every fourth client from the first is refunded part of a visit last month; from the second, charged more.
REFUND_PCT, ADJUSTMENT_PCT = 25, 10


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
                day,
                LedgerKind.FUNDING,
                b.amount_cents,
                f"NDIS plan budget: {b.category.value}",
                ndis_category=b.category,
            )
            for day in anniversaries(start, today)
            for b in package.budgets
        ]
    if client.program in ("CHSP", "PRIVATE"):
        return [
            entry(package.id, day, LedgerKind.FUNDING, budget, "Funds for the period")
            for day in anniversaries(start, today)
        ]
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
    if client.program == "HCP":
        rows += basic_daily_fees(package.id, months)
    return rows


def anniversaries(start: date, today: date) -> list[date]:
    """The plan's first day and each renewal (a year on) up to today."""
    days = [start]
    while (following := _year_after(days[-1])) <= today:
        days.append(following)
    return days


def _year_after(day: date) -> date:
    return day.replace(year=day.year + 1) if (day.month, day.day) != (2, 29) else date(day.year + 1, 3, 1)


def basic_daily_fees(package_id: int, months: list[date]) -> list[dict]:
    """The client's basic daily fee, paid into the package early in the month after the days it covers."""
    return [
        entry(
            package_id,
            paid_on,
            LedgerKind.CONTRIBUTION,
            BASIC_DAILY_FEE_CENTS * (paid_on - since).days,
            f"Your basic daily fee for {since:%B %Y}",
        )
        for since, paid_on in pairwise(months)
    ]


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
    names = {service_id: service_names[code] for service_id, code in service_codes.items()}
    rows += [
        fee_entry(by_client[s["client_id"]], s, service_codes[s["service_id"]], names[s["service_id"]])
        for s in shifts
        if s.get("cancel_fee_cents")
    ]
    rows += corrections(clients, shifts, service_codes, names, today)
    for offset in range(0, len(rows), chunk):
        session.execute(insert(LedgerEntry), rows[offset : offset + chunk])


def fee_entry(client: ClientSeed, shift: dict, service_code: str, service_name: str) -> dict:
    cost = ledger.fee_charge(shift["cancel_fee_cents"], client.package.contribution_pct)
    return entry(
        client.package.id,
        shift["occurrence_date"],
        LedgerKind.CANCELLATION_FEE,
        cost.amount,
        service_name,  # the band and reason are kept in their own columns
        shift_id=shift["id"],
        subsidy_cents=cost.subsidy,
        contribution_cents=cost.contribution,
        ndis_category=NDIS_CATEGORY[service_code] if client.program == "NDIS" else None,
        cancel_reason=shift["cancel_reason"],
    )


def corrections(
    clients: list[ClientSeed],
    shifts: list[dict],
    service_codes: dict[int, str],
    names: dict[int, str],
    today: date,
) -> list[dict]:
    """A refund or an adjustment for a visit last month, posted early this month."""
    first, last = last_month(today)
    posted = min(today, date(today.year, today.month, 3))
    rows = []
    for position, client in enumerate(clients):
        shift = last_billed(shifts, client.id, first, last) if position % 4 in (0, 1) else None
        if shift is not None:
            code = service_codes[shift["service_id"]]
            kind, amount, description = _correction(client, shift, names[shift["service_id"]], position)
            category = NDIS_CATEGORY[code] if client.program == "NDIS" else None
            extra = {"ndis_category": category, "refers_to_month": first}
            rows.append(entry(client.package.id, posted, kind, amount, description, **extra))
    return rows


def _correction(client: ClientSeed, shift: dict, name: str, position: int) -> tuple[LedgerKind, int, str]:
    cost = ledger.charge(shift["bill_units"], shift["bill_rate_cents"], client.package.contribution_pct)
    visit = f"{name} on {shift['occurrence_date'].day} {shift['occurrence_date']:%B}"
    if position % 4 == 0:
        refund = money.percent_of(cost.subsidy, REFUND_PCT)
        return LedgerKind.REFUND, refund, f"Refund: the worker left early, {visit}"
    charge = -money.percent_of(cost.subsidy, ADJUSTMENT_PCT)
    return LedgerKind.ADJUSTMENT, charge, f"Correction: {visit} was charged at the old rate"
