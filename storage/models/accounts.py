"""Sign-in accounts, the clients a carer acts for, API tokens and the audit trail."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, false, func, true
from sqlalchemy.orm import Mapped, mapped_column

from domain.vocabulary import CarerAccess, Role

from .base import Base


class Account(Base):
    """A person who signs in. Created by the agency; the password is set from an invitation link."""

    __tablename__ = "account"
    __table_args__ = (
        CheckConstraint("role != 'client' OR client_id IS NOT NULL", name="client_has_client"),
        CheckConstraint("role != 'worker' OR worker_id IS NOT NULL", name="worker_has_worker"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-case
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role]
    password_hash: Mapped[str | None] = mapped_column(String(200))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), unique=True)
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("worker.id", ondelete="CASCADE"), unique=True)
    phone: Mapped[str | None] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    invitation_token_hash: Mapped[str | None] = mapped_column(String(128), unique=True)
    invitation_expires_at: Mapped[datetime | None]
    large_text: Mapped[bool] = mapped_column(default=False)
    # the language of this person's pages, e-mails and statements (domain.language codes)
    language: Mapped[str] = mapped_column(String(12), default="en_AU", server_default="en_AU")
    totp_secret: Mapped[str | None] = mapped_column(String(64))  # base32; set once a code confirmed it
    totp_last_step: Mapped[int | None]  # the last 30-second step a code was accepted for: no replays
    # Staff other than administrators may publish news to clients only with this permission.
    communications: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class CarerLink(Base):
    """A carer or family delegate who may act for a client."""

    __tablename__ = "carer_link"

    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), primary_key=True)
    relationship_to_client: Mapped[str] = mapped_column(String(60), default="Carer")
    # What the agency lets this carer do for this client (domain.accounts.access decides from it);
    # a link made before levels existed keeps what every carer could do then: everything.
    access_level: Mapped[CarerAccess] = mapped_column(default=CarerAccess.APPROVE, server_default="approve")
    receives_statements: Mapped[bool] = mapped_column(default=True, server_default=true())


class ApiToken(Base):
    """A bearer token for the worker app's JSON API; only its hash is kept."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    name: Mapped[str] = mapped_column(String(80), default="Worker app")
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]
    expires_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class AuditEvent(Base):
    """Who viewed or changed which record, and when: append-only. Database triggers (migration 0008)
    refuse every UPDATE and DELETE, so the rows carry no foreign keys (a closed account or a removed
    client leaves its history as it was) and keep the person's name and role as they were then."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_entity", "entity", "entity_id", "at"),
        Index("ix_audit_event_client", "client_id", "at"),
        Index("ix_audit_event_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    account_id: Mapped[int | None] = mapped_column(index=True)  # who: no foreign key, see above
    actor_name: Mapped[str] = mapped_column(String(120), default="", server_default="")
    actor_role: Mapped[str] = mapped_column(String(20), default="", server_default="")
    channel: Mapped[str] = mapped_column(String(10), default="portal", server_default="portal")  # portal, api
    client_id: Mapped[int | None]  # whose record it touched, when it is a client's
    action: Mapped[str] = mapped_column(String(40))  # view, update, create, sign_in, export, ...
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    detail: Mapped[str] = mapped_column(Text, default="")
