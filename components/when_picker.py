"""When a visit happens, picked with big controls a finger can hit: the first date, the start time
and how long, once or on a repeating pattern with an optional last date. Lists rather than tiny
clock faces: each choice is one tap on a labelled field."""

from dataclasses import dataclass
from datetime import date, time, timedelta

from nicegui import ui
from nicegui.elements.mixins.validation_element import ValidationElement

from domain import validation
from domain.validation import DATE_HINT
from domain.vocabulary import Recurrence

from .formatting import clock_time, duration, long_date

FIRST_START = time(6, 0)
LAST_START = time(21, 0)
STEP_MINUTES = 30
DURATIONS = (30, 45, 60, 90, 120, 150, 180, 240, 300, 360, 480)
PATTERNS = {
    Recurrence.ONCE: "Once only",
    Recurrence.WEEKLY: "Every week",
    Recurrence.FORTNIGHTLY: "Every fortnight",
    Recurrence.FOUR_WEEKLY: "Every four weeks",
}


@dataclass
class When:
    """What the picker holds; the page turns it into a booking request."""

    first_date: date | None = None
    start: time | None = None
    duration_minutes: int = 60
    recurrence: Recurrence = Recurrence.ONCE
    ends_on: date | None = None


def start_times() -> dict[str, str]:
    """Every half hour from the first to the last start time, as "HH:MM" -> "9:30 am"."""
    first, last = FIRST_START.hour * 60 + FIRST_START.minute, LAST_START.hour * 60 + LAST_START.minute
    moments = (time(minute // 60, minute % 60) for minute in range(first, last + 1, STEP_MINUTES))
    return {moment.strftime("%H:%M"): clock_time(moment) for moment in moments}


def dates(first: date, last: date) -> dict[str, str]:
    return {
        (first + timedelta(d)).isoformat(): long_date(first + timedelta(d))
        for d in range((last - first).days + 1)
    }


def create(chosen: When, first: date, last: date) -> dict[str, ValidationElement]:
    """The fields, bound to `chosen`; returns them by the request's field names for error messages."""
    lengths = {minutes: duration(minutes) for minutes in sorted({*DURATIONS, chosen.duration_minutes})}
    with ui.element("div").classes("form-grid"):
        day = _select(dates(first, last), "Date of the first visit", "when-date").classes("full-row")
        day.bind_value(chosen, "first_date", forward=_date, backward=_iso)
        start = _select(start_times(), "Start time", "when-start")
        start.bind_value(
            chosen, "start", forward=_time, backward=lambda t: t.strftime("%H:%M") if t else None
        )
        length = _select(lengths, "How long", "when-duration").bind_value(chosen, "duration_minutes")
    ui.radio(dict(PATTERNS), value=chosen.recurrence).props('inline aria-label="How often"').bind_value(
        chosen, "recurrence"
    ).mark("when-pattern")
    ends = ui.input("Last visit on (optional)").props(
        f'outlined clearable stack-label placeholder="{DATE_HINT}" hint="{DATE_HINT}" inputmode=numeric'
    )
    ends.bind_value(chosen, "ends_on", forward=_date, backward=_typed).mark("when-ends")
    ends.bind_visibility_from(chosen, "recurrence", backward=lambda r: r != Recurrence.ONCE)
    return {"first_date": day, "start_time": start, "duration_minutes": length, "ends_on": ends}


def summary(chosen: When) -> str:
    """Like "Every week from Monday 7 December 2026, 9:00 am for 2 h"."""
    if chosen.first_date is None or chosen.start is None:
        return ""
    when = (
        f"{long_date(chosen.first_date)}, {clock_time(chosen.start)} for {duration(chosen.duration_minutes)}"
    )
    if chosen.recurrence == Recurrence.ONCE:
        return when
    until = f", until {long_date(chosen.ends_on)}" if chosen.ends_on else ""
    return f"{PATTERNS[chosen.recurrence]} from {when}{until}"


def _select(options: dict, label: str, mark: str) -> ui.select:
    return ui.select(options, label=label).props("outlined").classes("w-full").mark(mark)


def _date(value: str | None) -> date | None:
    """The chosen or typed date (27/11/2026, or the date list's 2026-11-27)."""
    try:
        return validation.day(value) if value else None
    except ValueError:
        return None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _typed(value: date | None) -> str | None:
    return validation.day_as_typed(value) if value else None


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None
