"""Looking up accounts and what they may act for."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Account, CarerLink, Client


def by_email(email: str, *, session: Session, for_update: bool = False) -> Account | None:
    query = select(Account).where(Account.email == email.strip().lower())
    if for_update:
        query = query.with_for_update()
    return session.scalar(query)


def by_id(account_id: int, *, session: Session, for_update: bool = False) -> Account | None:
    query = select(Account).where(Account.id == account_id)
    if for_update:
        query = query.with_for_update()
    return session.scalar(query)


def by_invitation(token_hash: str, *, session: Session) -> Account | None:
    return session.scalar(
        select(Account).where(Account.invitation_token_hash == token_hash).with_for_update()
    )


def linked_clients(account_id: int, *, session: Session) -> list[tuple[int, str]]:
    """The clients a carer acts for, as (id, name), in name order."""
    rows = session.execute(
        select(Client.id, Client.first_name, Client.preferred_name, Client.last_name)
        .join(CarerLink, CarerLink.client_id == Client.id)
        .where(CarerLink.account_id == account_id, Client.active.is_(True))
        .order_by(Client.last_name, Client.first_name)
    )
    return [(row.id, f"{row.preferred_name or row.first_name} {row.last_name}") for row in rows]
