"""The back office's reads and writes of client records: the list, one client's packages, approved
services and requirements, and the choices the forms offer."""

from sqlalchemy import Row, func, or_, select
from sqlalchemy.orm import Session

from domain.vocabulary import CarerAccess, ProgramKind, RequirementLevel, Role
from storage.models import (
    Account,
    ApprovedService,
    CarerLink,
    Characteristic,
    Client,
    Competency,
    FundingPackage,
    MarketingGroup,
    PackageBudget,
    Program,
    Requirement,
    Service,
)
from storage.queries import NamedRow


def clients(search: str, *, limit: int, session: Session) -> list[NamedRow]:
    query = select(
        Client.id,
        Client.client_number,
        Client.first_name,
        Client.preferred_name,
        Client.last_name,
        Client.home_suburb,
        Client.home_geocode,
        Client.active,
    )
    for word in search.split():
        pattern = f"%{word.lower()}%"
        query = query.where(
            or_(
                func.lower(Client.first_name).like(pattern),
                func.lower(Client.last_name).like(pattern),
                func.lower(func.coalesce(Client.preferred_name, "")).like(pattern),
                func.lower(Client.client_number).like(pattern),
                func.lower(Client.home_suburb).like(pattern),
            )
        )
    return list(session.execute(query.order_by(Client.last_name, Client.first_name, Client.id).limit(limit)))


def client_number_taken(number: str, *, besides: int | None, session: Session) -> bool:
    query = select(Client.id).where(func.lower(Client.client_number) == number.lower())
    if besides is not None:
        query = query.where(Client.id != besides)
    return session.scalar(query.limit(1)) is not None


def packages(client_id: int, *, session: Session) -> list[NamedRow]:
    return list(
        session.execute(
            select(
                FundingPackage.id,
                FundingPackage.reference,
                FundingPackage.level,
                FundingPackage.starts_on,
                FundingPackage.ends_on,
                FundingPackage.budget_cents,
                FundingPackage.contribution_pct,
                FundingPackage.active,
                Program.name.label("program"),
            )
            .join(Program, Program.id == FundingPackage.program_id)
            .where(FundingPackage.client_id == client_id)
            .order_by(FundingPackage.starts_on, FundingPackage.id)
        )
    )


def category_budgets(client_id: int, *, session: Session) -> list[NamedRow]:
    """The NDIS support category budgets of the client's packages."""
    return list(
        session.execute(
            select(PackageBudget.package_id, PackageBudget.category, PackageBudget.amount_cents)
            .join(FundingPackage, FundingPackage.id == PackageBudget.package_id)
            .where(FundingPackage.client_id == client_id)
            .order_by(PackageBudget.package_id, PackageBudget.category)
        )
    )


def package_of(client_id: int, package_id: int, *, session: Session) -> FundingPackage | None:
    return session.scalar(
        select(FundingPackage).where(FundingPackage.id == package_id, FundingPackage.client_id == client_id)
    )


def reference_taken(reference: str, *, session: Session) -> bool:
    return session.scalar(select(FundingPackage.id).where(FundingPackage.reference == reference)) is not None


def approved(client_id: int, *, session: Session) -> list[NamedRow]:
    return list(
        session.execute(
            select(
                ApprovedService.id,
                ApprovedService.package_id,
                ApprovedService.units_per_period,
                ApprovedService.period,
                ApprovedService.rate_cents,
                Service.name.label("service"),
                Service.unit,
                FundingPackage.reference,
            )
            .join(FundingPackage, FundingPackage.id == ApprovedService.package_id)
            .join(Service, Service.id == ApprovedService.service_id)
            .where(FundingPackage.client_id == client_id)
            .order_by(FundingPackage.id, Service.name)
        )
    )


def approved_of(client_id: int, approved_id: int, *, session: Session) -> ApprovedService | None:
    return session.scalar(
        select(ApprovedService)
        .join(FundingPackage, FundingPackage.id == ApprovedService.package_id)
        .where(ApprovedService.id == approved_id, FundingPackage.client_id == client_id)
    )


def already_approved(package_id: int, service_id: int, *, session: Session) -> bool:
    return (
        session.scalar(
            select(ApprovedService.id).where(
                ApprovedService.package_id == package_id, ApprovedService.service_id == service_id
            )
        )
        is not None
    )


def requirements(client_id: int, *, session: Session) -> list[NamedRow]:
    return list(
        session.execute(
            select(
                Requirement.id,
                Requirement.level,
                Requirement.mandatory,
                Service.name.label("service"),
                Competency.name.label("competency"),
                Characteristic.name.label("characteristic"),
            )
            .outerjoin(Service, Service.id == Requirement.service_id)
            .outerjoin(Competency, Competency.id == Requirement.competency_id)
            .outerjoin(Characteristic, Characteristic.id == Requirement.characteristic_id)
            .where(
                Requirement.client_id == client_id,
                Requirement.level.in_((RequirementLevel.CLIENT, RequirementLevel.CLIENT_SERVICE)),
            )
            .order_by(Requirement.id)
        )
    )


def requirement_of(client_id: int, requirement_id: int, *, session: Session) -> Requirement | None:
    return session.scalar(
        select(Requirement).where(
            Requirement.id == requirement_id,
            Requirement.client_id == client_id,
            Requirement.level.in_((RequirementLevel.CLIENT, RequirementLevel.CLIENT_SERVICE)),
        )
    )


def case_managers(*, session: Session) -> list[Row[tuple[int, str]]]:
    return list(
        session.execute(
            select(Account.id, Account.display_name)
            .where(Account.role == Role.CASE_MANAGER, Account.active)
            .order_by(Account.display_name)
        )
    )


def marketing_groups(*, session: Session) -> list[MarketingGroup]:
    return list(session.scalars(select(MarketingGroup).order_by(MarketingGroup.name)))


def programs(*, session: Session) -> list[Row[tuple[int, str]]]:
    return list(
        session.execute(select(Program.id, Program.name).where(Program.active).order_by(Program.name))
    )


def program_kind(program_id: int, *, session: Session) -> ProgramKind | None:
    return session.scalar(select(Program.kind).where(Program.id == program_id))


def services(*, session: Session) -> list[Row[tuple[int, str]]]:
    return list(
        session.execute(select(Service.id, Service.name).where(Service.active).order_by(Service.name))
    )


def competencies(*, session: Session) -> list[Row[tuple[int, str]]]:
    """The competencies offered for new requirements (not retired)."""
    return list(
        session.execute(
            select(Competency.id, Competency.name).where(Competency.active).order_by(Competency.name)
        )
    )


def characteristics(*, session: Session) -> list[Row[tuple[int, str]]]:
    return list(
        session.execute(
            select(Characteristic.id, Characteristic.name)
            .where(Characteristic.active)
            .order_by(Characteristic.kind, Characteristic.name)
        )
    )


def carer_link(client_id: int, account_id: int, *, session: Session) -> CarerLink | None:
    """One carer's link to the client, locked to change it."""
    return session.scalar(
        select(CarerLink)
        .where(CarerLink.client_id == client_id, CarerLink.account_id == account_id)
        .with_for_update()
    )


def account_language(client_id: int, *, session: Session) -> str | None:
    """The reading language of the client's own account; None when the client has no account."""
    return session.scalar(select(Account.language).where(Account.client_id == client_id))


def carers(
    client_id: int, *, session: Session
) -> list[Row[tuple[int, str, str, str, CarerAccess, bool, str]]]:
    """The accounts that act for the client: account, name, e-mail, how they are related, what the
    agency lets them do (access level, whether they receive statements), and their reading language."""
    return list(
        session.execute(
            select(
                Account.id,
                Account.display_name,
                Account.email,
                CarerLink.relationship_to_client,
                CarerLink.access_level,
                CarerLink.receives_statements,
                Account.language,
            )
            .join(CarerLink, CarerLink.account_id == Account.id)
            .where(CarerLink.client_id == client_id)
            .order_by(Account.display_name)
        )
    )
