"""The agency settings self-service rests on, edited by an administrator: lead times, how far ahead
clients may book, and each program's cancellation bands. Bad input changes nothing."""

import math
from dataclasses import dataclass

from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import InvalidInput, NotFound
from domain.vocabulary import NoticeMeasure, Role
from storage.models import Agency
from storage.queries import agency as agency_queries
from storage.queries import cancellation_rules

MEASURE_LABELS = {
    NoticeMeasure.CLEAR_DAYS: "clear days",
    NoticeMeasure.CLEAR_BUSINESS_DAYS: "clear business days",
    NoticeMeasure.BUSINESS_DAYS: "business days",
    NoticeMeasure.HOURS: "hours",
}


@dataclass(frozen=True)
class AgencyTimes:
    booking_lead_hours: int
    cancel_lead_hours: int
    booking_horizon_days: int


@dataclass(frozen=True)
class RuleSettings:
    rule_id: int
    program: str
    service_category: str | None
    notice_measure: NoticeMeasure
    short_notice_threshold: int
    no_notice_minutes: int
    short_notice_fee_pct: int
    no_notice_fee_pct: int


@dataclass(frozen=True)
class SettingsView:
    times: AgencyTimes
    rules: tuple[RuleSettings, ...]


def current(actor: Actor) -> SettingsView:
    access.require_role(actor, Role.ADMIN)
    with action.reading(actor) as act:
        return _view(act)


def update_times(
    actor: Actor, *, booking_lead_hours: object, cancel_lead_hours: object, booking_horizon_days: object
) -> SettingsView:
    access.require_role(actor, Role.ADMIN)
    problems: dict[str, str] = {}
    booking_lead = _whole(problems, "booking_lead_hours", booking_lead_hours, 0, 14 * 24)
    cancel_lead = _whole(problems, "cancel_lead_hours", cancel_lead_hours, 0, 14 * 24)
    horizon = _whole(problems, "booking_horizon_days", booking_horizon_days, 1, 366)
    if problems:
        raise InvalidInput(problems)
    with action.writing(actor) as act:
        row = _agency(act)
        row.booking_lead_minutes, row.cancel_lead_minutes = booking_lead * 60, cancel_lead * 60
        row.booking_horizon_days = horizon
        act.audit("update", "agency", row.id, "lead times, horizon")
        changed = _view(act)
    return changed


def update_rule(
    actor: Actor,
    rule_id: int,
    *,
    notice_measure: object,
    short_notice_threshold: object,
    no_notice_minutes: object,
    short_notice_fee_pct: object,
    no_notice_fee_pct: object,
) -> SettingsView:
    access.require_role(actor, Role.ADMIN)
    problems: dict[str, str] = {}
    measure = _measure(notice_measure)
    if measure is None:
        problems["notice_measure"] = "Please choose how notice is counted."
    values = {
        "short_notice_threshold": _whole(problems, "short_notice_threshold", short_notice_threshold, 0, 90),
        "no_notice_minutes": _whole(problems, "no_notice_minutes", no_notice_minutes, 0, 7 * 24 * 60),
        "short_notice_fee_pct": _whole(problems, "short_notice_fee_pct", short_notice_fee_pct, 0, 100),
        "no_notice_fee_pct": _whole(problems, "no_notice_fee_pct", no_notice_fee_pct, 0, 100),
    }
    if problems or measure is None:  # no measure means a problem noted above
        raise InvalidInput(problems)
    with action.writing(actor) as act:
        rule = cancellation_rules.for_update(rule_id, session=act.session)
        if rule is None:
            raise NotFound("That cancellation rule no longer exists.")
        rule.notice_measure = measure
        for name, value in values.items():
            setattr(rule, name, value)
        act.audit("update", "cancellation_rule", rule.id)
        return _view(act)


def _agency(act: Action) -> Agency:
    row = agency_queries.get(session=act.session)
    if row is None:
        raise NotFound("The agency has not been set up yet.")
    return row


def _view(act: Action) -> SettingsView:
    row = _agency(act)
    times = AgencyTimes(
        row.booking_lead_minutes // 60, row.cancel_lead_minutes // 60, row.booking_horizon_days
    )
    rules = tuple(
        RuleSettings(
            r.CancellationRule.id,
            r.program,
            r.CancellationRule.service_category,
            r.CancellationRule.notice_measure,
            r.CancellationRule.short_notice_threshold,
            r.CancellationRule.no_notice_minutes,
            r.CancellationRule.short_notice_fee_pct,
            r.CancellationRule.no_notice_fee_pct,
        )
        for r in cancellation_rules.with_programs(session=act.session)
    )
    return SettingsView(times, rules)


def _measure(value: object) -> NoticeMeasure | None:
    """How notice is counted, or None when the form sent anything else."""
    try:
        return NoticeMeasure(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _whole(problems: dict[str, str], field: str, value: object, low: int, high: int) -> int:
    """A whole number from low to high, or a note of what is wrong with it."""
    try:
        number = float(str(value).strip())
    except ValueError:
        number = float("nan")
    if not math.isfinite(number) or number != int(number) or not low <= number <= high:
        problems[field] = f"Please enter a whole number from {low} to {high}."
        return 0
    return int(number)
