"""Signed-in browser sessions, second-factor recovery codes and rate-limit counters."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class WebSession(Base):
    """One browser's sign-in. The cookie holds a random token; only its SHA-256 is kept here.

    A session starts as a one-time ticket (made when the password, and the code if asked, were
    right) that the browser trades for its cookie within a minute; from then on `token_hash` finds it.
    """

    __tablename__ = "web_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    ticket_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    ticket_expires_at: Mapped[datetime | None]
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    expires_at: Mapped[datetime]  # the absolute lifetime, whatever the activity
    keep: Mapped[bool] = mapped_column(default=False)  # "keep me signed in" on a client's own tablet
    enrol_only: Mapped[bool] = mapped_column(default=False)  # may open the two-factor page only
    ended_at: Mapped[datetime | None]


class RecoveryCode(Base):
    """A one-time code that stands in for the authenticator app; only its hash is kept."""

    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None]


class RateCount(Base):
    """How many attempts one key (an action and an address or account) made in one time window."""

    __tablename__ = "rate_count"
    __table_args__ = (Index("ix_rate_count_window", "window_start"),)

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(primary_key=True)
    count: Mapped[int] = mapped_column(default=0)
