"""A shift as the client's screens show it, and the words used for its status and billing."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from domain import money, vocabulary
from domain.cancellation import rules
from domain.language import N_, _, formats
from domain.people import known_as
from domain.pricing import words as price_words
from domain.vocabulary import (
    BillTo,
    CancelBand,
    CancelReason,
    ProgramKind,
    Recurrence,
    ServiceUnit,
    ShiftStatus,
)

PAGE_SIZE = 50  # no screen sends more rows than this

STATUS_LABELS = {  # translated where shown: _(STATUS_LABELS[status])
    ShiftStatus.WAITING: N_("Waiting for the agency to approve the extra hours"),
    ShiftStatus.UNALLOCATED: N_("Requested"),
    ShiftStatus.OFFERED: N_("Offered to worker"),
    ShiftStatus.ALLOCATED: N_("Confirmed"),
    ShiftStatus.COMPLETED: N_("Completed"),
    ShiftStatus.QUERIED: N_("Queried"),
    ShiftStatus.APPROVED: N_("Approved"),
    ShiftStatus.BILLED: N_("Billed"),
    ShiftStatus.CANCELLED: N_("Cancelled"),
}
BAND_LABELS = {
    CancelBand.NO_NOTICE: N_("no notice"),
    CancelBand.SHORT_NOTICE: N_("short notice"),
    CancelBand.WITH_NOTICE: N_("with notice"),
}
BILL_TO_LABELS = {BillTo.PACKAGE: N_("Package"), BillTo.CLIENT: N_("Client"), BillTo.PRIVATE: N_("Private")}
CANCELLABLE = (ShiftStatus.WAITING, ShiftStatus.UNALLOCATED, ShiftStatus.OFFERED, ShiftStatus.ALLOCATED)
PENDING = (ShiftStatus.WAITING, ShiftStatus.UNALLOCATED, ShiftStatus.OFFERED)  # no cancellation fee


@dataclass(frozen=True)
class ShiftLine:
    shift_id: int
    client_id: int
    booking_id: int | None
    booking_number: str
    permanent: bool
    starts: datetime  # agency-local
    ends: datetime
    status: ShiftStatus
    service: str
    glyph: str
    program: str
    program_kind: ProgramKind
    worker: str | None
    unit: ServiceUnit
    bill_units: int  # hundredths of the unit
    bill_rate_cents: int
    bill_to: BillTo
    notes: str
    time_note: str | None
    cancel_band: CancelBand | None
    cancel_reason: CancelReason | None
    cancel_fee_cents: int | None
    open_query: bool

    @property
    def label(self) -> str:
        return _(STATUS_LABELS[self.status])

    @property
    def number(self) -> str:
        return f"S{self.shift_id:06d}"

    @property
    def minutes(self) -> int:
        return int((self.ends - self.starts).total_seconds() // 60)

    @property
    def price_cents(self) -> int:
        return money.price_cents(self.bill_units, self.bill_rate_cents)

    @property
    def bill_cents(self) -> int:
        """What this shift costs: its price, or for a cancellation the fee charged (often nothing)."""
        if self.status == ShiftStatus.CANCELLED:
            return self.cancel_fee_cents or 0
        return self.price_cents

    @property
    def quantity(self) -> str:
        """150 hundredths of an hour -> "1.5 hours"; 100 of "each" -> "1"."""
        if self.unit == ServiceUnit.HOUR:
            return vocabulary.hours(self.bill_units)
        return formats.decimal(self.bill_units / 100)

    @property
    def rate(self) -> str:
        """The rate stored on the shift when it was booked (domain.pricing), said as everywhere."""
        return price_words.rate(self.bill_rate_cents, self.unit)

    @property
    def bill_to_label(self) -> str:
        return _(BILL_TO_LABELS[self.bill_to])

    @property
    def cancellable(self) -> bool:
        return self.status in CANCELLABLE

    @property
    def awaiting_approval(self) -> bool:
        """Completed work the client may approve or query; a queried one once it is resolved."""
        return self.status == ShiftStatus.COMPLETED or (
            self.status == ShiftStatus.QUERIED and not self.open_query
        )

    @property
    def waiting(self) -> str:
        """Held back past the approved hours until the agency decides (domain.pricing.over_hours)."""
        return _(STATUS_LABELS[self.status]) if self.status == ShiftStatus.WAITING else ""

    @property
    def cancellation(self) -> str:
        """Cancelled, short notice: fee $148.46 (Health) -- "(Health (NSDH))" for an NDIS participant."""
        if self.status != ShiftStatus.CANCELLED:
            return ""
        fee = money.dollars(self.cancel_fee_cents) if self.cancel_fee_cents else ""
        band = _(BAND_LABELS[self.cancel_band]) if self.cancel_band else ""
        if band and fee:
            words = _("Cancelled, {band}: fee {fee}").format(band=band, fee=fee)
        elif band:
            words = _("Cancelled, {band}").format(band=band)
        elif fee:
            words = _("Cancelled: fee {fee}").format(fee=fee)
        else:
            words = _("Cancelled")
        if self.cancel_reason:
            reason = rules.reason_label(self.cancel_reason, self.program_kind)
            words = _("{outcome} ({reason})").format(outcome=words, reason=reason)
        return words


def from_row(row: Any, zone: ZoneInfo) -> ShiftLine:
    """A shift line from a row of storage.queries.client_shifts, its times in the agency's zone."""
    worker = None
    if row.worker_last_name:
        worker = known_as(row.worker_preferred_name, row.worker_first_name, row.worker_last_name)
    return ShiftLine(
        shift_id=row.id,
        client_id=row.client_id,
        booking_id=row.booking_id,
        booking_number=row.booking_number or "",
        permanent=row.recurrence not in (None, Recurrence.ONCE),
        starts=row.starts_at.astimezone(zone),
        ends=row.ends_at.astimezone(zone),
        status=row.status,
        service=row.service,
        glyph=row.glyph,
        program=row.program,
        program_kind=row.program_kind,
        worker=worker,
        unit=row.unit,
        bill_units=row.bill_units,
        bill_rate_cents=row.bill_rate_cents,
        bill_to=row.bill_to,
        notes=row.notes or "",
        time_note=row.time_note,
        cancel_band=row.cancel_band,
        cancel_reason=row.cancel_reason,
        cancel_fee_cents=row.cancel_fee_cents,
        open_query=bool(row.open_query),
    )
