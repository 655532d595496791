"""News and offers the agency publishes to its clients: the items, who they are for, who opened
them, and who was told by e-mail."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from domain.vocabulary import MediaKind, NewsState

from .base import Base


class MarketingItem(Base):
    __tablename__ = "marketing_item"
    __table_args__ = (
        CheckConstraint("publish_until IS NULL OR publish_from < publish_until", name="window"),
        Index("ix_marketing_item_showing", "state", "publish_from"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    media_kind: Mapped[MediaKind]
    # Superseded by media_path / poster_path (files under the data folder); kept for old databases.
    media_file_id: Mapped[int | None] = mapped_column(ForeignKey("media_file.id"))
    link_url: Mapped[str | None] = mapped_column(String(500))
    thumbnail_media_id: Mapped[int | None] = mapped_column(ForeignKey("media_file.id"))
    media_path: Mapped[str | None] = mapped_column(String(120))  # a name in the media store
    media_type: Mapped[str | None] = mapped_column(String(80))
    poster_path: Mapped[str | None] = mapped_column(String(120))
    captions_path: Mapped[str | None] = mapped_column(String(120))
    state: Mapped[NewsState] = mapped_column(default=NewsState.DRAFT)
    to_everyone: Mapped[bool] = mapped_column(default=False)
    notify_by_email: Mapped[bool] = mapped_column(default=False)
    publish_from: Mapped[datetime]
    publish_until: Mapped[datetime | None]
    created_by_account_id: Mapped[int | None] = mapped_column(ForeignKey("account.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime | None]


class MarketingAudience(Base):
    """One named client or one marketing group an item is published to."""

    __tablename__ = "marketing_audience"
    __table_args__ = (CheckConstraint("(client_id IS NULL) != (group_id IS NULL)", name="one_target"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("marketing_item.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("marketing_group.id", ondelete="CASCADE"))


class MarketingView(Base):
    """A person (a client, or a carer for a client) opened an item: first and last time, how often."""

    __tablename__ = "marketing_view"
    __table_args__ = (UniqueConstraint("item_id", "client_id", "account_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("marketing_item.id", ondelete="CASCADE"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    first_opened_at: Mapped[datetime]
    last_opened_at: Mapped[datetime]
    opens: Mapped[int] = mapped_column(default=1)


class MarketingNotice(Base):
    """The e-mail "There is news from your agency" went to this person for this item: once only."""

    __tablename__ = "marketing_notice"
    __table_args__ = (UniqueConstraint("item_id", "account_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("marketing_item.id", ondelete="CASCADE"))
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    queued_at: Mapped[datetime]
