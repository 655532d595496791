"""How dates, times and amounts read on screen (agency-local, Australian style)."""

from datetime import date, datetime, time

from domain import vocabulary


def long_date(day: date) -> str:
    """Friday 27 November 2026."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    """27 Nov 2026."""
    return f"{day.day} {day:%b %Y}"


def clock_time(moment: datetime | time) -> str:
    """9:30 am."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"


def duration(minutes: int) -> str:
    """2 hours; 1 hour 30 minutes (said the same way as in e-mails and PDFs)."""
    return vocabulary.duration(minutes)
