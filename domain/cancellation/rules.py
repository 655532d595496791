"""Lead times, cancellation bands and fees (DESIGN.md §3.3): pure rules over plain values.

Notice runs from the moment the client cancels to the shift's local start. A program's rule says
how that notice is counted and where the short-notice band starts:

- clear days: whole calendar days between the two, the day notice is given and the day of the
  service both excluded (Friday 23:59 before a Saturday a week later is exactly 7 clear days);
- clear business days: the same, counting only weekdays that are not public holidays in the
  agency's state;
- business days: business days after the day notice is given, up to and including the day of
  the service;
- hours: whole hours of notice.

Under the rule's no-notice minutes, or once the shift has started, it is the no-notice band.
Fees are a percentage of the shift's price in integer cents, never negative and never above it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from domain import money
from domain.errors import DomainError
from domain.language import N_, _, ngettext
from domain.pricing import bands
from domain.vocabulary import CancelBand, CancelReason, NoticeMeasure, ProgramKind

# Why a client cancels, in their words. The NDIS claims a short-notice cancellation with a reason
# code (NSDH…); other programs have no such codes, so their clients never see them.
REASON_WORDS = {  # translated where shown (reason_label)
    CancelReason.HEALTH: N_("Health"),
    CancelReason.FAMILY: N_("Family"),
    CancelReason.TRANSPORT: N_("Transport"),
    CancelReason.OTHER: N_("Other"),
}
PROGRAMS_WITH_REASON_CODES = frozenset({ProgramKind.NDIS})


def uses_reason_codes(program: ProgramKind) -> bool:
    return program in PROGRAMS_WITH_REASON_CODES


def reason_label(reason: CancelReason, program: ProgramKind, *, translated: bool = True) -> str:
    """ "Health (NSDH)" for an NDIS participant; "Health" for everyone else. In the reader's
    language, unless `translated` is False (the roster department's e-mail, read by staff)."""
    words = _(REASON_WORDS[reason]) if translated else REASON_WORDS[reason]
    return f"{words} ({reason.value})" if uses_reason_codes(program) else words


def reason_choices(program: ProgramKind) -> dict[CancelReason, str]:
    return {reason: reason_label(reason, program) for reason in REASON_WORDS}


class LeadTimeTooShort(DomainError):
    """Too little notice to do this online: the client must call the agency."""


class FeeChanged(DomainError):
    """The fee the client confirmed is no longer the fee (time moved on, or the rules changed)."""


@dataclass(frozen=True)
class Rule:
    """A program's cancellation rule; with a service category it applies to that category only."""

    notice_measure: NoticeMeasure
    short_notice_threshold: int  # in the unit of notice_measure
    no_notice_minutes: int
    short_notice_fee_pct: int
    no_notice_fee_pct: int
    service_category: str | None = None


# What a client is charged when no rule is set: nothing, whatever the notice.
NO_CHARGE = Rule(NoticeMeasure.HOURS, 0, 0, 0, 0)


@dataclass(frozen=True)
class Quote:
    """The band a cancellation falls in and its exact fee, as the confirmation shows it."""

    band: CancelBand
    fee_cents: int
    price_cents: int
    fee_pct: int


def rule_for(rules: Iterable[Rule], service_category: str) -> Rule:
    """The service category's own rule wins over the program's general rule."""
    candidates = list(rules)
    for rule in candidates:
        if rule.service_category == service_category:
            return rule
    return next((rule for rule in candidates if rule.service_category is None), NO_CHARGE)


@cache
def public_holidays(state: str, year: int) -> frozenset[date]:
    """The state's public holidays in a year: the same ones pricing charges at the holiday rate."""
    return bands.public_holidays(state, year)


def is_business_day(day: date, state: str) -> bool:
    return day.weekday() < 5 and day not in public_holidays(state, day.year)


def business_days_from(first: date, last: date, state: str) -> int:
    """Business days from first to last, both included (0 when last is before first)."""
    count, day = 0, first
    while day <= last:
        count += is_business_day(day, state)
        day += timedelta(days=1)
    return count


def clear_days(given: date, service: date) -> int:
    return max(0, (service - given).days - 1)


def notice(rule: Rule, given_at: datetime, starts_at: datetime, zone: ZoneInfo, state: str) -> int:
    """How much notice was given, in the unit of the rule's measure."""
    given, service = given_at.astimezone(zone).date(), starts_at.astimezone(zone).date()
    match rule.notice_measure:
        case NoticeMeasure.CLEAR_DAYS:
            return clear_days(given, service)
        case NoticeMeasure.CLEAR_BUSINESS_DAYS:
            return business_days_from(given + timedelta(days=1), service - timedelta(days=1), state)
        case NoticeMeasure.BUSINESS_DAYS:
            return business_days_from(given + timedelta(days=1), service, state)
        case NoticeMeasure.HOURS:
            return max(0, int(between(given_at, starts_at).total_seconds() // 3600))
    raise ValueError(f"unknown notice measure {rule.notice_measure!r}")


def between(given_at: datetime, starts_at: datetime) -> timedelta:
    """Elapsed time, in UTC: Python subtracts two times of one zone by their wall clocks."""
    return starts_at.astimezone(UTC) - given_at.astimezone(UTC)


def band(rule: Rule, given_at: datetime, starts_at: datetime, zone: ZoneInfo, state: str) -> CancelBand:
    notice_left = between(given_at, starts_at)
    if notice_left <= timedelta(0) or notice_left < timedelta(minutes=rule.no_notice_minutes):
        return CancelBand.NO_NOTICE
    if notice(rule, given_at, starts_at, zone, state) < rule.short_notice_threshold:
        return CancelBand.SHORT_NOTICE
    return CancelBand.WITH_NOTICE


def fee_pct(rule: Rule, cancel_band: CancelBand) -> int:
    return {
        CancelBand.NO_NOTICE: rule.no_notice_fee_pct,
        CancelBand.SHORT_NOTICE: rule.short_notice_fee_pct,
        CancelBand.WITH_NOTICE: 0,
    }[cancel_band]


def fee_cents(price_cents: int, pct: int) -> int:
    """pct% of the price, in whole cents: never negative, never above the price."""
    price = max(0, price_cents)
    return min(price, money.percent_of(price, min(max(pct, 0), 100)))


def quote(
    rule: Rule, given_at: datetime, starts_at: datetime, price_cents: int, zone: ZoneInfo, state: str
) -> Quote:
    found = band(rule, given_at, starts_at, zone, state)
    pct = fee_pct(rule, found)
    return Quote(found, fee_cents(price_cents, pct), price_cents, pct)


def notice_words(minutes: int) -> str:
    """24 * 60 -> "24 hours' notice"; 60 -> "1 hour's notice"; 90 -> "90 minutes' notice"."""
    if minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("{n} hour's notice", "{n} hours' notice", hours).format(n=hours)
    return ngettext("{n} minute's notice", "{n} minutes' notice", minutes).format(n=minutes)


def check_lead_time(given_at: datetime, starts_at: datetime, lead_minutes: int, agency_phone: str) -> None:
    """Online cancellation needs at least the agency's lead time; with less, the client must call."""
    if between(given_at, starts_at) < timedelta(minutes=lead_minutes):
        raise LeadTimeTooShort(
            _(
                "This visit cannot be cancelled online with less than {notice}: "
                "please call the agency on {phone}."
            ).format(notice=notice_words(lead_minutes), phone=agency_phone)
        )
