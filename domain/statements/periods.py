"""Which days a statement covers: a calendar month (the current one up to today) or any range."""

from datetime import date, timedelta

from domain import validation
from domain.errors import InvalidInput
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
    return f"{first:%B %Y}"


def day_label(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def for_month(first: date, today: date) -> Period:
    """A calendar month; the current month runs to today ("so far")."""
    first = month_start(first)
    if first > today:
        raise InvalidInput({"month": "That month has not started yet. Please choose an earlier one."})
    last = month_end(first)
    if last <= today:
        return Period(first, last, month_label(first), month=first)
    label = f"{month_label(first)}, so far (1 to {day_label(today)})"
    return Period(first, today, label, so_far=True, month=first)


def for_range(first: date, last: date, today: date) -> Period:
    if last < first:
        raise InvalidInput({"end": "The end date must be on or after the start date."})
    if last > today:
        raise InvalidInput({"end": f"The end date cannot be after today ({day_label(today)})."})
    if (last - first).days >= LONGEST_RANGE_DAYS:
        raise InvalidInput({"start": "Please choose at most three years at a time."})
    return Period(first, last, f"{day_label(first)} to {day_label(last)}")


def parse_month(text: str) -> date:
    try:
        year, month = (int(part) for part in text.strip().split("-"))
        return date(year, month, 1)
    except ValueError:
        raise InvalidInput({"month": "Please choose a month from the list."}) from None


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
            raise InvalidInput({field: "Please give both a start date and an end date."})
        return for_range(parse_day(start, "start"), parse_day(end, "end"), today)
    return for_month(parse_month(month) if month else opening_month(today, first_day), today)
