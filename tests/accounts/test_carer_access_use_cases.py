"""Every use case a carer reaches asks the carer access rule, on SQLite and PostgreSQL: the office
sets Daniel's access for Thanh, and each action is refused with the plain reason and nothing
written, or done, as the level says."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import select

from domain import clock
from domain.accounts import auth
from domain.accounts.access import Actor
from domain.backoffice import clients
from domain.booking import blocking, preferences, requests
from domain.cancellation import cancel
from domain.cancellation.cancel import Scope
from domain.errors import InvalidInput, NotAllowed, NotFound, SetByAgency
from domain.profile import changes
from domain.records import correction, export
from domain.signoff import approval
from domain.statements import reading
from domain.statements.monthly import generate_monthly
from domain.statements.reading import StatementRequest
from domain.vocabulary import CancelReason, CarerAccess, ShiftStatus
from storage import db
from storage.models import (
    AuditEvent,
    Booking,
    CarerLink,
    Client,
    ClientWorker,
    LedgerEntry,
    OutboxMessage,
    Shift,
    ShiftQuery,
)
from tests.booking.support import wanted
from tests.support.personas import Personas
from tests.support.records import count, first_shift, preference_rows, shift_ids

LEVELS = list(CarerAccess)
RANK = {CarerAccess.VIEW: 0, CarerAccess.BOOK: 1, CarerAccess.APPROVE: 2}


def limited(personas: Personas, level: CarerAccess, statements: bool = True) -> tuple[Actor, int]:
    """Daniel as he signs in after the case manager set his access for Thanh; and Thanh's id."""
    thanh = personas.cared_for("Thanh")
    clients.set_carer_access(
        personas.case_manager, thanh, personas.carer.account_id, level=level.value, statements=statements
    )
    actor = auth.load_actor(personas.carer.account_id)
    assert actor is not None
    return actor, thanh


def state(client_id: int) -> tuple:
    """Everything a carer's action could write, for this client."""
    with db.read() as session:
        statuses = tuple(
            session.scalars(select(Shift.status).where(Shift.client_id == client_id).order_by(Shift.id))
        )
        client = session.get(Client, client_id)
        assert client is not None
        details = (client.home_phone, client.mobile_phone, client.email)
    models = (Booking, OutboxMessage, ShiftQuery, LedgerEntry, AuditEvent, ClientWorker)
    return (*(count(model) for model in models), statuses, tuple(preference_rows(client_id)), details)


def refusal(actor: Actor, client_id: int, level_words: str) -> str:
    name = dict(actor.linked_clients)[client_id]
    return f"Your agency has set your access for {name} to {level_words}. Ask the office to change it."


@dataclass(frozen=True)
class Case:
    needs: CarerAccess
    prepare: Callable[[Personas, int], int]  # by Daniel with full access, before his level changes
    perform: Callable[[Actor, int, int], object]


def _future_visit(personas: Personas, thanh: int) -> int:
    return shift_ids(thanh, ShiftStatus.ALLOCATED, after=clock.now() + timedelta(days=14))[0]


def _approved(personas: Personas, thanh: int) -> int:
    shift_id = first_shift(thanh, ShiftStatus.COMPLETED)
    approval.approve(personas.carer, shift_id)
    return shift_id


def _cancel(actor: Actor, thanh: int, shift_id: int) -> object:
    fee = cancel.preview(actor, shift_id).fee_cents
    return cancel.cancel(actor, shift_id, Scope.ONLY_THIS, CancelReason.HEALTH, fee)


def _past_worker(personas: Personas, thanh: int) -> int:
    return blocking.past_workers(personas.carer, thanh)[0].worker_id


CASES = {
    "book": Case(CarerAccess.BOOK, lambda p, c: 0, lambda a, c, _: requests.let_agency_choose(a, wanted(c))),
    "cancel": Case(CarerAccess.BOOK, _future_visit, _cancel),
    "approve": Case(
        CarerAccess.APPROVE,
        lambda p, c: first_shift(c, ShiftStatus.COMPLETED),
        lambda a, c, s: approval.approve(a, s),
    ),
    "undo approval": Case(CarerAccess.APPROVE, _approved, lambda a, c, s: approval.undo_approval(a, s)),
    "query": Case(
        CarerAccess.APPROVE,
        lambda p, c: first_shift(c, ShiftStatus.COMPLETED),
        lambda a, c, s: approval.lodge_query(a, s, "Please check the hours."),
    ),
    "preferences": Case(CarerAccess.BOOK, lambda p, c: 0, lambda a, c, _: preferences.save_default(a, c, ())),
    "block": Case(CarerAccess.BOOK, _past_worker, lambda a, c, w: blocking.block(a, c, w, "Not again.")),
    "profile edit": Case(
        CarerAccess.BOOK,
        lambda p, c: 0,
        lambda a, c, _: changes.update_contact(a, c, home_phone="", mobile_phone="0412 345 678", email=""),
    ),
    "correction request": Case(
        CarerAccess.BOOK,
        lambda p, c: 0,
        lambda a, c, _: correction.request_correction(a, c, "Wrong date of birth."),
    ),
}
WORDS = {CarerAccess.VIEW: "view only", CarerAccess.BOOK: "view, book and cancel"}


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("name", list(CASES))
def test_each_action_is_refused_below_its_level_and_done_at_it(
    personas: Personas, name: str, level: CarerAccess
) -> None:
    case = CASES[name]
    thanh = personas.cared_for("Thanh")
    prepared = case.prepare(personas, thanh)
    actor, _ = limited(personas, level)
    before = state(thanh)
    if RANK[level] >= RANK[case.needs]:
        case.perform(actor, thanh, prepared)
        assert state(thanh) != before
        return
    with pytest.raises(SetByAgency) as refused:
        case.perform(actor, thanh, prepared)
    assert refused.value.message == refusal(actor, thanh, WORDS[level])
    assert state(thanh) == before


def test_the_limit_is_for_one_client_only(personas: Personas) -> None:
    actor, _ = limited(personas, CarerAccess.VIEW)
    bich = personas.cared_for("Bích")
    requests.let_agency_choose(actor, wanted(bich))  # Bích's link keeps its full access


@pytest.mark.parametrize("statements", [True, False])
def test_the_statements_need_the_statements_right(personas: Personas, statements: bool) -> None:
    actor, thanh = limited(personas, CarerAccess.VIEW, statements)
    before = state(thanh)
    if statements:
        assert reading.open_statement(actor, thanh, StatementRequest()).client_id == thanh
        assert reading.statement_pdf(actor, thanh, StatementRequest()).content.startswith(b"%PDF")
        return
    for read in (reading.open_statement, reading.statement_pdf):
        with pytest.raises(SetByAgency, match="not set you to receive statements for Thanh"):
            read(actor, thanh, StatementRequest())
    assert state(thanh) == before


def statement_emails_to(address: str) -> list[str]:
    with db.read() as session:
        rows = session.execute(
            select(OutboxMessage.to_address, OutboxMessage.body_text).where(
                OutboxMessage.template == "statement_ready"
            )
        )
        return [body for to, body in rows if address in (to or "")]


@pytest.mark.parametrize("statements", [True, False])
def test_the_statement_email_goes_only_to_a_carer_with_the_right(
    personas: Personas, statements: bool
) -> None:
    limited(personas, CarerAccess.APPROVE, statements)
    generate_monthly()
    bodies = statement_emails_to("daniel@example.com")
    assert any("The statement for Bích Nguyễn" in body for body in bodies)  # Bích's link is unchanged
    assert any("The statement for Thanh" in body for body in bodies) is statements
    assert statement_emails_to("margaret@example.com")  # clients are always told


def test_the_record_download_leaves_statements_out_without_the_right(personas: Personas) -> None:
    actor, thanh = limited(personas, CarerAccess.APPROVE, statements=False)
    names = export.client_record(actor, thanh).content
    assert b"statement_lines.csv" not in names
    assert b"statements/" not in names
    full, _ = limited(personas, CarerAccess.VIEW, statements=True)
    assert b"statement_lines.csv" in export.client_record(full, thanh).content


def link(personas: Personas) -> tuple[CarerAccess, bool]:
    with db.read() as session:
        row = session.scalars(
            select(CarerLink).where(
                CarerLink.account_id == personas.carer.account_id,
                CarerLink.client_id == personas.cared_for("Thanh"),
            )
        ).one()
        return row.access_level, row.receives_statements


def test_existing_links_keep_full_access(personas: Personas) -> None:
    assert link(personas) == (CarerAccess.APPROVE, True)


def test_the_office_sets_the_level_audited_and_bad_input_changes_nothing(personas: Personas) -> None:
    thanh, daniel = personas.cared_for("Thanh"), personas.carer.account_id
    manager = personas.case_manager
    audits = count(AuditEvent)
    with pytest.raises(InvalidInput) as wrong:
        clients.set_carer_access(manager, thanh, daniel, level="everything", statements=True)
    assert wrong.value.fields == {"access_level": "Please choose what this carer may do."}
    with pytest.raises(InvalidInput):
        clients.set_carer_access(manager, thanh, daniel, level="view", statements="yes")  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        clients.set_carer_access(manager, thanh, personas.client.account_id, level="view", statements=True)
    assert (link(personas), count(AuditEvent)) == ((CarerAccess.APPROVE, True), audits)
    record = clients.set_carer_access(manager, thanh, daniel, level="book", statements=False)
    assert [(c.name, c.access) for c in record.carers] == [
        ("Daniel Nguyen", "View, book and cancel, without statements")
    ]
    assert link(personas) == (CarerAccess.BOOK, False)
    with db.read() as session:
        last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).one()
    assert (last.entity, last.entity_id, last.client_id) == ("carer_link", daniel, thanh)
    assert "View, book and cancel, without statements" in (last.detail or "")


@pytest.mark.parametrize("who", ["roster", "carer", "client", "worker"])
def test_only_administrators_and_case_managers_set_a_carers_access(personas: Personas, who: str) -> None:
    with pytest.raises(NotAllowed):
        clients.set_carer_access(
            getattr(personas, who),
            personas.cared_for("Thanh"),
            personas.carer.account_id,
            level="view",
            statements=True,
        )
    assert link(personas) == (CarerAccess.APPROVE, True)
