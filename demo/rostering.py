"""Generated bookings and their shifts: weeks of history and weeks ahead, never double-booking a worker."""

import math
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from domain.booking import making
from domain.pricing import bands, rates
from domain.vocabulary import BookingStatus, Recurrence, ServiceUnit, ShiftStatus
from storage.models import Booking, Shift

from .catalogue import SERVICES, Catalogue
from .clients import ClientSeed
from .people import WorkerSeed
from .prices import DEMO_STATE

START_TIMES = (8 * 60, 9 * 60, 10 * 60, 11 * 60, 13 * 60, 14 * 60, 15 * 60)
GRID_DEGREES = 0.05  # about 5 km: workers are bucketed so the nearest are found without scanning them all
UNITS = {code: unit for code, _n, _g, unit, *_ in SERVICES}
MINUTES = {code: minutes for code, _n, _g, _u, minutes, *_ in SERVICES}


@dataclass(frozen=True)
class Window:
    now: datetime
    today: date  # the agency-local date of `now`
    first: date  # first day with shifts
    last: date  # last day with shifts


class Roster:
    """Who is busy when, so no worker is ever given two overlapping shifts or too many hours."""

    def __init__(self, workers: list[WorkerSeed]) -> None:
        self.workers = {w.id: w for w in workers}
        self.busy: dict[tuple[int, date], list[tuple[int, int]]] = defaultdict(list)
        self.week_minutes: dict[tuple[int, int, int], int] = defaultdict(int)
        self.grid: dict[tuple[int, int], list[WorkerSeed]] = defaultdict(list)
        for worker in workers:
            self.grid[self._cell(worker.lat, worker.lon)].append(worker)

    @staticmethod
    def _cell(lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / GRID_DEGREES), math.floor(lon / GRID_DEGREES)

    def nearby(self, lat: float, lon: float, rings: int = 3) -> list[WorkerSeed]:
        row, col = self._cell(lat, lon)
        found = [
            w
            for dr in range(-rings, rings + 1)
            for dc in range(-rings, rings + 1)
            for w in self.grid.get((row + dr, col + dc), ())
        ]
        return sorted(found, key=lambda w: (w.lat - lat) ** 2 + (w.lon - lon) ** 2)

    def can_take(self, worker: WorkerSeed, dates: list[date], start: int, minutes: int, today: date) -> bool:
        window = worker.windows.get(dates[0].weekday())
        if window is None or not (window[0] <= start and start + minutes <= window[1]):
            return False
        for day in dates:
            if any(start < end and begin < start + minutes for begin, end in self.busy[(worker.id, day)]):
                return False
            week = day.isocalendar()
            if self.week_minutes[(worker.id, week.year, week.week)] + minutes > worker.max_minutes_per_week:
                return False
        return True

    def take(self, worker_id: int, day: date, start: int, minutes: int) -> None:
        self.busy[(worker_id, day)].append((start, start + minutes))
        week = day.isocalendar()
        self.week_minutes[(worker_id, week.year, week.week)] += minutes


def qualifies(worker: WorkerSeed, client: ClientSeed, service: str, today: date) -> bool:
    needed = {"police_check"} | client.mandatory | client.per_service.get(service, set())
    if client.program == "NDIS":
        needed.add("ndis_screening")
    if service == "nursing":
        needed.add("registered_nurse")
    if service == "physio":
        needed.add("physiotherapist")
    if client.female_only and worker.gender != "female":
        return False
    return all(
        code in worker.competencies and (worker.competencies[code] or today) >= today for code in needed
    )


def occurrence_dates(first: date, last: date, recurrence: Recurrence) -> list[date]:
    step = {Recurrence.WEEKLY: 7, Recurrence.FORTNIGHTLY: 14, Recurrence.FOUR_WEEKLY: 28}.get(recurrence)
    if step is None:
        return [first] if first <= last else []
    return [first + timedelta(days=n) for n in range(0, (last - first).days + 1, step)]


def plan_bookings(
    rng: random.Random,
    catalogue: Catalogue,
    clients: list[ClientSeed],
    roster: Roster,
    window: Window,
    zone: ZoneInfo,
    *,
    bookings_per_client: tuple[int, int] = (1, 3),
    visits_per_service: tuple[int, int] = (1, 1),
    created_at: datetime,
) -> tuple[list[dict], list[list[dict]]]:
    """Booking rows and, for each, its shift rows (without booking ids yet). `visits_per_service`
    books one service on several weekdays (a booking each), for the large benchmark agencies."""
    bookings: list[dict] = []
    shift_lists: list[list[dict]] = []
    for client in clients:
        services = rng.sample(client.approved, min(len(client.approved), rng.randint(*bookings_per_client)))
        for approved_id, service in [s for s in services for _ in range(_repeats(rng, visits_per_service))]:
            recurrence = rng.choices(
                (Recurrence.WEEKLY, Recurrence.FORTNIGHTLY, Recurrence.ONCE), (70, 20, 10)
            )[0]
            weekday = rng.randrange(0, 6)
            start = rng.choice(START_TIMES)
            minutes = (
                MINUTES[service] if UNITS[service] == ServiceUnit.EACH else rng.choice((60, 90, 120, 180))
            )
            minutes = min(minutes, 20 * 60 - start) if service != "overnight" else minutes
            if service == "overnight":
                start = 21 * 60
            if recurrence == Recurrence.ONCE:
                first = window.today + timedelta(days=rng.randint(2, (window.last - window.today).days))
            else:
                first = window.first + timedelta(days=(weekday - window.first.weekday()) % 7)
            dates = occurrence_dates(first, window.last, recurrence)
            if not dates:
                continue
            candidates = roster.nearby(client.lat, client.lon)[:60]
            if client.prefer_worker_id is not None:
                candidates.insert(0, roster.workers[client.prefer_worker_id])
            worker = next(
                (
                    w
                    for w in candidates
                    if qualifies(w, client, service, window.today)
                    and roster.can_take(w, dates, start, minutes, window.today)
                ),
                None,
            )
            if worker is None:  # nobody fits: a fresh request the roster department has yet to fill
                dates = [d for d in dates if d > window.today] or dates[-1:]
            bookings.append(
                {
                    "number": f"planned-{len(bookings) + 1}",  # numbered from its id once inserted
                    "client_id": client.id,
                    "approved_service_id": approved_id,
                    "service_id": catalogue.services[service],
                    "package_id": client.package.id,
                    "first_date": dates[0],
                    "start_time": time(start // 60, start % 60),
                    "duration_minutes": minutes,
                    "recurrence": recurrence,
                    "ends_on": None,
                    "nominated_worker_id": None,
                    "uses_own_preferences": False,
                    "notes": "",
                    "status": BookingStatus.ALLOCATED if worker else BookingStatus.UNALLOCATED,
                    "generated_until": window.last,
                    "created_at": created_at,
                    "requested_by_account_id": None,
                }
            )
            shift_lists.append(
                _shifts(
                    catalogue,
                    client,
                    service,
                    worker,
                    roster,
                    dates,
                    start,
                    minutes,
                    window,
                    zone,
                    created_at,
                )
            )
    return bookings, shift_lists


def _repeats(rng: random.Random, visits: tuple[int, int]) -> int:
    """How many weekly bookings of one service; (1, 1) draws nothing, so the demo agency stays as it was."""
    return 1 if visits == (1, 1) else rng.randint(*visits)


def _shifts(
    catalogue: Catalogue,
    client: ClientSeed,
    service: str,
    worker: WorkerSeed | None,
    roster: Roster,
    dates: list[date],
    start: int,
    minutes: int,
    window: Window,
    zone: ZoneInfo,
    created_at: datetime,
) -> list[dict]:
    rows = []
    units = minutes * 100 // 60 if UNITS[service] == ServiceUnit.HOUR else 100
    for day in dates:
        starts = datetime.combine(day, time(start // 60, start % 60), zone).astimezone(UTC)
        ends = starts + timedelta(minutes=minutes)
        assigned = worker
        if worker and day > window.today and any(a < ends and starts < b for a, b in worker.leave):
            assigned = None  # the regular worker is on leave: this one waits for the roster department
        if assigned:
            roster.take(assigned.id, day, start, minutes)
        status = _status(ends, window, assigned is not None)
        done = status in (ShiftStatus.COMPLETED, ShiftStatus.APPROVED, ShiftStatus.BILLED)
        rows.append(
            {
                "occurrence_date": day,
                "client_id": client.id,
                "worker_id": assigned.id if assigned else None,
                "service_id": catalogue.services[service],
                "program_id": catalogue.programs[client.program],
                "package_id": client.package.id,
                "starts_at": starts,
                "ends_at": ends,
                "time_note": None,
                "status": status,
                "lat": client.lat,
                "lon": client.lon,
                "bill_units": units,
                "bill_rate_cents": _rate(catalogue, client.program, service, starts, ends, zone, assigned),
                "bill_to": "package",
                "notes": "",
                "completed_at": ends if done else None,
                "approved_at": ends + timedelta(days=2)
                if status in (ShiftStatus.APPROVED, ShiftStatus.BILLED)
                else None,
                "billed_at": ends + timedelta(days=3) if status == ShiftStatus.BILLED else None,
                "created_at": created_at,
            }
        )
    return rows


def _rate(
    catalogue: Catalogue,
    program: str,
    service: str,
    starts: datetime,
    ends: datetime,
    zone: ZoneInfo,
    worker: WorkerSeed | None,
) -> int:
    """The rate the portal's pricing would store: the band of the visit, the worker's level."""
    band = bands.band_of_visit(starts, ends, zone, DEMO_STATE)
    level = worker.charge_level if worker else None
    return rates.bill_rate(catalogue.rates[(program, service)], band, level) or 0


def _status(ends: datetime, window: Window, allocated: bool) -> ShiftStatus:
    """Done work is approved after a week and billed after a fortnight; what lies ahead is rostered or not."""
    if ends > window.now:
        return ShiftStatus.ALLOCATED if allocated else ShiftStatus.UNALLOCATED
    age_days = (window.now - ends).days
    if age_days > 14:
        return ShiftStatus.BILLED
    return ShiftStatus.APPROVED if age_days > 7 else ShiftStatus.COMPLETED


def insert_bookings(
    session: Session, bookings: list[dict], shift_lists: list[list[dict]], chunk: int = 20_000
) -> list[dict]:
    """Insert bookings then their shifts; returns every shift row with its id and booking id."""
    ids = list(session.scalars(insert(Booking).returning(Booking.id, sort_by_parameter_order=True), bookings))
    # Numbered as the portal numbers a booking (from its id), so the demo's read like the rest.
    session.execute(update(Booking), [{"id": i, "number": making.number(i)} for i in ids])
    shifts = [
        row | {"booking_id": booking_id}
        for booking_id, rows in zip(ids, shift_lists, strict=True)
        for row in rows
    ]
    for offset in range(0, len(shifts), chunk):
        part = shifts[offset : offset + chunk]
        for row, shift_id in zip(
            part,
            session.scalars(insert(Shift).returning(Shift.id, sort_by_parameter_order=True), part),
            strict=True,
        ):
            row["id"] = shift_id
    return shifts
