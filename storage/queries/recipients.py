"""Who a message goes to: a client's name and e-mail, a worker's name and app account."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.vocabulary import Role, ServiceUnit
from storage.models import Account, Client, Service, Worker


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str | None  # None: no address on file
    account_id: int | None  # their sign-in account, for app messages


def client(client_id: int, *, session: Session) -> Recipient:
    """The client's own e-mail address, else the one they sign in with."""
    row = session.execute(
        select(
            Client.first_name,
            Client.preferred_name,
            Client.last_name,
            Client.email,
            Account.email,
            Account.id,
        )
        .outerjoin(Account, (Account.client_id == Client.id) & (Account.role == Role.CLIENT))
        .where(Client.id == client_id)
    ).one()
    first, preferred, last, own_email, account_email, account_id = row
    return Recipient(f"{preferred or first} {last}", own_email or account_email, account_id)


def worker(worker_id: int, *, session: Session) -> Recipient:
    row = session.execute(
        select(Worker.first_name, Worker.preferred_name, Worker.last_name, Worker.email, Account.id)
        .outerjoin(Account, Account.worker_id == Worker.id)
        .where(Worker.id == worker_id)
    ).one()
    first, preferred, last, email, account_id = row
    return Recipient(f"{preferred or first} {last}", email, account_id)


def service_name(service_id: int, *, session: Session) -> str:
    return session.scalar(select(Service.name).where(Service.id == service_id)) or "Service"


def service_unit(service_id: int, *, session: Session) -> ServiceUnit:
    return session.scalar(select(Service.unit).where(Service.id == service_id)) or ServiceUnit.HOUR


def client_address(client_id: int, *, session: Session) -> str:
    row = session.execute(select(Client.home_street, Client.home_suburb).where(Client.id == client_id)).one()
    return f"{row.home_street}, {row.home_suburb}"
