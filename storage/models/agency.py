"""The agency itself and its catalogue: programs, services, rates, rules and the things workers hold."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint, func, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from domain.vocabulary import (
    CharacteristicKind,
    CompetencyKind,
    NdisCategory,
    NoticeMeasure,
    ProgramKind,
    ServiceUnit,
    TimeBand,
)

from .base import Base


class Agency(Base):
    """The agency's settings: one row per installation."""

    __tablename__ = "agency"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40))
    email: Mapped[str] = mapped_column(String(254))
    roster_email: Mapped[str] = mapped_column(String(254))
    website: Mapped[str | None] = mapped_column(String(254))
    logo_media_id: Mapped[int | None] = mapped_column(ForeignKey("media_file.id"))
    timezone: Mapped[str] = mapped_column(String(64), default="Australia/Sydney")
    state: Mapped[str] = mapped_column(String(3), default="NSW")  # for public holidays
    booking_lead_minutes: Mapped[int] = mapped_column(default=24 * 60)
    cancel_lead_minutes: Mapped[int] = mapped_column(default=24 * 60)
    booking_horizon_days: Mapped[int] = mapped_column(default=12 * 7)
    shift_horizon_weeks: Mapped[int] = mapped_column(default=8)
    offer_expiry_minutes: Mapped[int] = mapped_column(default=12 * 60)
    reminder_lead_minutes: Mapped[int] = mapped_column(default=24 * 60)
    travel_radius_km: Mapped[int] = mapped_column(default=25)
    travel_speed_kmh: Mapped[int] = mapped_column(default=30)
    travel_buffer_minutes: Mapped[int] = mapped_column(default=15)
    smtp_host: Mapped[str | None] = mapped_column(String(200))
    smtp_port: Mapped[int | None]
    smtp_user: Mapped[str | None] = mapped_column(String(200))
    smtp_starttls: Mapped[bool] = mapped_column(default=True)
    smtp_sender: Mapped[str | None] = mapped_column(String(254))
    smtp_utf8: Mapped[bool | None]  # the server offered SMTPUTF8 when last asked; None: not asked yet
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())


class Program(Base):
    """A funding stream; services are priced per program."""

    __tablename__ = "program"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[ProgramKind]
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)


class Service(Base):
    """An activity the agency delivers, with a glyph the catalogue shows."""

    __tablename__ = "service"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    glyph: Mapped[str] = mapped_column(String(60))  # a Material icon name
    image_media_id: Mapped[int | None] = mapped_column(ForeignKey("media_file.id"))
    unit: Mapped[ServiceUnit]
    default_duration_minutes: Mapped[int] = mapped_column(default=60)
    # Cancellation thresholds may differ by service type, e.g. NDIS support-worker items.
    category: Mapped[str] = mapped_column(String(40))
    ndis_category: Mapped[NdisCategory | None]
    active: Mapped[bool] = mapped_column(default=True)

    rates: Mapped[list["ServiceRate"]] = relationship(back_populates="service")


class ServiceRate(Base):
    """The price of one unit of a service under a program in one time band, in cents.

    charge_level 0 is the rate for any worker; a row with a level (1 and up) prices the workers of
    that level, where the agency prices by level (domain.pricing.rates).
    """

    __tablename__ = "service_rate"
    __table_args__ = (
        UniqueConstraint("service_id", "program_id", "time_band", "charge_level"),
        CheckConstraint("rate_cents >= 0", name="rate_not_negative"),
        CheckConstraint("charge_level BETWEEN 0 AND 9", name="charge_level_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"))
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"))
    time_band: Mapped[TimeBand] = mapped_column(default=TimeBand.WEEKDAY)
    charge_level: Mapped[int] = mapped_column(default=0)
    rate_cents: Mapped[int]

    service: Mapped[Service] = relationship(back_populates="rates")


class CancellationRule(Base):
    """Where a program's short-notice band starts and what each band costs.

    A rule with a service category applies to that category only and wins over the program's
    general rule (service_category NULL).
    """

    __tablename__ = "cancellation_rule"
    __table_args__ = (
        UniqueConstraint("program_id", "service_category"),
        CheckConstraint(
            "short_notice_fee_pct BETWEEN 0 AND 100 AND no_notice_fee_pct BETWEEN 0 AND 100",
            name="fee_pct_range",
        ),
        CheckConstraint("short_notice_threshold >= 0 AND no_notice_minutes >= 0", name="thresholds"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"))
    service_category: Mapped[str | None] = mapped_column(String(40))
    notice_measure: Mapped[NoticeMeasure]
    short_notice_threshold: Mapped[int]  # in the unit of notice_measure
    no_notice_minutes: Mapped[int] = mapped_column(default=120)
    short_notice_fee_pct: Mapped[int] = mapped_column(default=100)
    no_notice_fee_pct: Mapped[int] = mapped_column(default=100)


class Competency(Base):
    """A clearance, qualification or skill that a worker holds, possibly until an expiry date."""

    __tablename__ = "competency"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[CompetencyKind]
    glyph: Mapped[str] = mapped_column(String(60))
    expires: Mapped[bool] = mapped_column(default=False)
    # A retired one stays on records and existing requirements but is not offered for new ones.
    active: Mapped[bool] = mapped_column(default=True, server_default=true())


class Characteristic(Base):
    """Something a worker is: a gender, an age band, a language, or a yes/no trait."""

    __tablename__ = "characteristic"
    __table_args__ = (
        UniqueConstraint("kind", "code"),
        CheckConstraint(
            "(kind = 'age_band') = (min_age IS NOT NULL AND max_age IS NOT NULL)", name="age_band_bounds"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[CharacteristicKind]
    code: Mapped[str] = mapped_column(String(40))  # gender value, language name, flag code
    name: Mapped[str] = mapped_column(String(120))
    glyph: Mapped[str] = mapped_column(String(60), default="label")
    min_age: Mapped[int | None]
    max_age: Mapped[int | None]
    active: Mapped[bool] = mapped_column(default=True, server_default=true())  # as Competency.active


class Medal(Base):
    """An agency-defined service medal tier (e.g. bronze after one year)."""

    __tablename__ = "medal"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    rank: Mapped[int] = mapped_column(unique=True)
    colour: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text, default="")
