"""The statement arithmetic: from the balance before a period and the period's ledger lines to every
figure a statement shows. Pure functions over plain values, so they are tested without a database.

Credits are positive and debits negative (domain.statements.ledger); a statement sorts each line into one
section by its kind, and into "came in" or "went out" by its sign, so that
opening + credits − debits = closing holds whatever the lines are.
"""

from collections.abc import Iterable, Mapping
from datetime import date

from domain.language import N_
from domain.statements import periods
from domain.statements.model import (
    CategoryBalance,
    LedgerLine,
    MonthUse,
    Movement,
    PackageFacts,
    PackageStatement,
    Period,
)
from domain.vocabulary import LedgerKind, NdisCategory

NDIS_CATEGORIES = (NdisCategory.CORE, NdisCategory.CAPACITY_BUILDING, NdisCategory.CAPITAL)
SECTIONS = {
    "money_in": (LedgerKind.FUNDING, LedgerKind.CONTRIBUTION),
    "services": (LedgerKind.SERVICE,),
    "cancellations": (LedgerKind.CANCELLATION_FEE,),
    "management": (LedgerKind.CARE_MANAGEMENT, LedgerKind.PACKAGE_MANAGEMENT),
    "adjustments": (LedgerKind.ADJUSTMENT, LedgerKind.REFUND),
}
CAME_IN = {
    LedgerKind.FUNDING: N_("Funding received"),
    LedgerKind.CONTRIBUTION: N_("Your contributions paid into the package"),
    LedgerKind.ADJUSTMENT: N_("Adjustments in your favour"),
    LedgerKind.REFUND: N_("Refunds"),
    LedgerKind.SERVICE: N_("Service charges reversed"),
    LedgerKind.CANCELLATION_FEE: N_("Cancellation fees reversed"),
    LedgerKind.CARE_MANAGEMENT: N_("Care management reversed"),
    LedgerKind.PACKAGE_MANAGEMENT: N_("Package management reversed"),
}
WENT_OUT = {
    LedgerKind.SERVICE: N_("Services delivered"),
    LedgerKind.CANCELLATION_FEE: N_("Cancellations and no-shows"),
    LedgerKind.CARE_MANAGEMENT: N_("Care management"),
    LedgerKind.PACKAGE_MANAGEMENT: N_("Package management"),
    LedgerKind.ADJUSTMENT: N_("Adjustments charged"),
    LedgerKind.REFUND: N_("Refunds paid back"),
    LedgerKind.FUNDING: N_("Funding withdrawn"),
    LedgerKind.CONTRIBUTION: N_("Contributions returned to you"),
}


def build(
    package: PackageFacts,
    period: Period,
    opening: Mapping[NdisCategory | None, int],
    lines: Iterable[LedgerLine],
    by_month: Iterable[MonthUse] = (),
) -> PackageStatement:
    """The statement of one period. `opening` is the balance before its first day, by NDIS category
    (None for amounts without one); `lines` are exactly the entries dated inside the period."""
    inside = tuple(sorted(lines, key=lambda line: (line.day, line.entry_id)))
    stray = [line.entry_id for line in inside if not period.first <= line.day <= period.last]
    if stray:
        raise ValueError(f"ledger entries {stray} are not dated within {period.label}")
    start = sum(opening.values())
    return PackageStatement(
        package=package,
        period=period,
        opening=start,
        credits=sum(line.amount for line in inside if line.amount > 0),
        debits=-sum(line.amount for line in inside if line.amount < 0),
        closing=start + sum(line.amount for line in inside),
        came_in=movements(inside, CAME_IN, sign=1),
        went_out=movements(inside, WENT_OUT, sign=-1),
        **{name: section(inside, kinds) for name, kinds in SECTIONS.items()},
        categories=category_balances(opening, inside) if package.is_ndis else (),
        by_month=tuple(by_month),
    )


def section(lines: tuple[LedgerLine, ...], kinds: tuple[LedgerKind, ...]) -> tuple[LedgerLine, ...]:
    return tuple(line for line in lines if line.kind in kinds)


def movements(lines: Iterable[LedgerLine], labels: dict[LedgerKind, str], sign: int) -> tuple[Movement, ...]:
    """Per kind, the lines that went this way (sign 1: in, -1: out), as positive amounts."""
    totals: dict[LedgerKind, int] = {}
    for line in lines:
        if line.amount * sign > 0:
            totals[line.kind] = totals.get(line.kind, 0) + line.amount * sign
    return tuple(Movement(label, totals[kind]) for kind, label in labels.items() if kind in totals)


def category_balances(
    opening: Mapping[NdisCategory | None, int], lines: tuple[LedgerLine, ...]
) -> tuple[CategoryBalance, ...]:
    """Core, Capacity Building and Capital; and what has no category, when there is any."""
    categories: list[NdisCategory | None] = list(NDIS_CATEGORIES)
    if opening.get(None) or any(line.ndis_category is None for line in lines):
        categories.append(None)
    return tuple(
        _category(category, opening.get(category, 0), [x for x in lines if x.ndis_category == category])
        for category in categories
    )


def _category(category: NdisCategory | None, opening: int, lines: list[LedgerLine]) -> CategoryBalance:
    credits = sum(line.amount for line in lines if line.amount > 0)
    debits = -sum(line.amount for line in lines if line.amount < 0)
    return CategoryBalance(category, opening, credits, debits, opening + credits - debits)


def chart_start(package: PackageFacts, period: Period) -> date:
    """The chart shows the whole period, and at least the year up to its end (from the package's start)."""
    year_before = periods.month_start(period.last)
    for _ in range(11):
        year_before = periods.previous_month(year_before)
    begins = max(year_before, periods.month_start(package.starts_on))
    return min(periods.month_start(period.first), begins)


def budget_by_month(
    opening: int, moves: Iterable[tuple[date, int]], first: date, last: date
) -> tuple[MonthUse, ...]:
    """Each month from first's month to last's: what came in, what was spent, and what was left at its
    end. `opening` is the balance before `first`, which is the first day of a month."""
    months = periods.months_between(first, last)
    received, spent = dict.fromkeys(months, 0), dict.fromkeys(months, 0)
    for day, amount in moves:
        month = periods.month_start(day)
        if month not in received or not first <= day <= last:
            raise ValueError(f"a movement on {day} is outside {first} to {last}")
        if amount > 0:
            received[month] += amount
        else:
            spent[month] -= amount
    used, left = [], opening
    for month in months:
        left += received[month] - spent[month]
        used.append(MonthUse(month, received[month], spent[month], left))
    return tuple(used)
