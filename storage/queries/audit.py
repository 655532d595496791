"""Reading the audit log (it is only ever added to: see domain.audit)."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from storage.models import Account, AuditEvent, Client


def search(
    *,
    client: str,
    person: str,
    since: datetime | None,
    until: datetime | None,
    offset: int,
    limit: int,
    session: Session,
) -> Sequence[Any]:
    """Audit rows, newest first, with the client's name: `client` matches the client's name, number
    or id; `person` the name, e-mail or account id of who acted (as they were named then)."""
    query = (
        select(
            AuditEvent,
            Client.first_name.label("client_first_name"),
            Client.last_name.label("client_last_name"),
            Client.preferred_name.label("client_preferred_name"),
            Account.email.label("actor_email"),
        )
        .outerjoin(Client, Client.id == AuditEvent.client_id)
        .outerjoin(Account, Account.id == AuditEvent.account_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .offset(offset)
        .limit(limit)
    )
    if client:
        pattern = f"%{client.lower()}%"
        query = query.where(
            or_(
                func.lower(Client.first_name + " " + Client.last_name).like(pattern),
                func.lower(func.coalesce(Client.preferred_name, "")).like(pattern),
                func.lower(Client.client_number) == client.lower(),
                cast(AuditEvent.client_id, String) == client,
            )
        )
    if person:
        pattern = f"%{person.lower()}%"
        query = query.where(
            or_(
                func.lower(AuditEvent.actor_name).like(pattern),
                func.lower(func.coalesce(Account.email, "")).like(pattern),
                cast(AuditEvent.account_id, String) == person,
            )
        )
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    if until is not None:
        query = query.where(AuditEvent.at < until)
    return session.execute(query).all()
