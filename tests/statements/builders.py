"""Statements built from plain ledger lines, without a database, for the pure tests and the PDF tests."""

from datetime import date, timedelta

from domain.statements import arithmetic, ledger, periods
from domain.statements.model import LedgerLine, PackageFacts, PackageStatement, Period
from domain.vocabulary import CancelBand, CancelReason, LedgerKind, NdisCategory, ProgramKind, ServiceUnit

NDIS = PackageFacts(
    package_id=5,
    client_id=5,
    client_name="Ζωή Alexiou",
    client_number="C00005",
    program="NDIS",
    program_kind=ProgramKind.NDIS,
    level="NDIS plan",
    reference="NDIS-00005",
    starts_on=date(2024, 11, 1),
    ends_on=date(2027, 10, 31),
)
HOME_CARE = PackageFacts(
    package_id=4,
    client_id=4,
    client_name="Bích Nguyễn",
    client_number="C00004",
    program="Home Care Package",
    program_kind=ProgramKind.HOME_CARE_PACKAGE,
    level="Level 2",
    reference="HCP-00004",
    starts_on=date(2026, 1, 1),
    ends_on=date(2026, 12, 31),
)


def service(
    entry_id: int, day: date, *, units: int = 150, rate: int = 7423, pct: int = 10, **extra
) -> LedgerLine:
    cost = ledger.charge(units, rate, pct)
    return LedgerLine(
        entry_id, day, LedgerKind.SERVICE, cost.amount, "Personal care", shift_id=entry_id, units=units,
        unit=ServiceUnit.HOUR, rate=rate, subsidy=cost.subsidy, contribution=cost.contribution, **extra,
    )  # fmt: skip


def no_show(entry_id: int, day: date, *, fee: int = 11_135, pct: int = 10) -> LedgerLine:
    cost = ledger.fee_charge(fee, pct)
    return LedgerLine(
        entry_id, day, LedgerKind.CANCELLATION_FEE, cost.amount, "No-show: Personal care",
        shift_id=entry_id, subsidy=cost.subsidy, contribution=cost.contribution,
        cancel_band=CancelBand.NO_NOTICE, cancel_reason=CancelReason.OTHER,
    )  # fmt: skip


def line(
    entry_id: int, day: date, kind: LedgerKind, amount: int, description: str = "", **extra
) -> LedgerLine:
    return LedgerLine(entry_id, day, kind, amount, description or kind.value, **extra)


def month_statement(
    package: PackageFacts, month: date, lines: list[LedgerLine], *, today: date = date(2026, 11, 27)
) -> PackageStatement:
    """The statement of one month, with the opening summed from every earlier line."""
    period = periods.for_month(month, today)
    return statement(package, period, lines)


def statement(package: PackageFacts, period: Period, lines: list[LedgerLine]) -> PackageStatement:
    opening: dict[NdisCategory | None, int] = {}
    for x in lines:
        if x.day < period.first:
            opening[x.ndis_category] = opening.get(x.ndis_category, 0) + x.amount
    inside = [x for x in lines if period.first <= x.day <= period.last]
    chart_first = arithmetic.chart_start(package, period)
    chart_opening = sum(x.amount for x in lines if x.day < chart_first)
    moves = [(x.day, x.amount) for x in lines if chart_first <= x.day <= period.last]
    by_month = arithmetic.budget_by_month(chart_opening, moves, chart_first, period.last)
    return arithmetic.build(package, period, opening, inside, by_month)


def year_of_services(count: int, first: date = date(2025, 12, 1)) -> list[LedgerLine]:
    """`count` services spread over a year, monthly funding, one no-show and one refund."""
    lines = [service(n, first + timedelta(days=n * 365 // count)) for n in range(count)]
    for month in periods.months_between(first, first + timedelta(days=364)):
        lines.append(line(len(lines) + 1000, month, LedgerKind.FUNDING, 400_000, "Monthly subsidy"))
    lines.append(no_show(9001, first + timedelta(days=40)))
    lines.append(
        line(
            9002,
            first + timedelta(days=70),
            LedgerKind.REFUND,
            2_500,
            "Refund: left early",
            refers_to_month=first,
        )
    )
    return lines
