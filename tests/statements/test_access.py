"""A client or carer opens only the statements of packages they are entitled to: tried by changing
the client id and the package id, for the screen's use case and for the PDF alike."""

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import select

from domain.accounts.access import Actor
from domain.errors import NotAllowed, NotFound
from domain.statements.reading import StatementRequest, open_statement, statement_pdf
from domain.vocabulary import Gender
from storage import db
from storage.models import AuditEvent, Client
from tests.support.personas import Personas
from tests.support.records import package_of

OCTOBER = StatementRequest(month="2026-10")
READERS: list[Callable[[Actor, int, StatementRequest], object]] = [open_statement, statement_pdf]


def own_client(actor: Actor) -> int:
    return actor.client_ids[0]


@pytest.mark.parametrize("read", READERS, ids=["screen", "pdf"])
def test_a_client_reads_their_own_statement_and_no_one_elses(
    personas: Personas, read: Callable[[Actor, int, StatementRequest], object]
) -> None:
    margaret, george = own_client(personas.client), own_client(personas.other_client)
    assert read(personas.client, margaret, OCTOBER) is not None
    with pytest.raises(NotAllowed):
        read(personas.client, george, OCTOBER)  # another client's id in the address
    with pytest.raises(NotAllowed):  # their own client id, someone else's package id
        read(personas.client, margaret, StatementRequest(package=str(package_of(george)), month="2026-10"))
    with pytest.raises(NotAllowed):  # a package id that does not exist reads the same
        read(personas.client, margaret, StatementRequest(package="999999", month="2026-10"))


@pytest.mark.parametrize("read", READERS, ids=["screen", "pdf"])
def test_a_carer_reads_only_the_clients_they_are_linked_to(
    personas: Personas, read: Callable[[Actor, int, StatementRequest], object]
) -> None:
    for client_id in personas.carer.client_ids:  # Thanh and Bích Nguyễn
        assert read(personas.carer, client_id, OCTOBER) is not None
    with pytest.raises(NotAllowed):
        read(personas.carer, own_client(personas.client), OCTOBER)
    unlinked = StatementRequest(package=str(package_of(own_client(personas.client))), month="2026-10")
    with pytest.raises(NotAllowed):  # a linked client's id with an unlinked client's package
        read(personas.carer, personas.carer.client_ids[0], unlinked)


def test_workers_read_no_statements_and_staff_read_any(personas: Personas) -> None:
    margaret = own_client(personas.client)
    for worker in (personas.worker, personas.other_worker):
        with pytest.raises(NotAllowed):
            open_statement(worker, margaret, OCTOBER)
    for staff in (personas.roster, personas.case_manager, personas.admin):
        view = open_statement(staff, margaret, OCTOBER)
        assert view.statement is not None
        assert view.statement.package.client_id == margaret


def test_reading_a_statement_is_audited(personas: Personas) -> None:
    margaret = own_client(personas.client)
    open_statement(personas.client, margaret, OCTOBER)
    statement_pdf(personas.client, margaret, OCTOBER)
    with db.read() as session:
        actions = list(
            session.scalars(
                select(AuditEvent.action).where(
                    AuditEvent.account_id == personas.client.account_id, AuditEvent.entity == "package"
                )
            )
        )
    assert actions == ["view", "download"]


def test_a_client_without_a_package_is_told_there_is_nothing_to_show(personas: Personas) -> None:
    with db.write() as session:
        newcomer = Client(
            client_number="C09999",
            first_name="Nell",
            last_name="Newcombe",
            date_of_birth=date(1940, 3, 2),
            gender=Gender.FEMALE,
            home_street="1 King Street",
            home_suburb="Newtown",
            home_state="NSW",
            home_postcode="2042",
        )
        session.add(newcomer)
        session.flush()
        client_id = newcomer.id
    view = open_statement(personas.case_manager, client_id, OCTOBER)
    assert (view.client_name, view.packages, view.statement) == ("Nell Newcombe", (), None)
    with pytest.raises(NotFound):
        statement_pdf(personas.case_manager, client_id, OCTOBER)
