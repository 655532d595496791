"""Clients, support workers and what the agency knows about each."""

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from domain.vocabulary import ClientWorkerRelation, Gender, GeocodeStatus

from .base import Base


class HomeAddress:
    """A street address with the position matching and travel are measured from."""

    home_street: Mapped[str] = mapped_column(String(200))
    home_suburb: Mapped[str] = mapped_column(String(80))
    home_state: Mapped[str] = mapped_column(String(3))
    home_postcode: Mapped[str] = mapped_column(String(4))
    home_lat: Mapped[float | None]
    home_lon: Mapped[float | None]
    home_geocode: Mapped[GeocodeStatus] = mapped_column(default=GeocodeStatus.SUBURB)


client_marketing_group = Table(
    "client_marketing_group",
    Base.metadata,
    Column("client_id", ForeignKey("client.id", ondelete="CASCADE"), primary_key=True),
    Column("group_id", ForeignKey("marketing_group.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_client_marketing_group_group_id", "group_id"),  # a group's members, for reach and notices
)


class MarketingGroup(Base):
    __tablename__ = "marketing_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)


class Client(HomeAddress, Base):
    __tablename__ = "client"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_number: Mapped[str] = mapped_column(String(20), unique=True)
    title: Mapped[str | None] = mapped_column(String(20))
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    preferred_name: Mapped[str | None] = mapped_column(String(80))
    date_of_birth: Mapped[date]
    gender: Mapped[Gender]
    photo_media_id: Mapped[int | None] = mapped_column(ForeignKey("media_file.id"))
    home_phone: Mapped[str | None] = mapped_column(String(20))
    mobile_phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    postal_same_as_home: Mapped[bool] = mapped_column(default=True)
    postal_street: Mapped[str | None] = mapped_column(String(200))
    postal_suburb: Mapped[str | None] = mapped_column(String(80))
    postal_state: Mapped[str | None] = mapped_column(String(3))
    postal_postcode: Mapped[str | None] = mapped_column(String(4))
    language: Mapped[str] = mapped_column(String(60), default="English")
    interpreter_needed: Mapped[bool] = mapped_column(default=False)
    # use_alter: client and account refer to each other.
    case_manager_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", use_alter=True, ondelete="SET NULL")
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())

    emergency_contacts: Mapped[list["EmergencyContact"]] = relationship(
        back_populates="client", cascade="all, delete-orphan", order_by="EmergencyContact.position"
    )
    marketing_groups: Mapped[list[MarketingGroup]] = relationship(secondary=client_marketing_group)

    @property
    def full_name(self) -> str:
        return f"{self.preferred_name or self.first_name} {self.last_name}"


class EmergencyContact(Base):
    __tablename__ = "emergency_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(120))
    relationship_to_client: Mapped[str] = mapped_column(String(60))
    phone: Mapped[str] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))

    client: Mapped[Client] = relationship(back_populates="emergency_contacts")


class Worker(HomeAddress, Base):
    __tablename__ = "worker"
    __table_args__ = (
        CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),
        CheckConstraint("max_hours_per_week BETWEEN 0 AND 80", name="max_hours_range"),
        CheckConstraint("charge_rate_cents >= 0", name="charge_rate_not_negative"),
        CheckConstraint("charge_level BETWEEN 1 AND 9", name="charge_level_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_number: Mapped[str] = mapped_column(String(20), unique=True)
    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    preferred_name: Mapped[str | None] = mapped_column(String(80))
    gender: Mapped[Gender]
    date_of_birth: Mapped[date]
    photo_media_id: Mapped[int | None] = mapped_column(ForeignKey("media_file.id"))
    mobile_phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    bio: Mapped[str] = mapped_column(Text, default="")
    charge_rate_cents: Mapped[int]  # per hour: what the worker costs the agency, never a client's price
    charge_level: Mapped[int | None]  # 1 and up where the agency prices by level (domain.pricing)
    rating: Mapped[int] = mapped_column(default=3)
    medal_id: Mapped[int | None] = mapped_column(ForeignKey("medal.id"))
    max_hours_per_week: Mapped[int] = mapped_column(default=38)
    started_on: Mapped[date]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())

    @property
    def full_name(self) -> str:
        return f"{self.preferred_name or self.first_name} {self.last_name}"


class WorkerCompetency(Base):
    __tablename__ = "worker_competency"
    __table_args__ = (UniqueConstraint("worker_id", "competency_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    competency_id: Mapped[int] = mapped_column(ForeignKey("competency.id", ondelete="CASCADE"), index=True)
    obtained_on: Mapped[date | None]
    expires_on: Mapped[date | None]  # the last day it is valid
    reference: Mapped[str | None] = mapped_column(String(80))
    # The evidence file under the data folder (adapters.media_store), served to staff only.
    evidence_path: Mapped[str | None] = mapped_column(String(120))
    evidence_type: Mapped[str | None] = mapped_column(String(80))


class WorkerCharacteristic(Base):
    """A language or yes/no trait a worker has; gender and age come from the worker's own fields."""

    __tablename__ = "worker_characteristic"

    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), primary_key=True)
    characteristic_id: Mapped[int] = mapped_column(
        ForeignKey("characteristic.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class AvailabilityWindow(Base):
    """A weekly window in the agency's local time; minutes from midnight, end up to 1440."""

    __tablename__ = "availability_window"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday_range"),
        CheckConstraint(
            "start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute", name="span"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int]  # Monday = 0
    start_minute: Mapped[int]
    end_minute: Mapped[int]


class Leave(Base):
    __tablename__ = "leave"
    __table_args__ = (
        CheckConstraint("starts_at < ends_at", name="span"),
        Index("ix_leave_worker_span", "worker_id", "starts_at", "ends_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(String(80), default="Leave")


class Review(Base):
    __tablename__ = "review"
    __table_args__ = (CheckConstraint("stars BETWEEN 1 AND 5", name="stars_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id", ondelete="SET NULL"))
    stars: Mapped[int]
    comment: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime]
    # Hidden by an administrator (moderation): off the reviews page and the card's count.
    hidden_at: Mapped[datetime | None]
    hidden_reason: Mapped[str | None] = mapped_column(String(200))


class ClientWorker(Base):
    """A worker the client prefers, or one they never want to see again."""

    __tablename__ = "client_worker"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), primary_key=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), primary_key=True)
    relation: Mapped[ClientWorkerRelation]
    note: Mapped[str] = mapped_column(String(200), default="")


class WorkforceVersion(Base):
    """One row whose stamp changes, by database triggers, whenever anything matching reads about
    workers changes (workers, their competencies, characteristics, windows and reviews, and the
    competency, characteristic and medal catalogues). Matching keeps the workforce in memory
    and reloads it only when the stamp differs; see migration 0003."""

    __tablename__ = "workforce_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    stamp: Mapped[int] = mapped_column(BigInteger)


class RosteredWeek(Base):
    """Minutes of busy shifts per worker and week, kept by database triggers on `shift` (migration
    0020) so that a search finds the few workers near their weekly maximum by an index, instead of
    adding up every shift of the horizon. The weeks are UTC weeks (Monday 00:00 UTC): a trigger
    cannot know the agency's time zone, so matching adds and takes away the hours between the UTC
    week and the agency's own (storage.queries.matching.rostered_minutes)."""

    __tablename__ = "rostered_week"
    __table_args__ = (Index("ix_rostered_week_week_minutes", "week", "minutes"),)

    worker_id: Mapped[int] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), primary_key=True)
    week: Mapped[date] = mapped_column(primary_key=True)  # its Monday, UTC
    minutes: Mapped[int]
