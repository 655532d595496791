"""Reading what staff type into back-office forms: dates, times of day, weekly hours, dollars.

Each reader returns the clean value or raises ValueError with a sentence staff can act on. Pure:
no database.
"""

import itertools
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?", re.IGNORECASE)


def day(value: object, label: str, *, required: bool = True) -> date | None:
    """A calendar date typed as 31/3/2027 (day first, as Australians write it) or 2027-03-31."""
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    if not text:
        if required:
            raise ValueError(f"Please enter {label}, like 31/3/2027.")
        return None
    if found := _ISO.fullmatch(text):
        year, month, number = (int(part) for part in found.groups())
    elif found := _DAY_FIRST.fullmatch(text):
        number, month, year = (int(part) for part in found.groups())
    else:
        raise ValueError(f"“{text}” is not a date. Please enter {label} like 31/3/2027.")
    try:
        return date(year, month, number)
    except ValueError:
        raise ValueError(f"“{text}” is not a date on the calendar. Please check {label}.") from None


def minute_of_day(text: str, *, end: bool = False) -> int:
    """9:00, 9am, 5.30 pm, 17:30 -> minutes from midnight; 24:00 (or 12 am as an end) is 1440."""
    found = _TIME.fullmatch(text.strip())
    if not found:
        raise ValueError(f"“{text.strip()}” is not a time of day. Write times like 9:00 or 5:30 pm.")
    hours, minutes = int(found.group(1)), int(found.group(2) or 0)
    half = (found.group(3) or "").lower().replace(".", "")
    if minutes > 59 or (half and not 1 <= hours <= 12) or hours > 24:
        raise ValueError(f"“{text.strip()}” is not a time of day. Write times like 9:00 or 5:30 pm.")
    if half == "am" and hours == 12:
        hours = 24 if end else 0
    elif half == "pm" and hours != 12:
        hours += 12
    total = hours * 60 + minutes
    if total > 24 * 60:
        raise ValueError(f"“{text.strip()}” is not a time of day. Write times like 9:00 or 5:30 pm.")
    return total


def spans_of_day(value: object, weekday: int) -> list[tuple[int, int]]:
    """One weekday's availability: "7:00-15:00", or several spans "7:00-12:00, 18:00-24:00";
    blank is not available. Spans must not overlap."""
    text = str(value or "").strip()
    if not text:
        return []
    spans: list[tuple[int, int]] = []
    for part in (p for p in re.split(r"[,;]", text) if p.strip()):
        ends = re.split(r"\s*(?:-|–|—|\bto\b)\s*", part.strip())
        if len(ends) != 2 or not all(ends):
            raise ValueError(
                f"“{part.strip()}” on {WEEKDAYS[weekday]} is not a span of time. Write it like 7:00-15:00."
            )
        start, finish = minute_of_day(ends[0]), minute_of_day(ends[1], end=True)
        if finish == 0:
            finish = 24 * 60  # "18:00-0:00" means until midnight
        if start >= finish:
            raise ValueError(
                f"On {WEEKDAYS[weekday]}, {part.strip()} ends before it starts. "
                "A night spanning midnight is two spans: 22:00-24:00 on one day, 0:00-6:00 the next."
            )
        spans.append((start, finish))
    spans.sort()
    for (_, first_end), (second_start, _) in itertools.pairwise(spans):
        if second_start < first_end:
            raise ValueError(f"The spans on {WEEKDAYS[weekday]} overlap. Please list each time once.")
    return spans


def clock_text(minute: int) -> str:
    """Minutes from midnight as 24-hour time: 450 -> 7:30, 1440 -> 24:00."""
    return f"{minute // 60}:{minute % 60:02d}"


def day_text(spans: list[tuple[int, int]]) -> str:
    return ", ".join(f"{clock_text(start)}-{clock_text(end)}" for start, end in spans)


def whole(value: object, label: str, low: int, high: int) -> int:
    """A whole number between low and high, from a number field or text."""
    text = str(value if value is not None else "").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"Please enter {label} as a whole number from {low} to {high}.") from None
    if number != number.to_integral_value() or not low <= number <= high:
        raise ValueError(f"Please enter {label} as a whole number from {low} to {high}.")
    return int(number)


def cents(value: object, label: str, *, high_dollars: int = 10_000) -> int:
    """Dollars ("56.75", "$56.75", 56.75) -> cents; at most two decimal places, not negative."""
    text = str(value if value is not None else "").strip().lstrip("$").replace(",", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"Please enter {label} in dollars, like 56.75.") from None
    if not amount.is_finite() or amount < 0 or amount > high_dollars:
        raise ValueError(f"Please enter {label} in dollars, from 0 to {high_dollars:,}.")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValueError(f"Please enter {label} to the cent, like 56.75.")
    return int(amount * 100)


@dataclass(frozen=True)
class Choice:
    """One option of a back-office select or checklist."""

    id: int
    name: str
