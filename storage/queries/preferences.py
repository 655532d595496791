"""A client's own preferences: the PREFERENCE-level requirements, preferred and blocked workers, and
the competencies and characteristics a preference may name; the agency's requirements for the client
(Global, Program, Client, Client-Service), and the workers of the client's past visits."""

from sqlalchemy import and_, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from domain.vocabulary import ClientWorkerRelation, RequirementLevel, ShiftStatus
from storage.models import (
    ApprovedService,
    Characteristic,
    ClientWorker,
    Competency,
    FundingPackage,
    Program,
    Requirement,
    Service,
    Shift,
    Worker,
)
from storage.queries import NamedRow

PAST_VISIT = (ShiftStatus.COMPLETED, ShiftStatus.QUERIED, ShiftStatus.APPROVED, ShiftStatus.BILLED)


def wishes(client_id: int, *, session: Session) -> list[NamedRow]:
    """The client's preference rows with the name and kind of what each one asks for."""
    return list(
        session.execute(
            select(
                Requirement.competency_id,
                Requirement.characteristic_id,
                Requirement.mandatory,
                Requirement.weight,
                Competency.name.label("competency"),
                Competency.kind.label("competency_kind"),
                Characteristic.name.label("characteristic"),
                Characteristic.kind.label("characteristic_kind"),
            )
            .outerjoin(Competency, Competency.id == Requirement.competency_id)
            .outerjoin(Characteristic, Characteristic.id == Requirement.characteristic_id)
            .where(Requirement.level == RequirementLevel.PREFERENCE, Requirement.client_id == client_id)
            .order_by(Requirement.mandatory.desc(), Requirement.id)
        )
    )


def workers(client_id: int, *, session: Session) -> list[NamedRow]:
    """The client's preferred and blocked workers, by name."""
    return list(
        session.execute(
            select(
                ClientWorker.worker_id,
                ClientWorker.relation,
                ClientWorker.note,
                Worker.first_name,
                Worker.preferred_name,
                Worker.last_name,
            )
            .join(Worker, Worker.id == ClientWorker.worker_id)
            .where(ClientWorker.client_id == client_id)
            .order_by(Worker.last_name, Worker.first_name)
        )
    )


def competencies(*, session: Session) -> list[Competency]:
    return list(session.scalars(select(Competency).order_by(Competency.kind, Competency.name)))


def characteristics(*, session: Session) -> list[Characteristic]:
    return list(session.scalars(select(Characteristic).order_by(Characteristic.kind, Characteristic.name)))


def replace_wishes(client_id: int, rows: list[dict[str, int | bool | None]], *, session: Session) -> None:
    """The client's preference rows become exactly `rows` (competency_id, characteristic_id,
    mandatory, weight)."""
    session.execute(
        delete(Requirement).where(
            Requirement.level == RequirementLevel.PREFERENCE, Requirement.client_id == client_id
        )
    )
    if rows:
        session.execute(
            insert(Requirement),
            [{**row, "level": RequirementLevel.PREFERENCE, "client_id": client_id} for row in rows],
        )


def agency_requirements(client_id: int, *, session: Session) -> list[NamedRow]:
    """The Global, Program (the programs of the client's active packages), Client and Client-Service
    requirements that apply to the client, each with its level, scope name and item name."""
    programs = select(FundingPackage.program_id).where(
        FundingPackage.client_id == client_id, FundingPackage.active.is_(True)
    )
    return list(
        session.execute(
            select(
                Requirement.level,
                Requirement.mandatory,
                Requirement.weight,
                Program.name.label("program"),
                Service.id.label("service_id"),
                Service.name.label("service"),
                Competency.name.label("competency"),
                Competency.kind.label("competency_kind"),
                Characteristic.name.label("characteristic"),
                Characteristic.kind.label("characteristic_kind"),
            )
            .outerjoin(Program, Program.id == Requirement.program_id)
            .outerjoin(Service, Service.id == Requirement.service_id)
            .outerjoin(Competency, Competency.id == Requirement.competency_id)
            .outerjoin(Characteristic, Characteristic.id == Requirement.characteristic_id)
            .where(
                or_(
                    Requirement.level == RequirementLevel.GLOBAL,
                    and_(Requirement.level == RequirementLevel.PROGRAM, Requirement.program_id.in_(programs)),
                    and_(
                        Requirement.level.in_((RequirementLevel.CLIENT, RequirementLevel.CLIENT_SERVICE)),
                        Requirement.client_id == client_id,
                    ),
                )
            )
            .order_by(
                Requirement.level, Program.name, Service.name, Requirement.mandatory.desc(), Requirement.id
            )
        )
    )


def services(client_id: int, *, session: Session) -> list[NamedRow]:
    """The services the client is approved for (any active package), by name."""
    return list(
        session.execute(
            select(Service.id, Service.name)
            .join(ApprovedService, ApprovedService.service_id == Service.id)
            .join(FundingPackage, FundingPackage.id == ApprovedService.package_id)
            .where(FundingPackage.client_id == client_id, FundingPackage.active.is_(True))
            .distinct()
            .order_by(Service.name)
        )
    )


def past_visit_workers(client_id: int, limit: int, *, session: Session) -> list[NamedRow]:
    """The workers of the client's past visits, the most recent first, with their last visit."""
    last = func.max(Shift.starts_at).label("last_visit")
    return list(
        session.execute(
            select(
                Worker.id.label("worker_id"), Worker.first_name, Worker.preferred_name, Worker.last_name, last
            )
            .join(Shift, Shift.worker_id == Worker.id)
            .where(Shift.client_id == client_id, Shift.status.in_(PAST_VISIT))
            .group_by(Worker.id, Worker.first_name, Worker.preferred_name, Worker.last_name)
            .order_by(last.desc(), Worker.id)
            .limit(limit)
        )
    )


def worker(worker_id: int, *, session: Session) -> NamedRow | None:
    return session.execute(
        select(Worker.id, Worker.first_name, Worker.preferred_name, Worker.last_name).where(
            Worker.id == worker_id
        )
    ).first()


def relation(client_id: int, worker_id: int, *, session: Session) -> ClientWorker | None:
    return session.get(ClientWorker, (client_id, worker_id))


def set_relation(
    client_id: int, worker_id: int, relation: ClientWorkerRelation, note: str, *, session: Session
) -> None:
    found = session.get(ClientWorker, (client_id, worker_id))
    if found is None:
        session.add(ClientWorker(client_id=client_id, worker_id=worker_id, relation=relation, note=note))
    else:
        found.relation, found.note = relation, note


def drop_relation(client_id: int, worker_id: int, *, session: Session) -> None:
    session.execute(
        delete(ClientWorker).where(ClientWorker.client_id == client_id, ClientWorker.worker_id == worker_id)
    )
