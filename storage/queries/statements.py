"""Reading a package's ledger for its statements, and the statements generated each month."""

from datetime import date
from typing import TypeAlias

from sqlalchemy import Row, exists, func, or_, select
from sqlalchemy.orm import Session

from domain.vocabulary import CancelBand, CarerAccess, NdisCategory, ProgramKind, ServiceUnit
from storage.models import (
    Account,
    CarerLink,
    Client,
    FundingPackage,
    LedgerEntry,
    Program,
    Service,
    Shift,
    Statement,
)
from storage.queries import NamedRow

# An entry with its shift's cancel band and its service's unit, as a statement line needs them.
LedgerRow: TypeAlias = Row[LedgerEntry, CancelBand | None, ServiceUnit]


def packages_of_client(client_id: int, *, session: Session) -> list[Row[FundingPackage, str, ProgramKind]]:
    """Every package of the client, current and past, newest first, with its program."""
    return list(
        session.execute(
            select(FundingPackage, Program.name.label("program"), Program.kind.label("program_kind"))
            .join(Program, Program.id == FundingPackage.program_id)
            .where(FundingPackage.client_id == client_id)
            .order_by(FundingPackage.starts_on.desc(), FundingPackage.id.desc())
        )
    )


def package(package_id: int, *, session: Session) -> NamedRow | None:
    """The package with its program and its client's names."""
    return session.execute(
        select(
            FundingPackage,
            Program.name.label("program"),
            Program.kind.label("program_kind"),
            Client.first_name,
            Client.preferred_name,
            Client.last_name,
            Client.client_number,
        )
        .join(Program, Program.id == FundingPackage.program_id)
        .join(Client, Client.id == FundingPackage.client_id)
        .where(FundingPackage.id == package_id)
    ).first()


def entry_span(package_id: int, *, session: Session) -> tuple[date | None, date | None]:
    """The dates of the package's first and last ledger entries."""
    row = session.execute(
        select(func.min(LedgerEntry.entry_date), func.max(LedgerEntry.entry_date)).where(
            LedgerEntry.package_id == package_id
        )
    ).one()
    return row[0], row[1]


def balance_before(package_id: int, day: date, *, session: Session) -> dict[NdisCategory | None, int]:
    """The balance of every entry dated before `day`, per NDIS category (None: no category)."""
    rows = session.execute(
        select(LedgerEntry.ndis_category, func.coalesce(func.sum(LedgerEntry.amount_cents), 0))
        .where(LedgerEntry.package_id == package_id, LedgerEntry.entry_date < day)
        .group_by(LedgerEntry.ndis_category)
    )
    return {category: int(total) for category, total in rows}


def entries_between(package_id: int, first: date, last: date, *, session: Session) -> list[LedgerRow]:
    """The entries dated first to last (both included), with the billed shift's band and service unit."""
    return list(
        session.execute(
            select(LedgerEntry, Shift.cancel_band, Service.unit)
            .outerjoin(Shift, Shift.id == LedgerEntry.shift_id)
            .outerjoin(Service, Service.id == Shift.service_id)
            .where(
                LedgerEntry.package_id == package_id,
                LedgerEntry.entry_date >= first,
                LedgerEntry.entry_date <= last,
            )
            .order_by(LedgerEntry.entry_date, LedgerEntry.id)
        )
    )


def movements_between(
    package_id: int, first: date, last: date, *, session: Session
) -> list[tuple[date, int]]:
    """(date, amount) of each entry dated first to last: enough for the month-by-month chart."""
    rows = session.execute(
        select(LedgerEntry.entry_date, LedgerEntry.amount_cents).where(
            LedgerEntry.package_id == package_id,
            LedgerEntry.entry_date >= first,
            LedgerEntry.entry_date <= last,
        )
    )
    return [(day, amount) for day, amount in rows]


def packages_without_statement(first: date, last: date, *, session: Session) -> list[int]:
    """Packages running at some time from first to last that have no statement for that period yet."""
    generated = exists().where(
        Statement.package_id == FundingPackage.id,
        Statement.period_start == first,
        Statement.period_end == last,
    )
    return list(
        session.scalars(
            select(FundingPackage.id)
            .where(FundingPackage.starts_on <= last, FundingPackage.ends_on >= first, ~generated)
            .order_by(FundingPackage.id)
        )
    )


def add_statement(statement: Statement, *, session: Session) -> Statement:
    session.add(statement)
    session.flush()
    return statement


def generated(package_id: int, *, session: Session) -> list[Statement]:
    return list(
        session.scalars(
            select(Statement).where(Statement.package_id == package_id).order_by(Statement.period_start)
        )
    )


def statement_recipients(client_id: int, *, session: Session) -> list[tuple[str, CarerAccess | None, bool]]:
    """Who may be told a statement is ready: the client's e-mail, and the sign-in e-mails of the
    client's own account and their carers', each with the carer's access level and statements flag
    (None and True for the client) for the domain to decide by."""
    own = session.scalar(select(Client.email).where(Client.id == client_id))
    rows = session.execute(
        select(Account.email, CarerLink.access_level, CarerLink.receives_statements)
        .outerjoin(CarerLink, (CarerLink.account_id == Account.id) & (CarerLink.client_id == client_id))
        .where(
            or_(Account.client_id == client_id, CarerLink.client_id == client_id), Account.active.is_(True)
        )
        .order_by(Account.id)
    )
    found = [(own, None, True)] if own else []
    return found + [(email, level, statements is not False) for email, level, statements in rows]


def issued_through(package_id: int, *, session: Session) -> date | None:
    """The last day of the latest statement issued for the package (None: none yet)."""
    return session.scalar(select(func.max(Statement.period_end)).where(Statement.package_id == package_id))


def issued(package_id: int, first: date, last: date, *, session: Session) -> Statement | None:
    """The statement issued for exactly this period, if there is one."""
    return session.scalar(
        select(Statement).where(
            Statement.package_id == package_id, Statement.period_start == first, Statement.period_end == last
        )
    )
