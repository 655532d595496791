"""News and offers the agency publishes to its clients."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from domain.vocabulary import MediaKind

from .base import Base


class MarketingItem(Base):
    __tablename__ = "marketing_item"
    __table_args__ = (
        CheckConstraint("publish_until IS NULL OR publish_from < publish_until", name="window"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    media_kind: Mapped[MediaKind]
    media_file_id: Mapped[int | None] = mapped_column(ForeignKey("media_file.id"))
    link_url: Mapped[str | None] = mapped_column(String(500))
    thumbnail_media_id: Mapped[int | None] = mapped_column(ForeignKey("media_file.id"))
    publish_from: Mapped[datetime]
    publish_until: Mapped[datetime | None]
    created_by_account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]


class MarketingAudience(Base):
    """One named client or one marketing group an item is published to."""

    __tablename__ = "marketing_audience"
    __table_args__ = (CheckConstraint("(client_id IS NULL) != (group_id IS NULL)", name="one_target"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("marketing_item.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("marketing_group.id", ondelete="CASCADE"))
