"""A client's copy of their record (Australian Privacy Principle 12): a zip of CSV files (profile,
preferences, bookings, visits, statement lines, messages) and their statements as PDF. Only the
client, or a carer who acts for them, downloads it, and the download is audited."""

import csv
import dataclasses
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.booking import preferences
from domain.errors import NotAllowed
from domain.language import N_, _
from domain.people import known_as
from domain.profile import reading
from domain.statements import reading as statements
from domain.statements.reading import StatementRequest
from domain.vocabulary import ClientAction
from storage.queries import records as record_queries

MAX_STATEMENTS = 36  # three years of monthly statements
# The files' column headings, in the reader's language where written (_csv translates them).
BOOKING_COLUMNS = (
    *(N_("number"), N_("service"), N_("first date"), N_("start time"), N_("minutes")),
    *(N_("repeats"), N_("until"), N_("status"), N_("notes")),
)
LEDGER_COLUMNS = (
    *(N_("package"), N_("date"), N_("kind"), N_("description")),
    *(N_("amount (cents)"), N_("units (hundredths)"), N_("rate (cents)")),
)
PROFILE_COLUMNS = (N_("field"), N_("value"))
PREFERENCE_COLUMNS = (N_("kind"), N_("what"), N_("note"))
VISIT_COLUMNS = (
    *(N_("starts"), N_("ends"), N_("service"), N_("worker"), N_("status"), N_("cancelled")),
    N_("cancellation fee (cents)"),
)
MESSAGE_COLUMNS = (N_("sent or queued"), N_("kind"), N_("to"), N_("subject"), N_("text"), N_("status"))


@dataclass(frozen=True)
class RecordExport:
    filename: str
    content: bytes  # a zip


def client_record(actor: Actor, client_id: int) -> RecordExport:
    """The zip for the client or their carer; anyone else (staff included: they have the office's
    own tools) is refused."""
    if actor.role not in access.CLIENT_SIDE_ROLES or not access.may_act_for_client(actor, client_id):
        raise NotAllowed()
    profile = reading.get_profile(actor, client_id)
    wishes = preferences.saved(actor, client_id)
    files: dict[str, bytes] = {"profile.csv": _csv(PROFILE_COLUMNS, _profile_rows(profile))}
    files["preferences.csv"] = _csv(
        PREFERENCE_COLUMNS,
        [(_("wish"), f"{w.group}: {w.name}", "") for w in wishes.wishes]
        + [(_("preferred worker"), p.name, p.note) for p in wishes.preferred]
        + [(_("not this worker"), b.name, b.note) for b in wishes.blocked],
    )
    with action.writing(actor) as act:
        client = reading.client_record(act, client_id)
        files["bookings.csv"] = _csv(
            BOOKING_COLUMNS,
            [
                (
                    b.Booking.number,
                    b.service,
                    b.Booking.first_date.isoformat(),
                    b.Booking.start_time.strftime("%H:%M"),
                    b.Booking.duration_minutes,
                    b.Booking.recurrence.value,
                    b.Booking.ends_on.isoformat() if b.Booking.ends_on else "",
                    b.Booking.status.value,
                    b.Booking.notes,
                )
                for b in record_queries.bookings(client_id, session=act.session)
            ],
        )
        files["visits.csv"] = _csv(
            VISIT_COLUMNS,
            [
                (
                    act.local(v.Shift.starts_at).isoformat(timespec="minutes"),
                    act.local(v.Shift.ends_at).isoformat(timespec="minutes"),
                    v.service,
                    f"{v.worker_first_name} {v.worker_last_name}" if v.worker_last_name else "",
                    v.Shift.status.value,
                    _when(act.local(v.Shift.cancelled_at)) if v.Shift.cancelled_at else "",
                    v.Shift.cancel_fee_cents if v.Shift.cancel_fee_cents is not None else "",
                )
                for v in record_queries.visits(client_id, session=act.session)
            ],
        )
        # A carer the agency has not set to receive statements gets the record without them.
        with_statements = access.may(actor, client_id, ClientAction.STATEMENTS)
        files["statement_lines.csv"] = _csv(
            LEDGER_COLUMNS,
            [
                (
                    line.package,
                    line.LedgerEntry.entry_date.isoformat(),
                    line.LedgerEntry.kind.value,
                    line.LedgerEntry.description,
                    line.LedgerEntry.amount_cents,
                    line.LedgerEntry.units if line.LedgerEntry.units is not None else "",
                    line.LedgerEntry.rate_cents if line.LedgerEntry.rate_cents is not None else "",
                )
                for line in record_queries.ledger_lines(client_id, session=act.session)
            ],
        )
        if not with_statements:
            del files["statement_lines.csv"]
        files["messages.csv"] = _csv(
            MESSAGE_COLUMNS,
            [
                (
                    act.local(m.created_at).isoformat(timespec="minutes"),
                    m.channel.value,
                    m.to_address or _("app"),
                    m.subject,
                    m.body_text,
                    m.status.value,
                )
                for m in record_queries.client_messages(client_id, client.email, session=act.session)
            ],
        )
        name = known_as(client.preferred_name, client.first_name, client.last_name)
        months = [
            (package.package_id, month.value)
            for package in statements.package_choices(client_id, act.today, session=act.session)
            for month in package.months
            if with_statements
        ][:MAX_STATEMENTS]
        act.audit("export", "client", client_id, f"record downloaded by {actor.display_name}")
    for package_id, month in months:
        document = statements.statement_pdf(
            actor, client_id, StatementRequest(package=str(package_id), month=month)
        )
        files[f"statements/{document.filename}"] = document.content
    slug = "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
    return RecordExport(f"my-record-{slug}-{profile.client_number}.zip", _zip(files))


def _when(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def _profile_rows(profile: reading.ClientProfile) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for field in dataclasses.fields(profile):
        value = getattr(profile, field.name)
        if field.name in ("photo_id",):
            continue
        if isinstance(value, tuple):
            for number, item in enumerate(value, start=1):
                rows.append((f"{field.name} {number}", _plain(item)))
        else:
            rows.append((field.name, _plain(value)))
    return rows


def _plain(value: Any) -> str:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in dataclasses.asdict(value).items())
    if value is None:
        return ""
    return str(value)


def _csv(headings: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_(heading) for heading in headings])
    for row in rows:
        writer.writerow([_safe(cell) for cell in row])
    return ("\ufeff" + out.getvalue()).encode()  # the BOM: spreadsheet programs read UTF-8 then


def _safe(cell: Any) -> Any:
    """Text that a spreadsheet would run as a formula starts with an apostrophe instead."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + cell
    return cell


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()
