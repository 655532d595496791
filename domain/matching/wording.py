"""Why a worker is left out, in the words a roster officer uses (DESIGN §3.1 point 5), in the
language in force: a client reads some of them on a provider card (the visits of a series the
worker cannot do).

NOTE: the engine and the reference checker in tests/matching/reference.py both word their
reasons here, so that the property test compares decisions, not spelling.
"""

from datetime import date, datetime

from domain.language import N_, _, formats

# Shown with _() where a reason is made (checks.py): worded when the language is known.
BLOCKED = N_("blocked by the client")
ON_LEAVE = N_("on leave")
NO_HOME_POSITION = N_("home address not on the map")


class Clash(str):
    """A reason that is (or, for a date of a series, includes) a clash with another shift of the
    worker: booking turns it into "that time has just been given to someone else", whatever the
    language the reason is worded in."""

    __slots__ = ()


def missing_competency(name: str, *, expired_on: date | None = None, valid_from: date | None = None) -> str:
    if expired_on is not None:
        return _("missing: {name} (expired {date})").format(name=name, date=expired_on.isoformat())
    if valid_from is not None:
        return _("missing: {name} (valid from {date})").format(name=name, date=valid_from.isoformat())
    return _("missing: {name}").format(name=name)


def missing_characteristic(name: str) -> str:
    return _("missing: {name}").format(name=name)


def wrong_age(name: str, age: int) -> str:
    return _("aged {age}, not {band}").format(age=age, band=f"{name[:1].lower()}{name[1:]}")


def not_available(starts: datetime, ends: datetime) -> str:
    """`starts` and `ends` in the agency's zone."""
    return _("not available {day} {start}–{end}").format(
        day=_weekday(starts), start=f"{starts:%H:%M}", end=f"{ends:%H:%M}"
    )


def clash(starts: datetime, ends: datetime) -> str:
    return Clash(_("clashes with {start}–{end} shift").format(start=f"{starts:%H:%M}", end=f"{ends:%H:%M}"))


def travel_after(starts: datetime, ends: datetime, needs: int, has: int) -> str:
    return _("needs {needs} min to come from the {start}–{end} shift, has {has}").format(
        needs=needs, start=f"{starts:%H:%M}", end=f"{ends:%H:%M}", has=has
    )


def travel_before(starts: datetime, ends: datetime, needs: int, has: int) -> str:
    return _("needs {needs} min to get to the {start}–{end} shift, has {has}").format(
        needs=needs, start=f"{starts:%H:%M}", end=f"{ends:%H:%M}", has=has
    )


def hours(rostered_minutes: int, max_hours: int, shift_minutes: int) -> str:
    if rostered_minutes < max_hours * 60:
        return _("{rostered} of {limit} h rostered, this shift {shift} h").format(
            rostered=_hours(rostered_minutes), limit=max_hours, shift=_hours(shift_minutes)
        )
    return _("{rostered} of {limit} h rostered").format(rostered=_hours(rostered_minutes), limit=max_hours)


def too_far(tenths_km: int, radius_km: int) -> str:
    return _("{distance} km away (limit {limit} km)").format(
        distance=f"{tenths_km / 10:.1f}", limit=radius_km
    )


def on_date(day: date, reasons: tuple[str, ...]) -> str:
    """A whole occurrence of a series the worker cannot do."""
    said = f"{day.isoformat()}: {'; '.join(reasons)}"
    return Clash(said) if any(isinstance(reason, Clash) for reason in reasons) else said


def is_clash(reason: str) -> bool:
    return isinstance(reason, Clash)


def _hours(minutes: int) -> str:
    return f"{minutes / 60:.2f}".rstrip("0").rstrip(".")


def _weekday(moment: datetime) -> str:
    """Mon, Tue... (in the language in force)."""
    return formats.short_weekday(moment)
