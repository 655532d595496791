"""Generate a whole agency of any size, deterministically: the demo agency and the benchmark agencies."""

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert, update
from sqlalchemy.orm import Session

from domain.vocabulary import ClientWorkerRelation, Role, ShiftStatus
from storage.models import Account, ClientWorker, Review, Service, Shift, ShiftQuery

from .catalogue import seed_catalogue
from .clients import ClientSeed, seed_clients
from .ledger import seed_ledger
from .missed_visits import miss_some_visits
from .people import WorkerSeed, seed_workers
from .rostering import Roster, Window, insert_bookings, plan_bookings

ZONE = ZoneInfo("Australia/Sydney")
REVIEW_COMMENTS = (
    "Always on time and so patient with me.",
    "Lovely to talk to, and the house was spotless.",
    "Knew exactly how to help with the hoist. I felt safe.",
    "Very kind. Took me to the shops and waited.",
    "Good, but arrived a little late.",
    "Respectful and cheerful. My daughter says thank you too.",
)


@dataclass(frozen=True)
class AgencySpec:
    clients: int = 60
    workers: int = 150
    weeks_past: int = 8
    weeks_future: int = 4
    bookings_per_client: tuple[int, int] = (1, 3)
    visits_per_service: tuple[int, int] = (1, 1)  # bookings of one service on different weekdays
    portraits: bool = True
    seed: int = 20_261_127
    staff: tuple[dict, ...] = ()  # accounts created before anyone else: admin, roster, case managers
    fixed_workers: tuple[dict, ...] = ()
    fixed_clients: tuple[dict, ...] = ()
    preferred: dict[int, int] = field(default_factory=dict)  # fixed client index -> fixed worker index


@dataclass(frozen=True)
class GeneratedAgency:
    clients: list[ClientSeed]
    workers: list[WorkerSeed]
    bookings: int
    shifts: int
    accounts: dict[str, int]  # e-mail -> account id, for the staff and persona accounts


def generate(
    session: Session, spec: AgencySpec, *, now: datetime, hash_password: Callable[[str], str] | None = None
) -> GeneratedAgency:
    """Fill an empty database. `now` fixes "today", so the same spec and day give the same agency."""
    rng = random.Random(spec.seed)
    today = now.astimezone(ZONE).date()
    first = today - timedelta(weeks=spec.weeks_past)
    catalogue = seed_catalogue(session, now=now)
    accounts = _staff_accounts(session, spec.staff, hash_password, now)
    case_managers: list[int | None] = [
        accounts[s["email"]] for s in spec.staff if s["role"] == Role.CASE_MANAGER
    ] or [None]
    workers = seed_workers(
        session,
        rng,
        catalogue,
        spec.workers,
        today,
        ZONE,
        portraits=spec.portraits,
        fixed=list(spec.fixed_workers),
    )
    clients = seed_clients(
        session,
        rng,
        catalogue,
        spec.clients,
        today,
        portraits=spec.portraits,
        case_managers=case_managers,
        fixed=list(spec.fixed_clients),
        history_from=first,
    )
    for client_index, worker_index in spec.preferred.items():
        clients[client_index].prefer_worker_id = workers[worker_index].id
    window = Window(
        now=now,
        today=today,
        first=first,
        last=today + timedelta(weeks=spec.weeks_future),
    )
    bookings, shift_lists = plan_bookings(
        rng,
        catalogue,
        clients,
        Roster(workers),
        window,
        ZONE,
        bookings_per_client=spec.bookings_per_client,
        visits_per_service=spec.visits_per_service,
        created_at=now,
    )
    _cancel_some(rng, shift_lists, now)
    shifts = insert_bookings(session, bookings, shift_lists)
    _relations_and_reviews(session, rng, clients, workers, shifts, now)
    # After the reviews, which draw from rng: missing visits leaves the rest of the agency as it was.
    miss_some_visits(session, clients, shifts, today)
    services = {s.id: (s.code, s.name) for s in session.query(Service)}
    seed_ledger(
        session,
        clients,
        shifts,
        {i: code for i, (code, _) in services.items()},
        {code: name for code, name in services.values()},
        today,
    )
    accounts |= _persona_accounts(session, spec, clients, workers, hash_password, now)
    _worker_accounts(session, workers, now)
    return GeneratedAgency(clients, workers, len(bookings), len(shifts), accounts)


def _staff_accounts(
    session: Session, staff: tuple[dict, ...], hash_password: Callable[[str], str] | None, now: datetime
) -> dict[str, int]:
    ids = {}
    for person in staff:
        account = Account(
            created_at=now,
            email=person["email"],
            display_name=person["name"],
            role=person["role"],
            password_hash=hash_password(person["password"])
            if hash_password and "password" in person
            else None,
        )
        session.add(account)
        session.flush()
        ids[account.email] = account.id
    return ids


def _persona_accounts(
    session: Session,
    spec: AgencySpec,
    clients: list[ClientSeed],
    workers: list[WorkerSeed],
    hash_password: Callable[[str], str] | None,
    now: datetime,
) -> dict[str, int]:
    ids = {}
    people: list[tuple[dict, Role, int | None, int | None, str]] = [
        (given, Role.CLIENT, clients[i].id, None, clients[i].name)
        for i, given in enumerate(spec.fixed_clients)
    ]
    people += [
        (given, Role.WORKER, None, workers[i].id, workers[i].name)
        for i, given in enumerate(spec.fixed_workers)
    ]
    for given, role, client_id, worker_id, name in people:
        if "login" not in given:
            continue
        account = Account(
            created_at=now,
            email=given["login"],
            display_name=name,
            role=role,
            client_id=client_id,
            worker_id=worker_id,
            password_hash=hash_password(given["password"]) if hash_password else None,
        )
        session.add(account)
        session.flush()
        ids[account.email] = account.id
    return ids


def _worker_accounts(session: Session, workers: list[WorkerSeed], now: datetime) -> None:
    """Every other worker has an account waiting for them to accept their invitation."""
    taken = {row.worker_id for row in session.query(Account.worker_id).filter(Account.worker_id.isnot(None))}
    rows = [
        {
            "email": f"w{w.id:05d}@workers.example.com",
            "display_name": w.name,
            "role": Role.WORKER,
            "worker_id": w.id,
            "password_hash": None,
            "created_at": now,
        }
        for w in workers
        if w.id not in taken
    ]
    if rows:
        session.execute(insert(Account), rows)


def _cancel_some(rng: random.Random, shift_lists: list[list[dict]], now: datetime) -> None:
    """A few shifts were cancelled by the client with plenty of notice (no fee)."""
    for rows in shift_lists:
        for row in rows:
            if row["worker_id"] is not None and rng.random() < 0.015:
                row.update(
                    status=ShiftStatus.CANCELLED,
                    cancelled_at=row["starts_at"] - timedelta(days=10),
                    cancel_band="with_notice",
                    cancel_reason="NSDO",
                    cancel_fee_cents=0,
                    completed_at=None,
                    approved_at=None,
                    billed_at=None,
                )
    for rows in shift_lists:
        for row in rows:
            row.setdefault("cancelled_at", None)
            for key in ("cancel_band", "cancel_reason", "cancel_fee_cents"):
                row.setdefault(key, None)


def _relations_and_reviews(
    session: Session,
    rng: random.Random,
    clients: list[ClientSeed],
    workers: list[WorkerSeed],
    shifts: list[dict],
    now: datetime,
) -> None:
    regular: dict[int, Counter[int]] = {}
    for shift in shifts:
        if shift["worker_id"] is not None:
            regular.setdefault(shift["client_id"], Counter())[shift["worker_id"]] += 1
    relations = []
    for client in clients:
        usual = regular.get(client.id)
        if usual and (client.prefer_worker_id or rng.random() < 0.3):
            relations.append(
                {
                    "client_id": client.id,
                    "worker_id": usual.most_common(1)[0][0],
                    "relation": ClientWorkerRelation.PREFERRED,
                    "note": "",
                }
            )
        if rng.random() < 0.08:
            blocked = rng.choice(workers)
            if not usual or blocked.id not in usual:
                relations.append(
                    {
                        "client_id": client.id,
                        "worker_id": blocked.id,
                        "relation": ClientWorkerRelation.BLOCKED,
                        "note": "Client asked not to see again",
                    }
                )
    if relations:
        session.execute(insert(ClientWorker), relations)
    reviews = [
        {
            "worker_id": s["worker_id"],
            "client_id": s["client_id"],
            "stars": rng.choices((3, 4, 5), (1, 3, 6))[0],
            "comment": rng.choice(REVIEW_COMMENTS),
            "created_at": s["ends_at"] + timedelta(hours=3),
        }
        for s in shifts
        if s["status"] == ShiftStatus.BILLED and rng.random() < 0.05
    ]
    if reviews:
        session.execute(insert(Review), reviews)


def raise_query(session: Session, client_id: int, message: str, now: datetime) -> int | None:
    """Turn the client's latest completed shift into a queried one."""
    shift = (
        session.query(Shift)
        .filter(Shift.client_id == client_id, Shift.status == ShiftStatus.COMPLETED)
        .order_by(Shift.starts_at.desc())
        .first()
    )
    if shift is None:
        return None
    session.execute(update(Shift).where(Shift.id == shift.id).values(status=ShiftStatus.QUERIED))
    session.add(
        ShiftQuery(
            shift_id=shift.id,
            message=message,
            raised_at=shift.ends_at + timedelta(hours=5),
            raised_by_account_id=None,
        )
    )
    return shift.id
