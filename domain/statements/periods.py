"""Which days a statement covers: a calendar month (the current one up to today) or any range."""

from datetime import date, timedelta

from domain import validation
from domain.errors import InvalidInput
from domain.language import DEFAULT, _, current, formats, use
from domain.statements.model import Period

LONGEST_RANGE_DAYS = 3 * 366  # a longer statement would be too big to read or print


def month_start(day: date) -> date:
    return date(day.year, day.month, 1)


def next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def month_end(first: date) -> date:
    return next_month(first) - timedelta(days=1)


def previous_month(day: date) -> date:
    """The first day of the month before day's month."""
    return month_start(month_start(day) - timedelta(days=1))


def months_between(first: date, last: date) -> list[date]:
    """The first day of every month from first's month to last's month, both included."""
    months, month = [], month_start(first)
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months


def month_label(first: date) -> str:
    """November 2026 (in the reader's language)."""
    return formats.month_year(first)


def day_label(day: date) -> str:
    """27 November 2026 (in the reader's language)."""
    return formats.day_month_year(day)


def label(period: Period) -> str:
    """The period's name in the reader's language. Period.label is the English one, kept with an
    issued statement; a statement issued in English is read again in any language."""
    if current().code == DEFAULT.code:
        return period.label
    return _named(period.first, period.last, period.month, so_far=period.so_far)


def _named(first: date, last: date, month: date | None, *, so_far: bool = False) -> str:
    if month is not None and so_far:
        return _("{month}, so far (1 to {day})").format(month=month_label(month), day=day_label(last))
    if month is not None:
        return month_label(month)
    return _("{first} to {last}").format(first=day_label(first), last=day_label(last))


def _period(first: date, last: date, *, month: date | None = None, so_far: bool = False) -> Period:
    with use(DEFAULT.code):
        english = _named(first, last, month, so_far=so_far)
    return Period(first, last, english, so_far=so_far, month=month)


def for_month(first: date, today: date) -> Period:
    """A calendar month; the current month runs to today ("so far")."""
    first = month_start(first)
    if first > today:
        raise InvalidInput({"month": _("That month has not started yet. Please choose an earlier one.")})
    last = month_end(first)
    if last <= today:
        return _period(first, last, month=first)
    return _period(first, today, month=first, so_far=True)


def for_range(first: date, last: date, today: date) -> Period:
    if last < first:
        raise InvalidInput({"end": _("The end date must be on or after the start date.")})
    if last > today:
        raise InvalidInput(
            {"end": _("The end date cannot be after today ({day}).").format(day=day_label(today))}
        )
    if (last - first).days >= LONGEST_RANGE_DAYS:
        raise InvalidInput({"start": _("Please choose at most three years at a time.")})
    return _period(first, last)


def parse_month(text: str) -> date:
    try:
        year, month = (int(part) for part in text.strip().split("-"))
        return date(year, month, 1)
    except ValueError:
        raise InvalidInput({"month": _("Please choose a month from the list.")}) from None


def parse_day(text: str, field: str) -> date:
    try:
        return validation.day(text)
    except ValueError as error:
        raise InvalidInput({field: str(error)}) from None


def opening_month(today: date, first_day: date | None) -> date:
    """The month a statement opens on when none was asked for: the last full month, so a client
    reads a whole month rather than "so far — no services"; this month when the package (first
    day `first_day`) started in it."""
    last_full = previous_month(today)
    return last_full if first_day is None or first_day < month_start(today) else month_start(today)


def choose(
    month: str | None, start: str | None, end: str | None, today: date, first_day: date | None = None
) -> Period:
    """The period someone asked for: a range when both dates are given, else a month (by default the
    last full one: `opening_month`)."""
    if start or end:
        if not (start and end):
            field = "end" if start else "start"
            raise InvalidInput({field: _("Please give both a start date and an end date.")})
        return for_range(parse_day(start, "start"), parse_day(end, "end"), today)
    return for_month(parse_month(month) if month else opening_month(today, first_day), today)
