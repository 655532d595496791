"""The back office's reads of the catalogue: programs, services, competencies, characteristics,
Global and Program requirements, marketing groups and the reviews to moderate."""

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.vocabulary import RequirementLevel
from storage.models import (
    Characteristic,
    Client,
    Competency,
    MarketingGroup,
    Program,
    Requirement,
    Review,
    Service,
    Worker,
)
from storage.queries import NamedRow


def programs(*, session: Session) -> list[Program]:
    return list(session.scalars(select(Program).order_by(Program.name)))


def services(*, session: Session) -> list[Service]:
    return list(session.scalars(select(Service).order_by(Service.name)))


def competencies(*, session: Session) -> list[Competency]:
    return list(session.scalars(select(Competency).order_by(Competency.name)))


def characteristics(*, session: Session) -> list[Characteristic]:
    return list(session.scalars(select(Characteristic).order_by(Characteristic.kind, Characteristic.name)))


def groups(*, session: Session) -> list[MarketingGroup]:
    return list(session.scalars(select(MarketingGroup).order_by(MarketingGroup.name)))


def agency_requirements(*, session: Session) -> list[NamedRow]:
    return list(
        session.execute(
            select(
                Requirement.id,
                Requirement.level,
                Requirement.mandatory,
                Requirement.weight,
                Program.name.label("program"),
                Competency.name.label("competency"),
                Characteristic.name.label("characteristic"),
            )
            .outerjoin(Program, Program.id == Requirement.program_id)
            .outerjoin(Competency, Competency.id == Requirement.competency_id)
            .outerjoin(Characteristic, Characteristic.id == Requirement.characteristic_id)
            .where(Requirement.level.in_((RequirementLevel.GLOBAL, RequirementLevel.PROGRAM)))
            .order_by(Requirement.level, Program.name, Requirement.id)
        )
    )


def agency_requirement(requirement_id: int, *, session: Session) -> Requirement | None:
    return session.scalar(
        select(Requirement).where(
            Requirement.id == requirement_id,
            Requirement.level.in_((RequirementLevel.GLOBAL, RequirementLevel.PROGRAM)),
        )
    )


def reviews(*, limit: int, session: Session) -> list[NamedRow]:
    return list(
        session.execute(
            select(
                Review.id,
                Review.stars,
                Review.comment,
                Review.created_at,
                Review.hidden_reason,
                Worker.first_name.label("worker_first"),
                Worker.preferred_name.label("worker_preferred"),
                Worker.last_name.label("worker_last"),
                Client.first_name.label("client_first"),
                Client.last_name.label("client_last"),
            )
            .join(Worker, Worker.id == Review.worker_id)
            .outerjoin(Client, Client.id == Review.client_id)
            .order_by(Review.created_at.desc(), Review.id.desc())
            .limit(limit)
        )
    )


def review(review_id: int, *, session: Session) -> Review | None:
    return session.scalar(select(Review).where(Review.id == review_id).with_for_update())


def code_taken(
    model: type[Program] | type[Service] | type[Competency], code: str, *, session: Session
) -> bool:
    return session.scalar(select(model.id).where(func.lower(model.code) == code.lower())) is not None


def group_taken(name: str, *, session: Session) -> bool:
    return (
        session.scalar(select(MarketingGroup.id).where(func.lower(MarketingGroup.name) == name.lower()))
        is not None
    )
