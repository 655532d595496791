"""Private calendar feeds: a secret address per person and per whose visits it shows."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class CalendarFeed(Base):
    """One account's iCalendar feed of one client's visits (a client's own, or a linked client's
    for a carer) or of a worker's own shifts. Only the SHA-256 of the address's secret is kept:
    making a new address replaces the hash, turning the feed off deletes the row."""

    __tablename__ = "calendar_feed"
    __table_args__ = (
        CheckConstraint("(client_id IS NULL) != (worker_id IS NULL)", name="one_subject"),
        # NULLs are distinct, so each pair only binds the feeds of its own kind.
        UniqueConstraint("account_id", "client_id"),
        UniqueConstraint("account_id", "worker_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]  # when this address was made (turned on, or made anew)
