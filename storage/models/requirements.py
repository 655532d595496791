"""What a worker must have, or ideally has, to work a shift."""

from sqlalchemy import CheckConstraint, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from domain.vocabulary import RequirementLevel

from .base import Base


class Requirement(Base):
    """One competency or characteristic demanded at one level, mandatory or desirable.

    The level says which scope columns are set: Global none; Program a program; Client a
    client; Client-Service a client and service; the client's own Preference a client; a
    Booking's override a booking.
    """

    __tablename__ = "requirement"
    __table_args__ = (
        CheckConstraint("(competency_id IS NULL) != (characteristic_id IS NULL)", name="one_item"),
        CheckConstraint("weight BETWEEN 1 AND 10", name="weight_range"),
        CheckConstraint(
            "(level = 'global' AND program_id IS NULL AND client_id IS NULL AND booking_id IS NULL)"
            " OR (level = 'program' AND program_id IS NOT NULL AND client_id IS NULL)"
            " OR (level IN ('client', 'preference') AND client_id IS NOT NULL AND service_id IS NULL)"
            " OR (level = 'client_service' AND client_id IS NOT NULL AND service_id IS NOT NULL)"
            " OR (level = 'booking' AND booking_id IS NOT NULL)",
            name="scope_matches_level",
        ),
        Index("ix_requirement_scope", "level", "client_id", "program_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    level: Mapped[RequirementLevel]
    program_id: Mapped[int | None] = mapped_column(ForeignKey("program.id", ondelete="CASCADE"))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id", ondelete="CASCADE"))
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("booking.id", ondelete="CASCADE"), index=True)
    competency_id: Mapped[int | None] = mapped_column(ForeignKey("competency.id", ondelete="CASCADE"))
    characteristic_id: Mapped[int | None] = mapped_column(ForeignKey("characteristic.id", ondelete="CASCADE"))
    mandatory: Mapped[bool]
    weight: Mapped[int] = mapped_column(default=1)  # how much a desirable item counts in the ranking
