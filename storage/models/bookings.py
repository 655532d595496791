"""Booking requests, the shifts they generate, offers to workers and queries on completed work."""

from datetime import date, datetime, time

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from domain.vocabulary import (
    BillTo,
    BookingSource,
    BookingStatus,
    CancelBand,
    CancelReason,
    OfferStatus,
    Recurrence,
    ShiftStatus,
)

from .base import Base


class Booking(Base):
    """A client's request for a service, once or on a repeating pattern, in local wall time."""

    __tablename__ = "booking"
    __table_args__ = (
        CheckConstraint("duration_minutes BETWEEN 15 AND 1440", name="duration_range"),
        CheckConstraint("ends_on IS NULL OR ends_on >= first_date", name="series_end"),
        Index("ix_booking_client_status", "client_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    approved_service_id: Mapped[int] = mapped_column(ForeignKey("approved_service.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    package_id: Mapped[int] = mapped_column(ForeignKey("funding_package.id"))
    first_date: Mapped[date]
    start_time: Mapped[time]  # agency-local wall time, kept across daylight-saving changes
    duration_minutes: Mapped[int]
    recurrence: Mapped[Recurrence] = mapped_column(default=Recurrence.ONCE)
    ends_on: Mapped[date | None]
    nominated_worker_id: Mapped[int | None] = mapped_column(ForeignKey("worker.id"))
    uses_own_preferences: Mapped[bool] = mapped_column(default=False)  # booking-level override
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[BookingStatus]
    source: Mapped[BookingSource] = mapped_column(default=BookingSource.CLIENT)
    requested_by_account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    generated_until: Mapped[date | None]  # shifts exist up to this local date
    created_at: Mapped[datetime]
    cancelled_at: Mapped[datetime | None]
    # Past the approved hours or visits left in its period (domain.pricing.over_hours): what goes
    # beyond, as the client was warned; until staff allow it, it waits for their decision.
    beyond_approved: Mapped[str | None] = mapped_column(String(300))
    beyond_allowed_at: Mapped[datetime | None]
    beyond_allowed_by: Mapped[str | None] = mapped_column(String(120))  # the staff member's name
    beyond_declined_at: Mapped[datetime | None]  # declined instead: its waiting visits cancelled
    beyond_declined_by: Mapped[str | None] = mapped_column(String(120))
    beyond_declined_reason: Mapped[str | None] = mapped_column(String(300))

    shifts: Mapped[list["Shift"]] = relationship(back_populates="booking", order_by="Shift.starts_at")


class Shift(Base):
    """One occurrence of a booking: a span of time, a place, a worker (or none yet) and its billing."""

    __tablename__ = "shift"
    __table_args__ = (
        CheckConstraint("starts_at < ends_at", name="span"),
        CheckConstraint("bill_units >= 0 AND bill_rate_cents >= 0", name="bill_not_negative"),
        CheckConstraint("cancel_fee_cents IS NULL OR cancel_fee_cents >= 0", name="fee_not_negative"),
        CheckConstraint("status != 'offered' OR worker_id IS NOT NULL", name="offered_has_worker"),
        CheckConstraint("status != 'unallocated' OR worker_id IS NULL", name="unallocated_has_no_worker"),
        UniqueConstraint("booking_id", "occurrence_date"),
        Index("ix_shift_worker_span", "worker_id", "starts_at", "ends_at"),
        Index("ix_shift_client_start", "client_id", "starts_at"),
        Index("ix_shift_start_status", "starts_at", "status"),
        # Matching reads busy shifts and weekly hours by time for every worker: from the index alone
        # (SQLite's indexes hold the row id; PostgreSQL's is told to, migration 0004).
        Index(
            "ix_shift_matching",
            "starts_at",
            "status",
            "worker_id",
            "ends_at",
            "lat",
            "lon",
            "client_id",
            postgresql_include=["id"],
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("booking.id", ondelete="CASCADE"))
    occurrence_date: Mapped[date]  # the local date the booking pattern put it on
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("worker.id"))
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"))
    package_id: Mapped[int | None] = mapped_column(ForeignKey("funding_package.id"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    time_note: Mapped[str | None] = mapped_column(String(200))  # e.g. moved by a daylight-saving change
    status: Mapped[ShiftStatus]
    # Where the work happens, copied from the client's address when the shift is made.
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    bill_units: Mapped[int]  # hundredths of the service unit
    bill_rate_cents: Mapped[int]
    bill_to: Mapped[BillTo] = mapped_column(default=BillTo.PACKAGE)
    notes: Mapped[str] = mapped_column(Text, default="")
    cancelled_at: Mapped[datetime | None]
    cancelled_by_account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    cancel_band: Mapped[CancelBand | None]
    cancel_reason: Mapped[CancelReason | None]
    cancel_fee_cents: Mapped[int | None]
    completed_at: Mapped[datetime | None]
    approved_at: Mapped[datetime | None]
    billed_at: Mapped[datetime | None]
    reminded_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    # Goes up by one whenever the time, worker, service or status changes (database triggers,
    # migration 0016, so every path counts): a calendar feed's SEQUENCE for the visit.
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    booking: Mapped[Booking | None] = relationship(back_populates="shifts")


class Offer(Base):
    """The message asking a nominated worker to take a booking, and their answer."""

    __tablename__ = "offer"
    __table_args__ = (Index("ix_offer_status_expiry", "status", "expires_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(ForeignKey("booking.id", ondelete="CASCADE"), index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    status: Mapped[OfferStatus] = mapped_column(default=OfferStatus.PENDING)
    sent_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    answered_at: Mapped[datetime | None]
    answer_note: Mapped[str] = mapped_column(String(500), default="")


class ShiftQuery(Base):
    """A client's question about a completed shift, answered by their case manager."""

    __tablename__ = "shift_query"

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift.id", ondelete="CASCADE"), index=True)
    raised_by_account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    message: Mapped[str] = mapped_column(Text)
    raised_at: Mapped[datetime]
    reply: Mapped[str | None] = mapped_column(Text)
    replied_by_account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    replied_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
