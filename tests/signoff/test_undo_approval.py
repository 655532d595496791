"""Undoing an approval (issue 18 item 5): the visit waits for approval again, as it was, until the
billing job bills it; after that the undo is refused with a clear message and nothing changes."""

import pytest

from domain.errors import DomainError, NotAllowed
from domain.signoff import approval, billing
from domain.vocabulary import LedgerKind, ShiftStatus
from tests.support.personas import Personas
from tests.support.records import actor, first_shift, ledger_entries, shift

CASE_MANAGER = "chris@example.com"


def test_approve_then_undo_restores_the_completed_visit(personas: Personas) -> None:
    shift_id = first_shift(personas.client.client_id, ShiftStatus.COMPLETED)
    approval.approve(personas.client, shift_id)
    assert shift(shift_id).status == ShiftStatus.APPROVED
    approval.undo_approval(personas.client, shift_id)
    restored = shift(shift_id)
    assert (restored.status, restored.approved_at) == (ShiftStatus.COMPLETED, None)
    approval.approve(personas.client, shift_id)  # and it can be approved again
    assert shift(shift_id).status == ShiftStatus.APPROVED


def test_undo_of_an_approval_after_a_resolved_query_goes_back_to_queried(personas: Personas) -> None:
    shift_id = first_shift(personas.client.client_id, ShiftStatus.COMPLETED)
    approval.lodge_query(personas.client, shift_id, "Please check the hours.")
    manager = actor(CASE_MANAGER)
    [query] = [q for q in approval.open_queries(manager) if q.shift_id == shift_id]
    approval.reply(manager, query.query_id, "The hours are right.", resolve=True)
    approval.approve(personas.client, shift_id)
    approval.undo_approval(personas.client, shift_id)
    assert shift(shift_id).status == ShiftStatus.QUERIED
    approval.approve(personas.client, shift_id)  # the query is resolved: approving works again
    assert shift(shift_id).status == ShiftStatus.APPROVED


def test_undo_is_refused_once_the_visit_is_billed(personas: Personas) -> None:
    shift_id = first_shift(personas.client.client_id, ShiftStatus.COMPLETED)
    approval.approve(personas.client, shift_id)
    billing.bill_approved_shifts()
    billed = shift(shift_id)
    assert billed.status == ShiftStatus.BILLED
    charges = [entry.id for entry in ledger_entries(shift_id, LedgerKind.SERVICE)]
    with pytest.raises(DomainError, match="has been billed, so its approval can no longer be undone"):
        approval.undo_approval(personas.client, shift_id)
    after = shift(shift_id)
    assert (after.status, after.billed_at, after.approved_at) == (
        ShiftStatus.BILLED,
        billed.billed_at,
        billed.approved_at,
    )
    assert [entry.id for entry in ledger_entries(shift_id, LedgerKind.SERVICE)] == charges


def test_only_an_approved_visit_can_be_undone(personas: Personas) -> None:
    shift_id = first_shift(personas.client.client_id, ShiftStatus.COMPLETED)
    with pytest.raises(DomainError, match="Only an approved visit"):
        approval.undo_approval(personas.client, shift_id)
    assert shift(shift_id).status == ShiftStatus.COMPLETED


def test_another_client_cannot_undo_an_approval(personas: Personas) -> None:
    shift_id = first_shift(personas.client.client_id, ShiftStatus.COMPLETED)
    approval.approve(personas.client, shift_id)
    with pytest.raises(NotAllowed):
        approval.undo_approval(personas.other_client, shift_id)
    assert shift(shift_id).status == ShiftStatus.APPROVED
