"""A statement in plain words and tables of text: one wording for the screen and the PDF, so that both
show the very same figures."""

from dataclasses import dataclass
from datetime import date

from domain import vocabulary
from domain.money import dollars
from domain.statements.model import LedgerLine, Movement, PackageStatement
from domain.statements.periods import day_label, month_label
from domain.vocabulary import CancelBand, CancelReason, NdisCategory, ServiceUnit

CATEGORY_NAMES = {
    NdisCategory.CORE: "Core supports",
    NdisCategory.CAPACITY_BUILDING: "Capacity Building",
    NdisCategory.CAPITAL: "Capital",
    None: "Not in a category",
}
BAND_NAMES = {
    CancelBand.NO_NOTICE: "No-show or no notice",
    CancelBand.SHORT_NOTICE: "Short-notice cancellation",
    CancelBand.WITH_NOTICE: "Cancelled with notice",
}
REASON_NAMES = {
    CancelReason.HEALTH: "health",
    CancelReason.FAMILY: "family",
    CancelReason.TRANSPORT: "transport",
    CancelReason.OTHER: "other reason",
}


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    strong: bool = False  # a total


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    headings: tuple[str, ...]
    numeric: tuple[bool, ...]  # right-aligned columns
    rows: tuple[Row, ...]
    empty: str = "Nothing in this period."


def short_day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def hundredths(units: int) -> str:
    """150 -> "1.5"; 100 -> "1"; 125 -> "1.25"."""
    whole, part = divmod(units, 100)
    return f"{whole}" if not part else f"{whole}.{part:02d}".rstrip("0")


def quantity(line: LedgerLine) -> str:
    if line.units is None:
        return ""
    if line.unit == ServiceUnit.HOUR:
        return vocabulary.hours(line.units)
    return f"{hundredths(line.units)} {vocabulary.plural(line.units / 100, 'unit')}"


# How fees were described before the "What happened" column said it ("Short-notice cancellation:
# Personal care"); the column names the service only, so each cancellation is labelled once.
_LABELLED = ("Cancellation", "Short-notice cancellation", "No-show")


def cancelled_service(line: LedgerLine) -> str:
    head, colon, service = line.description.partition(": ")
    return service if colon and head.startswith(_LABELLED) else line.description


def what_happened(line: LedgerLine) -> str:
    band = BAND_NAMES.get(line.cancel_band, "Cancellation") if line.cancel_band else "Cancellation"
    reason = REASON_NAMES.get(line.cancel_reason) if line.cancel_reason else None
    return f"{band} ({reason})" if reason else band


def summary_sentences(statement: PackageStatement) -> list[str]:
    """The statement in a few sentences a client can read aloud."""
    s, period = statement, statement.period
    told = [f"At the start of {day_label(period.first)} your package had {dollars(s.opening)}."]
    told.append(_flow("came in", s.credits, s.came_in) if s.came_in else "Nothing came in.")
    told.append(_flow("was spent", s.debits, s.went_out) if s.went_out else "Nothing was spent.")
    if s.service_contributions:
        told.append(f"You paid {dollars(s.service_contributions)} towards your services yourself.")
    if s.paid_in_contributions:
        told.append(f"You paid {dollars(s.paid_in_contributions)} into your package.")
    end = day_label(period.last)
    if s.closing >= 0:
        told.append(f"At the end of {end} you had {dollars(s.closing)} left: your unspent funds.")
    else:
        told.append(f"At the end of {end} your package was overspent by {dollars(-s.closing)}.")
    return told


def _flow(verb: str, total: int, parts: tuple[Movement, ...]) -> str:
    detail = "; ".join(f"{part.label.lower()} {dollars(part.cents)}" for part in parts)
    return f"{dollars(total)} {verb}: {detail}."


def summary(statement: PackageStatement) -> Table:
    s = statement
    rows = [Row((f"Funds at the start of {day_label(s.period.first)}", dollars(s.opening)), strong=True)]
    rows += [Row((f"In: {m.label}", dollars(m.cents))) for m in s.came_in]
    rows.append(Row(("Total that came in", dollars(s.credits)), strong=True))
    rows += [Row((f"Out: {m.label}", dollars(m.cents))) for m in s.went_out]
    rows.append(Row(("Total spent", dollars(s.debits)), strong=True))
    rows.append(Row((f"Funds remaining at the end of {day_label(s.period.last)}", dollars(s.closing)), True))
    rows.append(Row(("Unspent funds", dollars(s.unspent))))
    rows.append(Row(("Your contributions in this period", dollars(s.total_contributions)), strong=True))
    return Table("summary", "Summary", ("What", "Amount"), (False, True), tuple(rows))


def tables(statement: PackageStatement) -> list[Table]:
    """Every table of the statement after the summary, in reading order."""
    found = [categories(statement)] if statement.categories else []
    return [
        *found,
        services(statement),
        cancellations(statement),
        management(statement),
        money_in(statement),
        adjustments(statement),
        by_month(statement),
    ]


def categories(statement: PackageStatement) -> Table:
    rows = [
        Row((CATEGORY_NAMES[c.category], *(dollars(x) for x in (c.opening, c.credits, c.debits, c.closing))))
        for c in statement.categories
    ]
    headings = ("Budget category", "At the start", "Came in", "Spent", "Left")
    return Table(
        "categories", "Your NDIS plan by budget category", headings, (False, *[True] * 4), tuple(rows)
    )


def services(statement: PackageStatement) -> Table:
    lines = statement.services
    late = any(x.late for x in lines)
    rows = [
        Row(
            (
                short_day(x.day),
                *_for(x, late),
                x.description,
                quantity(x),
                dollars(x.rate) if x.rate is not None else "",
                dollars(x.price),
                dollars(x.subsidy),
                dollars(x.contribution),
            )
        )
        for x in lines
    ]
    if lines:
        rows.append(Row(("Total", *_for(None, late), "", "", "", *_sums(lines)), strong=True))
    headings = ("Date", *FOR[late], "Service", "Hours or units", "Rate", "Price", "Package paid", "You paid")
    numeric = (False, *(False,) * late, False, True, True, True, True, True)
    return Table(
        "services", "Services delivered", headings, numeric, tuple(rows), "No services in this period."
    )


def cancellations(statement: PackageStatement) -> Table:
    lines = statement.cancellations
    late = any(x.late for x in lines)
    rows = [
        Row((short_day(x.day), *_for(x, late), cancelled_service(x), what_happened(x), *_sums([x])))
        for x in lines
    ]
    if lines:
        rows.append(Row(("Total", *_for(None, late), "", "", *_sums(lines)), strong=True))
    headings = ("Date", *FOR[late], "Service", "What happened", "Fee", "Package paid", "You paid")
    return Table(
        "cancellations",
        "Cancellations and no-shows",
        headings,
        (False, *(False,) * late, False, False, True, True, True),
        tuple(rows),
        "No cancellation fees in this period.",
    )


# A charge entered after its month was closed says which day the work was for, in a "For" column
# that appears only when a table has such a charge.
FOR = {False: (), True: ("For",)}


def _for(line: LedgerLine | None, shown: bool) -> tuple[str, ...]:
    if not shown:
        return ()
    if line is None or not line.late or line.service_day is None:
        return ("",)
    return (f"visit of {short_day(line.service_day)}",)


def management(statement: PackageStatement) -> Table:
    lines = statement.management
    rows = [
        Row(
            (
                short_day(x.day),
                x.description,
                hundredths(x.units) if x.units is not None else "",
                dollars(x.rate) if x.rate is not None else "",
                dollars(-x.amount),
            )
        )
        for x in lines
    ]
    if lines:
        rows.append(Row(("Total", "", "", "", dollars(-sum(x.amount for x in lines))), strong=True))
    return Table(
        "management",
        "Care and package management",
        ("Date", "Description", "Units", "Rate", "Charged"),
        (False, False, True, True, True),
        tuple(rows),
        "No management fees in this period.",
    )


def money_in(statement: PackageStatement) -> Table:
    lines = statement.money_in
    rows = [Row((short_day(x.day), x.description, dollars(x.amount))) for x in lines]
    if lines:
        rows.append(Row(("Total", "", dollars(sum(x.amount for x in lines))), strong=True))
    return Table(
        "money_in",
        "Funding and contributions received",
        ("Date", "Description", "Amount"),
        (False, False, True),
        tuple(rows),
        "No funding or contributions came in during this period.",
    )


def adjustments(statement: PackageStatement) -> Table:
    lines = statement.adjustments
    rows = [
        Row(
            (
                short_day(x.day),
                x.description,
                month_label(x.refers_to_month) if x.refers_to_month else "",
                dollars(x.amount),
            )
        )
        for x in lines
    ]
    if lines:
        rows.append(Row(("Total", "", "", dollars(sum(x.amount for x in lines))), strong=True))
    return Table(
        "adjustments",
        "Adjustments and refunds",
        ("Date", "Description", "For", "Amount"),
        (False, False, False, True),
        tuple(rows),
        "No adjustments or refunds in this period.",
    )


def by_month(statement: PackageStatement) -> Table:
    rows = [
        Row((month_label(m.month), dollars(m.received), dollars(m.spent), dollars(m.left)))
        for m in statement.by_month
    ]
    return Table(
        "by_month",
        "Budget used and left, month by month",
        ("Month", "Came in", "Spent", "Left at the end"),
        (False, True, True, True),
        tuple(rows),
    )


def _sums(lines: tuple[LedgerLine, ...] | list[LedgerLine]) -> tuple[str, str, str]:
    """Price, what the package paid, what the client paid."""
    return (
        dollars(sum(x.price for x in lines)),
        dollars(sum(x.subsidy for x in lines)),
        dollars(sum(x.contribution for x in lines)),
    )
