"""A client cannot see, approve, query or cancel another client's shift; nor can a carer for a
client they are not linked to, or a support worker. Tried through the use cases the pages call."""

from collections.abc import Callable
from datetime import date

import pytest

from domain.cancellation import cancel
from domain.cancellation.cancel import Scope
from domain.errors import NotAllowed
from domain.signoff import approval
from domain.visits import export, views
from domain.visits.views import CalendarView, Tab
from domain.vocabulary import CancelReason, ShiftStatus
from storage.models import LedgerEntry, OutboxMessage, ShiftQuery
from tests.support.personas import Personas
from tests.support.records import count, first_shift, shift

OUTSIDERS = ("other_client", "carer", "worker")


def attempts(shift_id: int, client_id: int) -> dict[str, Callable[[object], object]]:
    first, last = date(2026, 10, 1), date(2026, 11, 30)
    return {
        "approve": lambda who: approval.approve(who, shift_id),
        "query": lambda who: approval.lodge_query(who, shift_id, "Not my shift."),
        "preview a cancellation": lambda who: cancel.preview(who, shift_id),
        "cancel": lambda who: cancel.cancel(who, shift_id, Scope.ONLY_THIS, CancelReason.OTHER, 0),
        "see details": lambda who: views.details(who, shift_id),
        "see the calendar": lambda who: views.calendar(who, client_id, CalendarView.MONTH, first),
        "see the history": lambda who: views.history(who, client_id, first, last),
        "see the services": lambda who: views.services(who, client_id, Tab.COMPLETED),
        "export the history": lambda who: export.history_csv(who, client_id, first, last),
    }


@pytest.mark.parametrize("outsider", OUTSIDERS)
def test_nobody_else_can_act_on_margarets_shifts(personas: Personas, outsider: str) -> None:
    margaret = personas.client.client_id
    completed = first_shift(margaret, ShiftStatus.COMPLETED)
    rostered = first_shift(margaret, ShiftStatus.ALLOCATED)
    before = (count(LedgerEntry), count(OutboxMessage), count(ShiftQuery))
    who = getattr(personas, outsider)
    allowed = []
    for shift_id in (completed, rostered):
        for name, attempt in attempts(shift_id, margaret).items():
            try:
                attempt(who)
            except NotAllowed:
                continue
            allowed.append(f"{name} ({shift_id})")
    assert allowed == []
    assert shift(completed).status == ShiftStatus.COMPLETED
    assert shift(rostered).status == ShiftStatus.ALLOCATED
    assert (count(LedgerEntry), count(OutboxMessage), count(ShiftQuery)) == before


def test_staff_may_cancel_for_a_client_but_only_the_client_side_signs_off(personas: Personas) -> None:
    completed = first_shift(personas.client.client_id, ShiftStatus.COMPLETED)
    for staff in (personas.roster, personas.case_manager, personas.admin):
        with pytest.raises(NotAllowed):
            approval.approve(staff, completed)
    rostered = first_shift(personas.client.client_id, ShiftStatus.ALLOCATED)
    assert cancel.preview(personas.roster, rostered).shift_id == rostered


def test_a_shift_that_does_not_exist_reads_the_same_as_someone_elses(personas: Personas) -> None:
    for attempt in attempts(10**9, personas.other_client.client_id).values():
        with pytest.raises(NotAllowed):
            attempt(personas.client)
