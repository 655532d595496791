"""Reading one cell of an imported row: each reader returns the value or raises ValueError with a
sentence for the office; pure."""

import itertools
import re
from datetime import date

from domain.vocabulary import Gender

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
GENDERS = {
    "female": Gender.FEMALE,
    "f": Gender.FEMALE,
    "male": Gender.MALE,
    "m": Gender.MALE,
    "non_binary": Gender.NON_BINARY,
    "non-binary": Gender.NON_BINARY,
    "non binary": Gender.NON_BINARY,
    "x": Gender.NON_BINARY,
    "not_stated": Gender.NOT_STATED,
    "not stated": Gender.NOT_STATED,
    "": Gender.NOT_STATED,
}
YES = frozenset({"yes", "y", "true", "1"})
NO = frozenset({"no", "n", "false", "0"})
_TIME = re.compile(r"(\d{1,2}):(\d{2})")
_WINDOW = re.compile(r"([A-Za-z]{3})[a-z]*\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})")


def day(value: str) -> date:
    """2026-11-27 or 27/11/2026."""
    text = value.strip()
    try:
        if "/" in text:
            d, m, y = (int(part) for part in text.split("/"))
            return date(y, m, d)
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"“{text}” is not a date; please write it like 2026-11-27 or 27/11/2026.") from None


def optional_day(value: str) -> date | None:
    return day(value) if value.strip() else None


def gender(value: str) -> Gender:
    found = GENDERS.get(value.strip().lower())
    if found is None:
        raise ValueError(f"“{value}” is not a gender here: female, male, non_binary or not_stated.")
    return found


def yes_no(value: str, *, default: bool) -> bool:
    text = value.strip().lower()
    if not text:
        return default
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValueError(f"“{value}” is neither yes nor no.")


def whole(value: str, *, low: int, high: int, default: int | None = None) -> int:
    text = value.strip()
    if not text and default is not None:
        return default
    if not re.fullmatch(r"\d+", text) or not low <= int(text) <= high:
        raise ValueError(f"“{text}” is not a whole number from {low} to {high}.")
    return int(text)


def dollars(value: str) -> int:
    """$43.25 or 43.25 -> 4325 cents."""
    text = value.strip().removeprefix("$").replace(",", "")
    if not re.fullmatch(r"\d{1,6}(\.\d{1,2})?", text):
        raise ValueError(f"“{value}” is not an amount in dollars, like 43.25.")
    whole_part, _, cents = text.partition(".")
    return int(whole_part) * 100 + int(cents.ljust(2, "0") or 0)


def dollars_text(cents: int) -> str:
    return f"{cents // 100}.{cents % 100:02d}"


def postcode_text(value: str) -> str:
    """A spreadsheet drops a postcode's leading zero (0800 becomes 800): put it back."""
    text = value.strip()
    return text.zfill(4) if text.isdigit() and len(text) == 3 else text


def minute_of(text: str) -> int:
    found = _TIME.fullmatch(text.strip())
    if found is None or int(found[1]) > 24 or int(found[2]) > 59:
        raise ValueError(f"“{text}” is not a time like 08:30.")
    minute = int(found[1]) * 60 + int(found[2])
    if minute > 1440:
        raise ValueError(f"“{text}” is after midnight.")
    return minute


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def windows(value: str) -> tuple[tuple[int, int, int], ...]:
    """“Mon 08:00-16:00; Tue 09:00-12:30” -> ((0, 480, 960), (1, 540, 750)), sorted, no overlaps."""
    found: list[tuple[int, int, int]] = []
    for part in (p.strip() for p in value.split(";")):
        if not part:
            continue
        match = _WINDOW.fullmatch(part)
        if match is None or match[1].title() not in WEEKDAYS:
            raise ValueError(f"“{part}” is not a weekly window like “Mon 08:00-16:00”.")
        start, end = minute_of(match[2]), minute_of(match[3])
        if start >= end:
            raise ValueError(f"“{part}” ends before it starts.")
        found.append((WEEKDAYS.index(match[1].title()), start, end))
    found.sort()
    for before, after in itertools.pairwise(found):
        if before[0] == after[0] and after[1] < before[2]:
            raise ValueError(f"{WEEKDAYS[after[0]]} has two windows that overlap.")
    return tuple(found)


def windows_text(windows_: tuple[tuple[int, int, int], ...]) -> str:
    return "; ".join(f"{WEEKDAYS[d]} {clock(s)}-{clock(e)}" for d, s, e in sorted(windows_))


def held(value: str, known: frozenset[str]) -> tuple[tuple[str, date | None], ...]:
    """“first_aid 2027-03-31; police_check” -> (("first_aid", date(2027, 3, 31)), ("police_check", None)):
    a competency's code (in any case; the catalogue's spelling is kept) and, when it expires, the
    last day it is valid."""
    spelling = {code.casefold(): code for code in known}
    found: dict[str, date | None] = {}
    for part in (p.strip() for p in value.split(";")):
        if not part:
            continue
        written, _, expiry = part.partition(" ")
        code = spelling.get(written.casefold())
        if code is None:
            raise ValueError(f"“{written}” is not one of the agency's competencies.")
        if code in found:
            raise ValueError(f"{code} is listed twice.")
        found[code] = day(expiry) if expiry.strip() else None
    return tuple(sorted(found.items()))


def held_text(held_: tuple[tuple[str, date | None], ...]) -> str:
    return "; ".join(code if expiry is None else f"{code} {expiry.isoformat()}" for code, expiry in held_)
