"""Figures for the office's home screen."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.vocabulary import GeocodeStatus
from storage.models import Client, Worker
from storage.queries import NamedRow


def active_counts(*, session: Session) -> tuple[int, int]:
    clients = session.scalar(select(func.count()).select_from(Client).where(Client.active.is_(True))) or 0
    workers = session.scalar(select(func.count()).select_from(Worker).where(Worker.active.is_(True))) or 0
    return clients, workers


def addresses_to_check(*, session: Session) -> list[NamedRow]:
    """Clients whose home address could not be placed on the map."""
    return list(
        session.execute(
            select(
                Client.id,
                Client.first_name,
                Client.last_name,
                Client.home_street,
                Client.home_suburb,
                Client.home_postcode,
            )
            .where(Client.home_geocode == GeocodeStatus.NOT_FOUND, Client.active.is_(True))
            .order_by(Client.last_name)
        )
    )
