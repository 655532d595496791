"""A client's own preferences: the PREFERENCE-level requirements, preferred and blocked workers, and
the competencies and characteristics a preference may name."""

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from domain.vocabulary import RequirementLevel
from storage.models import Characteristic, ClientWorker, Competency, Requirement, Worker
from storage.queries import NamedRow


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
