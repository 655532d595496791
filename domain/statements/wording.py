"""A statement in plain words and tables of text: one wording for the screen and the PDF, so that both
show the very same figures."""

from dataclasses import dataclass, field
from datetime import date

from domain import vocabulary
from domain.language import DEFAULT, N_, _, current, formats, ngettext
from domain.money import dollars
from domain.statements.model import LedgerLine, Movement, PackageStatement
from domain.statements.periods import day_label, month_label
from domain.vocabulary import CancelBand, CancelReason, NdisCategory, ServiceUnit

CATEGORY_NAMES = {
    NdisCategory.CORE: N_("Core supports"),
    NdisCategory.CAPACITY_BUILDING: N_("Capacity Building"),
    NdisCategory.CAPITAL: N_("Capital"),
    None: N_("Not in a category"),
}
BAND_NAMES = {
    CancelBand.NO_NOTICE: N_("No-show or no notice"),
    CancelBand.SHORT_NOTICE: N_("Short-notice cancellation"),
    CancelBand.WITH_NOTICE: N_("Cancelled with notice"),
}
REASON_NAMES = {
    CancelReason.HEALTH: N_("health"),
    CancelReason.FAMILY: N_("family"),
    CancelReason.TRANSPORT: N_("transport"),
    CancelReason.OTHER: N_("other reason"),
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
    empty: str = field(default_factory=lambda: _("Nothing in this period."))


def short_day(day: date) -> str:
    """27 Nov 2026 (in the reader's language)."""
    return formats.short_date(day)


def hundredths(units: int) -> str:
    """150 -> "1.5"; 100 -> "1"; 125 -> "1.25" (in Italian "1,5")."""
    if current().code != DEFAULT.code:
        return formats.decimal(units / 100)
    whole, part = divmod(units, 100)
    return f"{whole}" if not part else f"{whole}.{part:02d}".rstrip("0")


def quantity(line: LedgerLine) -> str:
    if line.units is None:
        return ""
    if line.unit == ServiceUnit.HOUR:
        return vocabulary.hours(line.units)
    # a fraction takes the "other" plural in every language we speak, as 100 does
    many = 100 if line.units % 100 else line.units // 100
    return ngettext("{amount} unit", "{amount} units", many).format(amount=hundredths(line.units))


# How fees were described before the "What happened" column said it ("Short-notice cancellation:
# Personal care"); the column names the service only, so each cancellation is labelled once.
_LABELLED = ("Cancellation", "Short-notice cancellation", "No-show")


def cancelled_service(line: LedgerLine) -> str:
    head, colon, service = line.description.partition(": ")
    return service if colon and head.startswith(_LABELLED) else line.description


def what_happened(line: LedgerLine) -> str:
    band = _(BAND_NAMES.get(line.cancel_band, N_("Cancellation")) if line.cancel_band else N_("Cancellation"))
    reason = REASON_NAMES.get(line.cancel_reason) if line.cancel_reason else None
    return _("{what} ({reason})").format(what=band, reason=_(reason)) if reason else band


def summary_sentences(statement: PackageStatement) -> list[str]:
    """The statement in a few sentences a client can read aloud."""
    s, period = statement, statement.period
    opening = dollars(s.opening)
    told = [
        _("At the start of {day} your package had {amount}.").format(
            day=day_label(period.first), amount=opening
        )
    ]
    if s.came_in:
        told.append(
            _("{total} came in: {detail}.").format(total=dollars(s.credits), detail=_detail(s.came_in))
        )
    else:
        told.append(_("Nothing came in."))
    if s.went_out:
        told.append(
            _("{total} was spent: {detail}.").format(total=dollars(s.debits), detail=_detail(s.went_out))
        )
    else:
        told.append(_("Nothing was spent."))
    if s.service_contributions:
        paid = dollars(s.service_contributions)
        told.append(_("You paid {amount} towards your services yourself.").format(amount=paid))
    if s.paid_in_contributions:
        told.append(_("You paid {amount} into your package.").format(amount=dollars(s.paid_in_contributions)))
    end = day_label(period.last)
    if s.closing >= 0:
        left = _("At the end of {day} you had {amount} left: your unspent funds.")
        told.append(left.format(day=end, amount=dollars(s.closing)))
    else:
        over = _("At the end of {day} your package was overspent by {amount}.")
        told.append(over.format(day=end, amount=dollars(-s.closing)))
    return told


def _detail(parts: tuple[Movement, ...]) -> str:
    """ "funding received $1,000.00; refunds $20.00" (each kind, in the reader's language)."""
    said = (
        _("{what} {amount}").format(what=_(part.label).lower(), amount=dollars(part.cents)) for part in parts
    )
    return "; ".join(said)


def summary(statement: PackageStatement) -> Table:
    s = statement
    first, last = day_label(s.period.first), day_label(s.period.last)
    rows = [Row((_("Funds at the start of {day}").format(day=first), dollars(s.opening)), strong=True)]
    rows += [Row((_("In: {what}").format(what=_(m.label)), dollars(m.cents))) for m in s.came_in]
    rows.append(Row((_("Total that came in"), dollars(s.credits)), strong=True))
    rows += [Row((_("Out: {what}").format(what=_(m.label)), dollars(m.cents))) for m in s.went_out]
    rows.append(Row((_("Total spent"), dollars(s.debits)), strong=True))
    rows.append(Row((_("Funds remaining at the end of {day}").format(day=last), dollars(s.closing)), True))
    rows.append(Row((_("Unspent funds"), dollars(s.unspent))))
    rows.append(Row((_("Your contributions in this period"), dollars(s.total_contributions)), strong=True))
    return Table("summary", _("Summary"), (_("What"), _("Amount")), (False, True), tuple(rows))


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
        Row(
            (
                _(CATEGORY_NAMES[c.category]),
                *(dollars(x) for x in (c.opening, c.credits, c.debits, c.closing)),
            )
        )
        for c in statement.categories
    ]
    headings = (_("Budget category"), _("At the start"), _("Came in"), _("Spent"), _("Left"))
    return Table(
        "categories", _("Your NDIS plan by budget category"), headings, (False, *[True] * 4), tuple(rows)
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
        rows.append(Row((_("Total"), *_for(None, late), "", "", "", *_sums(lines)), strong=True))
    headings = (
        _("Date"),
        *_headed_for(late),
        _("Service"),
        _("Hours or units"),
        _("Rate"),
        _("Price"),
        _("Package paid"),
        _("You paid"),
    )
    numeric = (False, *(False,) * late, False, True, True, True, True, True)
    return Table(
        "services", _("Services delivered"), headings, numeric, tuple(rows), _("No services in this period.")
    )


def cancellations(statement: PackageStatement) -> Table:
    lines = statement.cancellations
    late = any(x.late for x in lines)
    rows = [
        Row((short_day(x.day), *_for(x, late), cancelled_service(x), what_happened(x), *_sums([x])))
        for x in lines
    ]
    if lines:
        rows.append(Row((_("Total"), *_for(None, late), "", "", *_sums(lines)), strong=True))
    headings = (
        _("Date"),
        *_headed_for(late),
        _("Service"),
        _("What happened"),
        _("Fee"),
        _("Package paid"),
        _("You paid"),
    )
    return Table(
        "cancellations",
        _("Cancellations and no-shows"),
        headings,
        (False, *(False,) * late, False, False, True, True, True),
        tuple(rows),
        _("No cancellation fees in this period."),
    )


# A charge entered after its month was closed says which day the work was for, in a "For" column
# that appears only when a table has such a charge.
FOR = {False: (), True: (N_("For"),)}


def _headed_for(shown: bool) -> tuple[str, ...]:
    return tuple(_(heading) for heading in FOR[shown])


def _for(line: LedgerLine | None, shown: bool) -> tuple[str, ...]:
    if not shown:
        return ()
    if line is None or not line.late or line.service_day is None:
        return ("",)
    return (_("visit of {day}").format(day=short_day(line.service_day)),)


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
        rows.append(Row((_("Total"), "", "", "", dollars(-sum(x.amount for x in lines))), strong=True))
    return Table(
        "management",
        _("Care and package management"),
        (_("Date"), _("Description"), _("Units"), _("Rate"), _("Charged")),
        (False, False, True, True, True),
        tuple(rows),
        _("No management fees in this period."),
    )


def money_in(statement: PackageStatement) -> Table:
    lines = statement.money_in
    rows = [Row((short_day(x.day), x.description, dollars(x.amount))) for x in lines]
    if lines:
        rows.append(Row((_("Total"), "", dollars(sum(x.amount for x in lines))), strong=True))
    return Table(
        "money_in",
        _("Funding and contributions received"),
        (_("Date"), _("Description"), _("Amount")),
        (False, False, True),
        tuple(rows),
        _("No funding or contributions came in during this period."),
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
        rows.append(Row((_("Total"), "", "", dollars(sum(x.amount for x in lines))), strong=True))
    return Table(
        "adjustments",
        _("Adjustments and refunds"),
        (_("Date"), _("Description"), _("For"), _("Amount")),
        (False, False, False, True),
        tuple(rows),
        _("No adjustments or refunds in this period."),
    )


def by_month(statement: PackageStatement) -> Table:
    rows = [
        Row((month_label(m.month), dollars(m.received), dollars(m.spent), dollars(m.left)))
        for m in statement.by_month
    ]
    return Table(
        "by_month",
        _("Budget used and left, month by month"),
        (_("Month"), _("Came in"), _("Spent"), _("Left at the end")),
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
