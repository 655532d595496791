"""How dates, times and amounts read on screen (agency-local), in the reader's language
(domain.language.formats: Australian house style in English, CLDR in every other language)."""

from domain import vocabulary
from domain.language.formats import clock_time, long_date, month_year, short_date, short_day, short_month

__all__ = ["clock_time", "duration", "long_date", "month_year", "short_date", "short_day", "short_month"]


def duration(minutes: int) -> str:
    """2 hours; 1 hour 30 minutes (said the same way as in e-mails and PDFs)."""
    return vocabulary.duration(minutes)
