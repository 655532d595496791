"""Calendar feeds found by their hash, and the visits a feed lists: one joined row per shift."""

from datetime import datetime

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session

from storage.models import Account, CalendarFeed, Client, Service, Shift, Worker
from storage.queries import NamedRow

MAX_VISITS = 2000  # a feed's window holds a few hundred at most; this only bounds a runaway


def by_hash(token_hash: str, *, session: Session) -> CalendarFeed | None:
    return session.scalar(select(CalendarFeed).where(CalendarFeed.token_hash == token_hash))


def lock_account(account_id: int, *, session: Session) -> None:
    """Serialise changes to one account's feeds (SQLite's writers are serialised already)."""
    session.execute(select(Account.id).where(Account.id == account_id).with_for_update())


def of_account(
    account_id: int, *, client_id: int | None, worker_id: int | None, session: Session
) -> CalendarFeed | None:
    """This account's feed of this client's visits (client_id) or of its own shifts (worker_id)."""
    query = select(CalendarFeed).where(
        CalendarFeed.account_id == account_id,
        CalendarFeed.client_id.is_(None) if client_id is None else CalendarFeed.client_id == client_id,
        CalendarFeed.worker_id.is_(None) if worker_id is None else CalendarFeed.worker_id == worker_id,
    )
    return session.scalar(query)


def remove(feed_id: int, *, session: Session) -> None:
    session.execute(delete(CalendarFeed).where(CalendarFeed.id == feed_id))


def visits(
    *, client_id: int | None, worker_id: int | None, start: datetime, end: datetime, session: Session
) -> list[NamedRow]:
    """The client's visits, or the worker's shifts, starting in [start, end), earliest first."""
    whose: ColumnElement[bool] = (
        Shift.client_id == client_id if worker_id is None else Shift.worker_id == worker_id
    )
    query = (
        select(
            Shift.id,
            Shift.starts_at,
            Shift.ends_at,
            Shift.status,
            Shift.version,
            Service.name.label("service"),
            Worker.first_name.label("worker_first_name"),
            Worker.preferred_name.label("worker_preferred_name"),
            Client.first_name.label("client_first_name"),
            Client.preferred_name.label("client_preferred_name"),
            Client.home_street,
            Client.home_suburb,
            Client.home_state,
            Client.home_postcode,
        )
        .join(Service, Service.id == Shift.service_id)
        .join(Client, Client.id == Shift.client_id)
        .outerjoin(Worker, Worker.id == Shift.worker_id)
        .where(whose, Shift.starts_at >= start, Shift.starts_at < end)
        .order_by(Shift.starts_at, Shift.id)
        .limit(MAX_VISITS)
    )
    return list(session.execute(query))
