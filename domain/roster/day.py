"""The Day Manager's day (DESIGN.md §1, roster department): one local day at a time, its unallocated
shifts, those held by a pending offer, and those allocated, filtered by what the roster officer looks
for. Roster officers and administrators only. A constant number of statements per day shown."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import InvalidInput
from domain.people import known_as
from domain.vocabulary import ShiftStatus
from storage.queries import NamedRow
from storage.queries import day_manager as queries

PAGE_SIZE = 50
MAX_SEARCH = 80


class Show(StrEnum):
    ALL = "all"
    UNALLOCATED = "unallocated"
    OFFERED = "offered"
    ALLOCATED = "allocated"


# Allocated includes the day's shifts that were already worked.
STATUSES: dict[Show, tuple[ShiftStatus, ...] | None] = {
    Show.ALL: None,
    Show.UNALLOCATED: (ShiftStatus.UNALLOCATED,),
    Show.OFFERED: (ShiftStatus.OFFERED,),
    Show.ALLOCATED: (
        ShiftStatus.ALLOCATED,
        ShiftStatus.COMPLETED,
        ShiftStatus.QUERIED,
        ShiftStatus.APPROVED,
        ShiftStatus.BILLED,
    ),
}


@dataclass(frozen=True)
class DayFilter:
    show: Show = Show.ALL
    service_id: int | None = None
    search: str = ""  # part of a client's or worker's name
    page: int = 1


@dataclass(frozen=True)
class DayShift:
    shift_id: int
    booking_number: str | None
    starts: datetime  # agency-local
    ends: datetime
    status: ShiftStatus
    client_id: int
    client: str
    suburb: str
    service: str
    worker_id: int | None
    worker: str | None
    offer_expires: datetime | None  # agency-local, while a pending offer holds the shift
    time_note: str | None
    notes: str
    worker_staff_number: str | None = None  # with the suburb, tells two workers of one name apart
    worker_suburb: str | None = None


@dataclass(frozen=True)
class Day:
    day: date
    filters: DayFilter
    shifts: tuple[DayShift, ...]
    counts: dict[Show, int]  # for the day and the service/search filters, whatever is shown
    services: tuple[tuple[int, str], ...]
    page: int
    pages: int


def day(actor: Actor, local_date: date, filters: DayFilter = DayFilter()) -> Day:
    access.require_role(actor, *access.ROSTER_ROLES)
    search = _search(filters.search)
    with action.reading(actor) as act:
        start, end = act.day_bounds(local_date)
        by_status = queries.counts(start, end, filters.service_id, search, session=act.session)
        counts = {show: _count(by_status, show) for show in Show}
        pages = max(1, -(-counts[filters.show] // PAGE_SIZE))
        page = min(max(filters.page, 1), pages)
        rows = queries.shifts(
            start,
            end,
            STATUSES[filters.show],
            filters.service_id,
            search,
            offset=(page - 1) * PAGE_SIZE,
            limit=PAGE_SIZE,
            session=act.session,
        )
        services = tuple((row.id, row.name) for row in queries.services(session=act.session))
        shifts = tuple(_shift(act, row) for row in rows)
    return Day(local_date, filters, shifts, counts, services, page, pages)


def _search(text: str) -> str:
    cleaned = " ".join(text.split())
    if len(cleaned) > MAX_SEARCH:
        raise InvalidInput({"search": f"Please search with at most {MAX_SEARCH} characters."})
    return cleaned


def _count(by_status: dict[ShiftStatus, int], show: Show) -> int:
    statuses = STATUSES[show]
    return sum(n for status, n in by_status.items() if statuses is None or status in statuses)


def _shift(act: Action, row: NamedRow) -> DayShift:
    worker = (
        known_as(row.worker_preferred_name, row.worker_first_name, row.worker_last_name)
        if row.worker_id is not None
        else None
    )
    return DayShift(
        shift_id=row.id,
        booking_number=row.booking_number,
        starts=act.local(row.starts_at),
        ends=act.local(row.ends_at),
        status=row.status,
        client_id=row.client_id,
        client=known_as(row.client_preferred_name, row.client_first_name, row.client_last_name),
        suburb=row.home_suburb,
        service=row.service,
        worker_id=row.worker_id,
        worker=worker,
        offer_expires=act.local(row.offer_expires_at) if row.offer_expires_at else None,
        time_note=row.time_note,
        notes=row.notes,
        worker_staff_number=row.worker_staff_number,
        worker_suburb=row.worker_suburb,
    )


@dataclass(frozen=True)
class WorkerIdentity:
    """What tells two workers of the same name apart on the Day Manager."""

    staff_number: str
    suburb: str

    def __str__(self) -> str:
        return f"{self.suburb}, {self.staff_number}"


def identities(actor: Actor, worker_ids: Sequence[int]) -> dict[int, WorkerIdentity]:
    """Roster/admin: each worker's staff number and home suburb."""
    access.require_role(actor, *access.ROSTER_ROLES)
    with action.reading(actor) as act:
        found = queries.worker_identities(worker_ids, session=act.session)
    return {id_: WorkerIdentity(number, suburb) for id_, (number, suburb) in found.items()}
