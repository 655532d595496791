"""Funding packages, what each approves, and the money that moves on them."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from domain.vocabulary import BudgetPeriod, CancelReason, LedgerKind, ManagementType, NdisCategory

from .base import Base


class FundingPackage(Base):
    """A client's approved funding in one program for one period."""

    __tablename__ = "funding_package"
    __table_args__ = (
        CheckConstraint("starts_on <= ends_on", name="period"),
        CheckConstraint("contribution_pct BETWEEN 0 AND 100", name="contribution_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"))
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    level: Mapped[str] = mapped_column(String(60))  # e.g. "Level 3", "Classification 4", "NDIS plan"
    starts_on: Mapped[date]
    ends_on: Mapped[date]
    budget_cents: Mapped[int]
    management_type: Mapped[ManagementType] = mapped_column(default=ManagementType.AGENCY)
    # The share of each service the client pays (Support at Home contribution rates).
    contribution_pct: Mapped[int] = mapped_column(default=0)
    care_management_pct: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)

    budgets: Mapped[list["PackageBudget"]] = relationship(cascade="all, delete-orphan")
    approved_services: Mapped[list["ApprovedService"]] = relationship(
        back_populates="package", cascade="all, delete-orphan"
    )


class PackageBudget(Base):
    """An NDIS plan's budget for one support category."""

    __tablename__ = "package_budget"
    __table_args__ = (UniqueConstraint("package_id", "category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("funding_package.id", ondelete="CASCADE"))
    category: Mapped[NdisCategory]
    amount_cents: Mapped[int]


class ApprovedService(Base):
    """A service the client may book under a package; the booking catalogue shows exactly these."""

    __tablename__ = "approved_service"
    __table_args__ = (UniqueConstraint("package_id", "service_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("funding_package.id", ondelete="CASCADE"), index=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"))
    units_per_period: Mapped[int]  # hundredths of a unit: 150 = 1.5 hours
    period: Mapped[BudgetPeriod] = mapped_column(default=BudgetPeriod.WEEK)
    rate_cents: Mapped[int | None]  # overrides the program's rate when set
    notes: Mapped[str] = mapped_column(Text, default="")

    package: Mapped[FundingPackage] = relationship(back_populates="approved_services")


class LedgerEntry(Base):
    """A money movement on a package. Credits are positive, debits negative; all in cents."""

    __tablename__ = "ledger_entry"
    __table_args__ = (
        # A shift is billed once, and its cancellation fee charged once; adjustments may repeat.
        Index(
            "uq_ledger_entry_shift_charge",
            "shift_id",
            "kind",
            unique=True,
            sqlite_where=text("kind IN ('service', 'cancellation_fee')"),
            postgresql_where=text("kind IN ('service', 'cancellation_fee')"),
        ),
        Index("ix_ledger_entry_package_date", "package_id", "entry_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("funding_package.id", ondelete="CASCADE"))
    entry_date: Mapped[date]  # the agency-local date the movement belongs to
    kind: Mapped[LedgerKind]
    amount_cents: Mapped[int]
    description: Mapped[str] = mapped_column(String(200))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shift.id", ondelete="SET NULL"))
    units: Mapped[int | None]  # hundredths of a unit
    rate_cents: Mapped[int | None]
    subsidy_cents: Mapped[int] = mapped_column(default=0)
    contribution_cents: Mapped[int] = mapped_column(default=0)
    ndis_category: Mapped[NdisCategory | None]
    cancel_reason: Mapped[CancelReason | None]
    refers_to_month: Mapped[date | None]  # adjustments and refunds for an earlier month
    service_date: Mapped[date | None]  # the day the work was done, when entered on a later day
    created_at: Mapped[datetime]


class Statement(Base):
    """A package's statement for one period, as generated and sent."""

    __tablename__ = "statement"
    __table_args__ = (UniqueConstraint("package_id", "period_start", "period_end"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("funding_package.id", ondelete="CASCADE"))
    period_start: Mapped[date]
    period_end: Mapped[date]
    opening_cents: Mapped[int]
    credits_cents: Mapped[int]
    debits_cents: Mapped[int]
    closing_cents: Mapped[int]
    contributions_cents: Mapped[int] = mapped_column(default=0)
    generated_at: Mapped[datetime]
    notified_at: Mapped[datetime | None]
    content: Mapped[str | None] = mapped_column(Text)  # the statement as issued (domain.statements.snapshot)
