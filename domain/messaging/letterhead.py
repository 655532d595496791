"""The agency's letterhead: every e-mail has the same plain-text and HTML layout, with the agency's
name and contact details, and every value escaped (names and notes come from people, never markup).

A letter is a small frozen dataclass of typed fields with a `name` and a `render(agency)`; it
builds its message with `letter(...)` (an e-mail on the letterhead), `signed(...)` (plain
paragraphs signed with the agency's name) or `note(...)` (an app message):

    @dataclass(frozen=True)
    class ShiftReminderToWorker(Letter):
        name: ClassVar[str] = "shift_reminder_worker"
        service: str
        ...

        def render(self, agency: AgencySettings) -> Rendered:
            return note(f"Reminder: {self.service} ...", ...)

Every letter is listed once in domain.letters.
"""

import html
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar

from domain.agency.settings import AgencySettings
from domain.language import _, current, formats

# Inline styles: most mail programs ignore <style> blocks. Colours from components/theme.py.
# NOTE: keep PRIMARY in step with COLOURS["primary"] there.
PRIMARY = "#1d4f91"
BODY_STYLE = "font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#1d1d1d"
HEADER_STYLE = f"background:{PRIMARY};color:#ffffff;padding:16px 20px;font-size:22px;font-weight:bold"


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str | None = None


class Letter(ABC):
    """One kind of message the portal sends, rendered from its own typed fields."""

    name: ClassVar[str]  # kept with each queued message; unique across the portal

    @abstractmethod
    def render(self, agency: AgencySettings) -> Rendered: ...


def letter(
    agency: AgencySettings,
    *,
    subject: str,
    greeting: str,
    paragraphs: Sequence[str],
    details: Sequence[tuple[str, str]] = (),
) -> Rendered:
    """An e-mail from the agency: greeting, paragraphs, an optional list of details, the sign-off."""
    return Rendered(
        subject=subject,
        text=_text(agency, greeting, paragraphs, details),
        html=_html(agency, subject, greeting, paragraphs, details),
    )


def signed(agency: AgencySettings, subject: str, *lines: str) -> Rendered:
    """A short e-mail of plain paragraphs signed with the agency's name."""
    kept = [line for line in lines if line]
    return Rendered(
        subject=subject, text="\n\n".join([*kept, agency.name]), html=paragraphs_html(*kept, agency.name)
    )


def note(subject: str, *lines: str) -> Rendered:
    """An app message: a title and a few plain lines, shown as text in the worker app."""
    return Rendered(subject=subject, text="\n\n".join(line for line in lines if line))


def paragraphs_html(*lines: str) -> str:
    """Plain lines as HTML paragraphs, every one escaped: user text is never markup."""
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines)


def signature(agency: AgencySettings) -> list[str]:
    return [agency.name, _("Phone {phone} · {email}").format(phone=agency.phone, email=agency.email)]


def when(moment: datetime, agency: AgencySettings) -> str:
    """Saturday 28 November 2026 at 9:30 am, in the agency's zone (in the reader's language)."""
    return formats.date_at_time(moment.astimezone(agency.zone))


def short_day(value: date) -> str:
    """Mon 30 Nov 2026 (in the reader's language)."""
    return formats.short_day(value)


def short_when(local: datetime) -> str:
    """Mon 30 Nov 2026, 9:30 am (a moment already in the agency's zone; in the reader's language)."""
    return _("{day}, {time}").format(day=short_day(local.date()), time=formats.clock_time(local))


def _text(
    agency: AgencySettings, greeting: str, paragraphs: Sequence[str], details: Sequence[tuple[str, str]]
) -> str:
    blocks = [greeting, *paragraphs]
    if details:
        said = (_("{label}: {value}").format(label=label, value=value) for label, value in details)
        blocks.append("\n".join(said))
    blocks.append(_("Kind regards,") + "\n" + "\n".join(signature(agency)))
    return "\n\n".join(blocks) + "\n"


def _html(
    agency: AgencySettings,
    subject: str,
    greeting: str,
    paragraphs: Sequence[str],
    details: Sequence[tuple[str, str]],
) -> str:
    e = html.escape
    language = current()
    tag = language.code.replace("_", "-")  # BCP 47: en-AU, zh-Hans
    direction = ' dir="rtl"' if language.right_to_left else ""
    start = "right" if language.right_to_left else "left"  # where a line starts
    padding = "4px 0 4px 16px" if language.right_to_left else "4px 16px 4px 0"
    parts = [f"<p>{e(greeting)}</p>", *(f"<p>{e(paragraph)}</p>" for paragraph in paragraphs)]
    if details:
        rows = "".join(
            f'<tr><th style="text-align:{start};padding:{padding}">{e(label)}</th>'
            f'<td style="padding:4px 0">{e(value)}</td></tr>'
            for label, value in details
        )
        parts.append(f"<table>{rows}</table>")
    regards = _("Kind regards,")
    parts.append(f"<p>{e(regards)}<br>" + "<br>".join(e(line) for line in signature(agency)) + "</p>")
    return (
        f'<!DOCTYPE html><html lang="{tag}"{direction}><head><meta charset="utf-8">'
        f"<title>{e(subject)}</title></head>"
        f'<body style="{BODY_STYLE}"><div style="{HEADER_STYLE}">{e(agency.name)}</div>'
        f'<div style="padding:20px">{"".join(parts)}</div></body></html>'
    )
