"""Dates, times, numbers and money as the language in force writes them (CLDR, through Babel).

English (Australia) keeps the portal's own house style ("Friday 27 November 2026", "9:30 am",
"$1,234.50", "−$5.00" with a true minus sign); every other language follows its CLDR patterns.
"""

from datetime import date, datetime, time

from babel import dates, numbers

from .catalogues import gettext
from .choice import DEFAULT, current

MINUS = "−"  # read out as "minus" by screen readers, where a hyphen is not
LEFT_TO_RIGHT, POP, RIGHT_TO_LEFT_MARK = "\u2066", "\u2069", "\u200f"  # LRI ... PDI; RLM


def _english() -> bool:
    return current().code == DEFAULT.code


def long_date(day: date) -> str:
    """Friday 27 November 2026."""
    if _english():
        return f"{day:%A} {day.day} {day:%B %Y}"
    return dates.format_date(day, "full", locale=current().code)


def short_date(day: date) -> str:
    """27 Nov 2026."""
    if _english():
        return f"{day.day} {day:%b %Y}"
    return dates.format_date(day, "medium", locale=current().code)


def short_day(day: date) -> str:
    """Fri 27 Nov 2026."""
    if _english():
        return f"{day:%a} {day.day} {day:%b %Y}"
    return dates.format_skeleton("yMMMEd", day, locale=current().code)


def day_month_year(day: date) -> str:
    """27 November 2026 (CLDR's long date, without the weekday)."""
    if _english():
        return f"{day.day} {day:%B %Y}"
    return dates.format_date(day, "long", locale=current().code)


def short_weekday(moment: date) -> str:
    """Mon."""
    if _english():
        return f"{moment:%a}"
    return dates.format_date(moment, "EEE", locale=current().code)


def month_year(day: date) -> str:
    """November 2026."""
    if _english():
        return f"{day:%B %Y}"
    return dates.format_skeleton("yMMMM", day, locale=current().code)


def short_month(day: date) -> str:
    """Nov 2026."""
    if _english():
        return f"{day:%b %Y}"
    return dates.format_skeleton("yMMM", day, locale=current().code)


def clock_time(moment: datetime | time) -> str:
    """9:30 am."""
    if _english():
        hour = moment.hour % 12 or 12
        return f"{hour}:{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"
    at = moment.time() if isinstance(moment, datetime) else moment
    return dates.format_time(at, "short", locale=current().code)


def date_at_time(moment: datetime) -> str:
    """Friday 27 November 2026 at 9:30 am (a local time)."""
    return gettext("{date} at {time}").format(date=long_date(moment.date()), time=clock_time(moment))


def decimal(value: float | int) -> str:
    """1.5 in English, 1,5 in Italian."""
    if _english():
        return f"{value:g}"
    return numbers.format_decimal(value, locale=current().code)


def dollars(cents: int) -> str:
    """12345 -> "$123.45"; -500 -> "−$5.00" (Australian dollars; the amount in cents)."""
    if _english():
        sign = MINUS if cents < 0 else ""
        whole, part = divmod(abs(cents), 100)
        return f"{sign}${whole:,}.{part:02d}"
    said = numbers.format_currency(abs(cents) / 100, "AUD", locale=current().code).strip(RIGHT_TO_LEFT_MARK)
    said = f"{MINUS}{said}" if cents < 0 else said
    if current().right_to_left:
        # isolated as one left-to-right run: in Arabic text it reads "2,806.22 AU$", not "$AU 2,806.22"
        return f"{LEFT_TO_RIGHT}{said}{POP}"
    return said
