"""Cancelling a visit from the services page as a client does (NiceGUI's simulated User)."""

from datetime import UTC, datetime

from nicegui.testing import User

from domain import clock, money
from domain.vocabulary import LedgerKind, ShiftStatus
from storage.models import LedgerEntry
from tests.support.personas import Personas
from tests.support.records import count, ledger_entries, shift, shift_ids
from tests.support.ui import act, eventually, shown, sign_in, table_cells

MONDAY_MORNING = datetime(2026, 11, 29, 22, 0, tzinfo=UTC)  # Monday 30 November, 9:00 in Sydney


async def test_the_client_sees_the_fee_confirms_it_and_finds_it_on_the_billed_tab(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    clock.freeze(MONDAY_MORNING)
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/services?tab=accepted")
    shift_id = shift_ids(margaret, ShiftStatus.ALLOCATED, after=clock.now())[0]
    fees_before = count(LedgerEntry)
    act(user, shift_id, "cancel")
    await shown(user, "short notice cancellation. A fee of")
    assert count(LedgerEntry) == fees_before  # shown, not yet billed
    [reasons] = user.find(marker="cancel-reason").elements
    assert set(reasons.options.values()) == {"Health", "Family", "Transport", "Other"}  # no NDIS codes (HCP)
    reasons.value = "NSDH"
    user.find(marker="confirm-cancel").click()
    await eventually(lambda: shift(shift_id).status == ShiftStatus.CANCELLED, "the cancellation")
    [fee] = ledger_entries(shift_id, LedgerKind.CANCELLATION_FEE)
    user.find(marker="tabs").elements.pop().value = "billed"
    charged = f"fee {money.dollars(fee.subsidy_cents + fee.contribution_cents)}"
    await eventually(lambda: any(charged in cell for cell in table_cells(user)), "the fee on the billed tab")
    assert not any("NSDH" in cell for cell in table_cells(user))
