"""The agency's one settings row."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Agency


def get(*, session: Session) -> Agency | None:
    return session.scalar(select(Agency).order_by(Agency.id).limit(1))
