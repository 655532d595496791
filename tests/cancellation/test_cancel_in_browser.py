"""The demo client cancels a visit inside the short-notice band in a real browser: she sees the
fee, confirms it, and finds it on the billed tab."""

from datetime import UTC, datetime

import pytest
from nicegui.testing import Screen

from domain import clock, money
from domain.vocabulary import LedgerKind, ShiftStatus
from tests.support.browser import sign_in, tablet
from tests.support.personas import Personas
from tests.support.records import ledger_entries, shift, shift_ids

pytestmark = pytest.mark.browser

MONDAY_MORNING = datetime(2026, 11, 29, 22, 0, tzinfo=UTC)  # Monday 30 November, 9:00 in Sydney


def test_the_demo_client_cancels_at_short_notice_confirms_the_fee_and_finds_it_billed(
    demo_portal: str, screen: Screen, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    clock.freeze(MONDAY_MORNING)
    tablet(screen)
    sign_in(screen, "margaret@example.com")
    shift_id = shift_ids(margaret, ShiftStatus.ALLOCATED, after=clock.now())[0]
    screen.open(f"/clients/{margaret}/services?tab=accepted")
    screen.click("Cancel")  # the soonest visit comes first
    screen.should_contain("short notice cancellation. A fee of")
    assert ledger_entries(shift_id) == []  # shown, not billed
    screen.find_by_css(".q-dialog .q-select").click()
    screen.should_not_contain("NSDH")  # a Home Care Package client: no NDIS reason codes
    screen.click("Health")
    screen.click("Confirm cancellation")
    screen.should_contain("The visit is cancelled and the fee charged.")
    screen.wait_for(lambda: shift(shift_id).status == ShiftStatus.CANCELLED)
    [fee] = ledger_entries(shift_id, LedgerKind.CANCELLATION_FEE)
    screen.click("Billed (")
    screen.should_contain(f"fee {money.dollars(fee.subsidy_cents + fee.contribution_cents)}")
