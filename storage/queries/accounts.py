"""Looking up accounts and what they may act for."""

from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.vocabulary import CarerAccess, Role
from storage.models import Account, CarerLink, Client, Worker


def by_email(email: str, *, session: Session, for_update: bool = False) -> Account | None:
    query = select(Account).where(Account.email == email.strip().lower())
    if for_update:
        query = query.with_for_update()
    return session.scalar(query)


def languages(
    emails: Collection[str], account_ids: Collection[int] = (), *, session: Session
) -> dict[str | int, str]:
    """The reading language of the accounts with these e-mail addresses (keyed by the address as
    given) and these ids (keyed by id); an address with no account is left out."""
    wanted = {email.strip().lower(): email for email in emails}
    found: dict[str | int, str] = {}
    if wanted:
        for email, language in session.execute(
            select(Account.email, Account.language).where(Account.email.in_(wanted))
        ):
            found[wanted[email]] = language
    if account_ids:
        for account_id, language in session.execute(
            select(Account.id, Account.language).where(Account.id.in_(account_ids))
        ):
            found[account_id] = language
    return found


def by_id(account_id: int, *, session: Session, for_update: bool = False) -> Account | None:
    query = select(Account).where(Account.id == account_id)
    if for_update:
        query = query.with_for_update()
    return session.scalar(query)


def by_invitation(token_hash: str, *, session: Session) -> Account | None:
    return session.scalar(
        select(Account).where(Account.invitation_token_hash == token_hash).with_for_update()
    )


def linked_clients(account_id: int, *, session: Session) -> list[tuple[int, str, CarerAccess, bool]]:
    """The clients a carer acts for, as (id, name, access level, receives statements), in name order."""
    rows = session.execute(
        select(
            Client.id,
            Client.first_name,
            Client.preferred_name,
            Client.last_name,
            CarerLink.access_level,
            CarerLink.receives_statements,
        )
        .join(CarerLink, CarerLink.client_id == Client.id)
        .where(CarerLink.account_id == account_id, Client.active.is_(True))
        .order_by(Client.last_name, Client.first_name)
    )
    return [
        (row.id, f"{row.preferred_name or row.first_name} {row.last_name}", *row[4:])  # level, statements
        for row in rows
    ]


def page_of_accounts(search: str, offset: int, limit: int, *, session: Session) -> tuple[int, list[Account]]:
    """Accounts whose name or e-mail contains `search`, by name, one page; with the total."""
    query = select(Account)
    if search.strip():
        pattern = f"%{search.strip().lower()}%"
        query = query.where(
            func.lower(Account.display_name).like(pattern) | func.lower(Account.email).like(pattern)
        )
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(Account.display_name, Account.id).offset(offset).limit(limit))
    return total, list(rows)


def client_by_number(number: str, *, session: Session) -> Client | None:
    return session.scalar(select(Client).where(Client.client_number == number.strip().upper()))


def worker_by_staff_number(number: str, *, session: Session) -> Worker | None:
    return session.scalar(select(Worker).where(Worker.staff_number == number.strip().upper()))


def account_for(
    *, client_id: int | None = None, worker_id: int | None = None, session: Session
) -> Account | None:
    if client_id is not None:
        return session.scalar(select(Account).where(Account.client_id == client_id))
    return session.scalar(select(Account).where(Account.worker_id == worker_id))


def admins_and_others(*, session: Session) -> tuple[list[Account], int]:
    """Every administrator, oldest first, and how many accounts of other roles there are."""
    admins = list(session.scalars(select(Account).where(Account.role == Role.ADMIN).order_by(Account.id)))
    others = session.scalar(select(func.count()).select_from(Account).where(Account.role != Role.ADMIN))
    return admins, int(others or 0)
