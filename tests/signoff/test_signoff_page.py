"""Approving and querying completed visits from the services page (NiceGUI's simulated User)."""

from nicegui.testing import User

from components import shift_actions
from domain.vocabulary import ShiftStatus
from tests.support.personas import Personas
from tests.support.records import first_shift, shift, shift_ids
from tests.support.ui import act, eventually, shown, sign_in


async def test_a_page_handler_refuses_another_clients_shift(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/services?tab=completed")
    completed = first_shift(margaret, ShiftStatus.COMPLETED)

    async def nothing() -> None:
        raise AssertionError("the screen must not be refreshed after a refusal")

    with user:
        await shift_actions.approve(portal_personas.other_client, completed, nothing)
    await user.should_see("You do not have access to that.")
    assert shift(completed).status == ShiftStatus.COMPLETED


async def test_approving_and_querying_from_the_completed_tab(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/services?tab=completed")
    first, second = shift_ids(margaret, ShiftStatus.COMPLETED)[:2]
    act(user, first, "approve")
    await shown(user, "Approving tells the agency the visit took place as shown")
    assert shift(first).status == ShiftStatus.COMPLETED  # one tap only asks
    user.find(marker="confirm-approve").click()
    await eventually(lambda: shift(first).status == ShiftStatus.APPROVED, "approval")
    act(user, second, "query")
    await shown(user, "Tell us what was not right.")
    user.find(marker="query-message").type("The worker left early.")
    user.find(marker="send-query").click()
    await eventually(lambda: shift(second).status == ShiftStatus.QUERIED, "the query")


async def test_approve_asks_first_and_can_be_undone(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/services?tab=completed")
    first = shift_ids(margaret, ShiftStatus.COMPLETED)[0]
    act(user, first, "approve")
    await shown(user, "Approving tells the agency the visit took place as shown")
    user.find(marker="not-now").click()
    act(user, first, "approve")
    await shown(user, "Approving tells the agency the visit took place as shown")
    assert shift(first).status == ShiftStatus.COMPLETED
    user.find(marker="confirm-approve").click()
    await eventually(lambda: shift(first).status == ShiftStatus.APPROVED, "approval")
    await shown(user, "You can undo this until the visit is billed.")
    user.find(marker="undo-approval").click()
    await eventually(lambda: shift(first).status == ShiftStatus.COMPLETED, "the undo")
    await user.should_see("The approval is undone.")


async def test_an_approved_visit_can_be_undone_from_its_details(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    approved = shift_ids(margaret, ShiftStatus.APPROVED)[0]
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/services?tab=approved")
    act(user, approved, "details")
    await shown(user, "Undo approval")
    user.find(marker=f"undo-{approved}").click()
    await eventually(lambda: shift(approved).status != ShiftStatus.APPROVED, "the undo")
    assert shift(approved).status in (ShiftStatus.COMPLETED, ShiftStatus.QUERIED)
    await user.should_see("The approval is undone.")
