"""When a visit happens, picked with big controls a finger can hit: the first date, the start time
and how long, once or on a repeating pattern with an optional last date. Lists rather than tiny
clock faces: each choice is one tap on a labelled field."""

from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import lru_cache

from nicegui import ui
from nicegui.elements.mixins.validation_element import ValidationElement

from domain import validation
from domain.language import N_, _, current
from domain.validation import DATE_HINT
from domain.vocabulary import Recurrence

from .formatting import clock_time, duration, long_date

FIRST_START = time(6, 0)
LAST_START = time(21, 0)
STEP_MINUTES = 30
DURATIONS = (30, 45, 60, 90, 120, 150, 180, 240, 300, 360, 480)
PATTERNS = {  # shown as _(PATTERNS[recurrence])
    Recurrence.ONCE: N_("Once only"),
    Recurrence.WEEKLY: N_("Every week"),
    Recurrence.FORTNIGHTLY: N_("Every fortnight"),
    Recurrence.FOUR_WEEKLY: N_("Every four weeks"),
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
    """The days from `first` to `last`, as "YYYY-MM-DD" -> "Friday 27 November 2026" in the
    language in force."""
    return _dates(first, last, current().code)


@lru_cache(maxsize=8)
def _dates(first: date, last: date, language: str) -> dict[str, str]:
    """Shared by every page built today in that language (read only): formatting a horizon of days
    was a visible part of each booking page's build."""
    return {
        (first + timedelta(d)).isoformat(): long_date(first + timedelta(d))
        for d in range((last - first).days + 1)
    }


def create(chosen: When, first: date, last: date) -> dict[str, ValidationElement]:
    """The fields, writing into `chosen` as they change; returns them by the request's field names
    for error messages. Explicit change handlers rather than bindings to the plain dataclass, which
    NiceGUI would poll ten times a second for as long as the page is open."""
    lengths = {minutes: duration(minutes) for minutes in sorted({*DURATIONS, chosen.duration_minutes})}
    with ui.element("div").classes("form-grid"):
        day = _select(dates(first, last), _("Date of the first visit"), "when-date", _iso(chosen.first_date))
        day.classes("full-row").on_value_change(lambda e: _set(chosen, "first_date", _date(e.value)))
        start = _select(start_times(), _("Start time"), "when-start", _hhmm(chosen.start))
        start.on_value_change(lambda e: _set(chosen, "start", _time(e.value)))
        length = _select(lengths, _("How long"), "when-duration", chosen.duration_minutes)
        length.on_value_change(lambda e: _set(chosen, "duration_minutes", e.value))

    def pattern(value: Recurrence) -> None:
        _set(chosen, "recurrence", value)
        ends.set_visibility(value != Recurrence.ONCE)

    patterns = {recurrence: _(words) for recurrence, words in PATTERNS.items()}
    how_often = ui.radio(patterns, value=chosen.recurrence, on_change=lambda e: pattern(e.value))
    how_often_label = _("How often")
    how_often.props(f'inline aria-label="{how_often_label}"').mark("when-pattern")
    ends = ui.input(_("Last visit on (optional)"), value=_typed(chosen.ends_on) or "")
    ends.props("outlined clearable stack-label inputmode=numeric").mark("when-ends")
    ends.props.update(placeholder=_(DATE_HINT), hint=_(DATE_HINT))
    ends.on_value_change(lambda e: _set(chosen, "ends_on", _date(e.value)))
    ends.set_visibility(chosen.recurrence != Recurrence.ONCE)
    return {"first_date": day, "start_time": start, "duration_minutes": length, "ends_on": ends}


def summary(chosen: When) -> str:
    """Like "Every week from Monday 7 December 2026, 9:00 am for 2 h"."""
    if chosen.first_date is None or chosen.start is None:
        return ""
    said = {
        "date": long_date(chosen.first_date),
        "time": clock_time(chosen.start),
        "duration": duration(chosen.duration_minutes),
    }
    if chosen.recurrence == Recurrence.ONCE:
        return _("{date}, {time} for {duration}").format(**said)
    pattern = _(PATTERNS[chosen.recurrence])
    if chosen.ends_on:
        return _("{pattern} from {date}, {time} for {duration}, until {last}").format(
            pattern=pattern, last=long_date(chosen.ends_on), **said
        )
    return _("{pattern} from {date}, {time} for {duration}").format(pattern=pattern, **said)


def _select(options: dict, label: str, mark: str, value: object) -> ui.select:
    value = value if value in options else None  # a date from before the horizon moved on
    return ui.select(options, label=label, value=value).props("outlined").classes("w-full").mark(mark)


def _set(chosen: When, name: str, value: object) -> None:
    setattr(chosen, name, value)


def _hhmm(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


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
