"""The office's home screen: today's shifts and what needs someone's attention."""

from dataclasses import dataclass

from domain.accounts.access import Actor
from domain.agency.local_time import agency_today, day_bounds
from domain.errors import NotAllowed
from domain.vocabulary import ShiftStatus
from storage import db
from storage.queries import office as office_queries
from storage.queries import shifts as shift_queries


@dataclass(frozen=True)
class AddressToCheck:
    client_id: int
    client: str
    address: str


@dataclass(frozen=True)
class OfficeOverview:
    active_clients: int
    active_workers: int
    today_by_status: dict[ShiftStatus, int]
    addresses_to_check: tuple[AddressToCheck, ...]


def overview(actor: Actor) -> OfficeOverview:
    if not actor.is_staff:
        raise NotAllowed()
    start, end = day_bounds(agency_today())
    with db.read() as session:
        clients, workers = office_queries.active_counts(session=session)
        by_status = shift_queries.count_by_status_between(start, end, session=session)
        flagged = office_queries.addresses_to_check(session=session)
    return OfficeOverview(
        clients,
        workers,
        by_status,
        tuple(
            AddressToCheck(
                r.id, f"{r.first_name} {r.last_name}", f"{r.home_street}, {r.home_suburb} {r.home_postcode}"
            )
            for r in flagged
        ),
    )
