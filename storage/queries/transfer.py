"""Import and export of workers: everything read in a few statements, written in bulk (a
multi-row INSERT per thousand rows on both databases, never a statement per row)."""

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, TypeVar, cast

from sqlalchemy import FromClause, Table, delete, insert, select, update
from sqlalchemy.orm import Session

from storage.models import (
    ApprovedService,
    AvailabilityWindow,
    Client,
    Competency,
    FundingPackage,
    Service,
    Worker,
    WorkerCompetency,
)

T = TypeVar("T")
CHUNK = 1000  # ids per IN list, well inside every database's limit on parameters
# The worker's columns an import writes (and an export reads).
WORKER_FIELDS = (
    "first_name",
    "last_name",
    "preferred_name",
    "gender",
    "date_of_birth",
    "mobile_phone",
    "email",
    "home_street",
    "home_suburb",
    "home_state",
    "home_postcode",
    "charge_rate_cents",
    "max_hours_per_week",
    "rating",
    "started_on",
    "active",
)
POSITION_FIELDS = ("home_lat", "home_lon", "home_geocode")


def competency_codes(*, session: Session) -> dict[str, int]:
    return {code: id_ for id_, code in session.execute(select(Competency.id, Competency.code))}


def retired_competency_codes(*, session: Session) -> frozenset[str]:
    return frozenset(session.scalars(select(Competency.code).where(Competency.active.is_(False))))


def workers(*, session: Session) -> dict[str, dict[str, Any]]:
    """Every worker by staff number: id, the imported fields and the position."""
    columns = [getattr(Worker, name) for name in ("id", "staff_number", *WORKER_FIELDS, *POSITION_FIELDS)]
    return {row.staff_number: dict(row._mapping) for row in session.execute(select(*columns))}


def held(*, session: Session) -> dict[int, tuple[tuple[str, date | None], ...]]:
    found: dict[int, list[tuple[str, date | None]]] = defaultdict(list)
    rows = session.execute(
        select(WorkerCompetency.worker_id, Competency.code, WorkerCompetency.expires_on).join(
            Competency, Competency.id == WorkerCompetency.competency_id
        )
    )
    for worker_id, code, expires in rows:
        found[worker_id].append((code, expires))
    return {worker_id: tuple(sorted(items)) for worker_id, items in found.items()}


def windows(*, session: Session) -> dict[int, tuple[tuple[int, int, int], ...]]:
    found: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    rows = session.execute(
        select(
            AvailabilityWindow.worker_id,
            AvailabilityWindow.weekday,
            AvailabilityWindow.start_minute,
            AvailabilityWindow.end_minute,
        )
    )
    for worker_id, weekday, start, end in rows:
        found[worker_id].append((weekday, start, end))
    return {worker_id: tuple(sorted(items)) for worker_id, items in found.items()}


def add_workers(rows: Sequence[Mapping[str, Any]], *, session: Session) -> dict[str, int]:
    """Insert the new workers in bulk; their ids by staff number."""
    ids = _insert(Worker.__table__, rows, session=session)
    return {row["staff_number"]: id_ for row, id_ in zip(rows, ids, strict=True)}


def change_workers(rows: Sequence[Mapping[str, Any]], *, session: Session) -> None:
    """Update workers by id in bulk (each row names its id)."""
    if rows:
        session.execute(update(Worker), list(rows))


def replace_held(worker_ids: Sequence[int], rows: Sequence[Mapping[str, Any]], *, session: Session) -> None:
    for part in _chunks(worker_ids):
        session.execute(delete(WorkerCompetency).where(WorkerCompetency.worker_id.in_(part)))
    _insert(WorkerCompetency.__table__, rows, session=session)


def replace_windows(
    worker_ids: Sequence[int], rows: Sequence[Mapping[str, Any]], *, session: Session
) -> None:
    for part in _chunks(worker_ids):
        session.execute(delete(AvailabilityWindow).where(AvailabilityWindow.worker_id.in_(part)))
    _insert(AvailabilityWindow.__table__, rows, session=session)


def _insert(table: FromClause, rows: Sequence[Mapping[str, Any]], *, session: Session) -> list[int]:
    """The rows' new ids, in the rows' order. With RETURNING, SQLAlchemy sends a thousand rows per
    INSERT ... VALUES statement ("insertmanyvalues"), compiled once; a plain executemany would be
    a statement per row on PostgreSQL, each firing the workforce stamp's statement trigger."""
    if not rows:
        return []
    found = session.execute(
        insert(cast(Table, table)).returning(table.c.id, sort_by_parameter_order=True), list(rows)
    )
    return [id_ for (id_,) in found]


def _chunks(items: Iterable[T]) -> Iterable[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


CLIENT_FIELDS = (
    "title",
    "first_name",
    "last_name",
    "preferred_name",
    "gender",
    "date_of_birth",
    "home_phone",
    "mobile_phone",
    "email",
    "home_street",
    "home_suburb",
    "home_state",
    "home_postcode",
    "language",
    "interpreter_needed",
    "active",
)


def clients(*, session: Session) -> dict[str, dict[str, Any]]:
    """Every client by client number: id, the imported fields and the position."""
    columns = [getattr(Client, name) for name in ("id", "client_number", *CLIENT_FIELDS, *POSITION_FIELDS)]
    return {row.client_number: dict(row._mapping) for row in session.execute(select(*columns))}


def add_clients(rows: Sequence[Mapping[str, Any]], *, session: Session) -> None:
    _insert(Client.__table__, rows, session=session)


def change_clients(rows: Sequence[Mapping[str, Any]], *, session: Session) -> None:
    if rows:
        session.execute(update(Client), list(rows))


def packages_by_reference(*, session: Session) -> dict[str, int]:
    return {
        reference: id_
        for id_, reference in session.execute(select(FundingPackage.id, FundingPackage.reference))
    }


def services_by_code(*, session: Session) -> dict[str, int]:
    return {code: id_ for id_, code in session.execute(select(Service.id, Service.code))}


def approved(*, session: Session) -> list[dict[str, Any]]:
    """Every approved service with its package's reference and its service's code."""
    rows = session.execute(
        select(
            ApprovedService.id,
            ApprovedService.package_id,
            ApprovedService.service_id,
            FundingPackage.reference.label("package_reference"),
            Service.code.label("service_code"),
            ApprovedService.units_per_period,
            ApprovedService.period,
            ApprovedService.rate_cents,
            ApprovedService.notes,
        )
        .join(FundingPackage, FundingPackage.id == ApprovedService.package_id)
        .join(Service, Service.id == ApprovedService.service_id)
        .order_by(FundingPackage.reference, Service.code)
    )
    return [dict(row._mapping) for row in rows]


def add_approved(rows: Sequence[Mapping[str, Any]], *, session: Session) -> None:
    _insert(ApprovedService.__table__, rows, session=session)


def change_approved(rows: Sequence[Mapping[str, Any]], *, session: Session) -> None:
    if rows:
        session.execute(update(ApprovedService), list(rows))
