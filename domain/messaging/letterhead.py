"""The agency's letterhead: every e-mail has the same plain-text and HTML layout, with the agency's
name and contact details, and every value escaped (names and notes come from people, never markup).

Templates build their message with `letter(...)` (e-mail) or `note(...)` (app message), e.g.

    @outbox.template("shift_reminder_client")
    def _reminder(context, agency):
        return letterhead.letter(agency, subject=..., greeting=..., paragraphs=[...], details=[...])
"""

import html
from collections.abc import Sequence

from domain.agency.settings import AgencySettings
from domain.messaging.outbox import Rendered

# Inline styles: most mail programs ignore <style> blocks. Colours from components/theme.py.
# NOTE: keep PRIMARY in step with COLOURS["primary"] there.
PRIMARY = "#1d4f91"
BODY_STYLE = "font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#1d1d1d"
HEADER_STYLE = f"background:{PRIMARY};color:#ffffff;padding:16px 20px;font-size:22px;font-weight:bold"


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


def note(subject: str, *lines: str) -> Rendered:
    """An app message: a title and a few plain lines, shown as text in the worker app."""
    return Rendered(subject=subject, text="\n\n".join(line for line in lines if line))


def signature(agency: AgencySettings) -> list[str]:
    return [agency.name, f"Phone {agency.phone} · {agency.email}"]


def _text(
    agency: AgencySettings, greeting: str, paragraphs: Sequence[str], details: Sequence[tuple[str, str]]
) -> str:
    blocks = [greeting, *paragraphs]
    if details:
        blocks.append("\n".join(f"{label}: {value}" for label, value in details))
    blocks.append("Kind regards,\n" + "\n".join(signature(agency)))
    return "\n\n".join(blocks) + "\n"


def _html(
    agency: AgencySettings,
    subject: str,
    greeting: str,
    paragraphs: Sequence[str],
    details: Sequence[tuple[str, str]],
) -> str:
    e = html.escape
    parts = [f"<p>{e(greeting)}</p>", *(f"<p>{e(paragraph)}</p>" for paragraph in paragraphs)]
    if details:
        rows = "".join(
            f'<tr><th style="text-align:left;padding:4px 16px 4px 0">{e(label)}</th>'
            f'<td style="padding:4px 0">{e(value)}</td></tr>'
            for label, value in details
        )
        parts.append(f"<table>{rows}</table>")
    parts.append("<p>Kind regards,<br>" + "<br>".join(e(line) for line in signature(agency)) + "</p>")
    return (
        f'<!DOCTYPE html><html lang="en-AU"><head><meta charset="utf-8"><title>{e(subject)}</title></head>'
        f'<body style="{BODY_STYLE}"><div style="{HEADER_STYLE}">{e(agency.name)}</div>'
        f'<div style="padding:20px">{"".join(parts)}</div></body></html>'
    )
