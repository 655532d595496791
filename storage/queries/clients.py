"""Reading and changing client records."""

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from storage.models import Account, Client, FundingPackage, Program


def by_id(client_id: int, *, session: Session, for_update: bool = False) -> Client | None:
    query = (
        select(Client)
        .where(Client.id == client_id)
        .options(selectinload(Client.emergency_contacts), selectinload(Client.marketing_groups))
    )
    if for_update:
        query = query.with_for_update()
    return session.scalar(query)


def packages(client_id: int, *, session: Session) -> list[tuple[FundingPackage, Program]]:
    rows = session.execute(
        select(FundingPackage, Program)
        .join(Program, Program.id == FundingPackage.program_id)
        .where(FundingPackage.client_id == client_id, FundingPackage.active.is_(True))
        .order_by(FundingPackage.starts_on)
    )
    return [(row.FundingPackage, row.Program) for row in rows]


def account_name(account_id: int | None, *, session: Session) -> str | None:
    if account_id is None:
        return None
    return session.scalar(select(Account.display_name).where(Account.id == account_id))


def active_account_email(account_id: int | None, *, session: Session) -> str | None:
    """The e-mail address of an account that is still open (a case manager's), or None."""
    if account_id is None:
        return None
    return session.scalar(select(Account.email).where(Account.id == account_id, Account.active.is_(True)))
