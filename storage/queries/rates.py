"""The agency's rates: every rate of the services asked for, and the administrators' rate table."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from domain.vocabulary import TimeBand
from storage.models import Program, Service, ServiceRate, Worker


@dataclass(frozen=True)
class RateRow:
    service_id: int
    program_id: int
    time_band: TimeBand
    charge_level: int
    rate_cents: int


def rates_of(pairs: Iterable[tuple[int, int]], *, session: Session) -> list[RateRow]:
    """Every rate of the (service id, program id) pairs, in one statement."""
    wanted = set(pairs)
    if not wanted:
        return []
    service_ids = {service for service, _ in wanted}
    rows = session.execute(
        select(
            ServiceRate.service_id,
            ServiceRate.program_id,
            ServiceRate.time_band,
            ServiceRate.charge_level,
            ServiceRate.rate_cents,
        ).where(ServiceRate.service_id.in_(service_ids))
    )
    return [RateRow(*row) for row in rows if (row[0], row[1]) in wanted]


def all_rates(*, session: Session) -> list[RateRow]:
    return [
        RateRow(*row)
        for row in session.execute(
            select(
                ServiceRate.service_id,
                ServiceRate.program_id,
                ServiceRate.time_band,
                ServiceRate.charge_level,
                ServiceRate.rate_cents,
            )
        )
    ]


def services_and_programs(*, session: Session) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The active services and programs, by name, as (id, name)."""
    services = session.execute(select(Service.id, Service.name).where(Service.active).order_by(Service.name))
    programs = session.execute(select(Program.id, Program.name).where(Program.active).order_by(Program.name))
    return [(i, n) for i, n in services], [(i, n) for i, n in programs]


def replace_rates(service_id: int, program_id: int, rows: Iterable[RateRow], *, session: Session) -> None:
    """The service's rates under the program become exactly `rows`."""
    session.execute(
        delete(ServiceRate).where(ServiceRate.service_id == service_id, ServiceRate.program_id == program_id)
    )
    session.flush()
    session.add_all(
        ServiceRate(
            service_id=service_id,
            program_id=program_id,
            time_band=row.time_band,
            charge_level=row.charge_level,
            rate_cents=row.rate_cents,
        )
        for row in rows
    )
    session.flush()


def worker_levels(worker_ids: Iterable[int], *, session: Session) -> dict[int, int | None]:
    ids = list(set(worker_ids))
    if not ids:
        return {}
    rows = session.execute(select(Worker.id, Worker.charge_level).where(Worker.id.in_(ids)))
    return {worker_id: level for worker_id, level in rows}
