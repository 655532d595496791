"""The audit trail: who viewed or changed which record, written in the same transaction as the
change (a use case records through its action: `act.audit(...)`)."""

from datetime import datetime

from sqlalchemy.orm import Session

from storage.models import AuditEvent


def record(
    session: Session,
    account_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    detail: str = "",
    *,
    at: datetime,
) -> None:
    session.add(
        AuditEvent(
            at=at,
            account_id=account_id,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail[:2000],
        )
    )
