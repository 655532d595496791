"""The Preferences page (NiceGUI's simulated User): reachable from the client's toolbar, the default
wishes saved, a worker blocked from a past visit and unblocked (each asked first), the agency's
requirements level by level; bad input says what is wrong and changes nothing."""

from nicegui.testing import User
from sqlalchemy import select

from domain.vocabulary import ClientWorkerRelation
from storage import db
from storage.models import ClientWorker
from tests.booking.test_book_page import MONDAY, open_booking, pick_when
from tests.portal.test_navigation import nav_paths
from tests.support.personas import Personas
from tests.support.records import preference_rows
from tests.support.ui import appears, eventually, has, seen, sign_in


def relation(client_id: int, worker_id: int) -> ClientWorkerRelation | None:
    with db.read() as session:
        return session.scalar(
            select(ClientWorker.relation).where(
                ClientWorker.client_id == client_id, ClientWorker.worker_id == worker_id
            )
        )


async def open_preferences(user: User, client_id: int, email: str = "margaret@example.com") -> None:
    await sign_in(user, email)
    await user.open(f"/clients/{client_id}/profile")
    assert f"/clients/{client_id}/preferences" in nav_paths(user)  # in the client's toolbar
    await user.open(f"/clients/{client_id}/preferences")
    await seen(user, "What matters to you in a worker")


async def test_the_page_shows_the_wishes_the_workers_and_every_level_of_requirement(
    user: User, portal_personas: Personas
) -> None:
    await open_preferences(user, portal_personas.client.client_id)
    for words in (
        "Workers you prefer",
        "Workers you have blocked",
        "Workers who visited you",
        "What the agency always requires",
        "Every worker of the agency",
        "Your program",
        "Every worker who visits you",
        "For Personal care",
    ):
        await user.should_see(words)
    await user.should_see("Aisha Rahman: listed first when they can do a booking")


async def test_a_carer_opens_preferences_for_the_client_they_act_for(
    user: User, portal_personas: Personas
) -> None:
    await open_preferences(user, portal_personas.cared_for("Thanh"), "daniel@example.com")


async def test_a_worker_and_another_client_are_refused(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "george@example.com")
    await user.open(f"/clients/{margaret}/preferences")
    await user.should_see("You do not have access")
    await user.should_not_see("Workers who visited you")


async def test_blocking_from_a_past_visit_asks_first_and_unblocking_undoes_it(
    user: User, portal_personas: Personas
) -> None:
    margaret, aisha = portal_personas.client.client_id, portal_personas.worker.worker_id
    await open_preferences(user, margaret)
    user.find(marker=f"block-{aisha}").click()
    await seen(user, "Block Aisha Rahman?")
    user.find(marker="cancel-block").click()
    assert relation(margaret, aisha) == ClientWorkerRelation.PREFERRED  # "No, go back" changes nothing
    user.find(marker=f"block-{aisha}").click()
    await seen(user, "Block Aisha Rahman?")
    user.find(marker="confirm-block").click()
    await eventually(lambda: relation(margaret, aisha) == ClientWorkerRelation.BLOCKED, "the block")
    await user.should_see("Aisha Rahman is blocked")
    await appears(user, f"unblock-{aisha}")
    user.find(marker=f"unblock-{aisha}").click()
    await seen(user, "Unblock Aisha Rahman?")
    user.find(marker="confirm-unblock").click()
    await eventually(lambda: relation(margaret, aisha) is None, "the unblock")
    await user.should_see("Aisha Rahman is unblocked.")


async def test_wishes_are_saved_and_an_empty_choice_is_refused(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await open_preferences(user, margaret)
    before = preference_rows(margaret)
    user.find(marker="add").click()  # nothing chosen
    await user.should_see("Please choose a preference to add.")
    assert preference_rows(margaret) == before
    with user:
        [picker] = user.find(marker="add-preference").elements
        key = next(k for k, label in picker.options.items() if label.startswith("Non-smoker"))
        picker.value = key
        user.find(marker="add-must").elements.pop().value = True
    user.find(marker="add").click()
    await appears(user, f"remove-{key}")
    user.find(marker="save-wishes").click()
    non_smoker = int(key.split(":")[1])
    await eventually(
        lambda: (None, non_smoker, True, 1) in preference_rows(margaret), "the non-smoker wish saved"
    )
    await user.should_see("Your wishes are saved for every booking.")


async def test_a_worker_is_blocked_from_their_provider_card_and_leaves_the_list(
    user: User, portal_personas: Personas
) -> None:
    margaret, aisha = portal_personas.client.client_id, portal_personas.worker.worker_id
    await open_booking(user, margaret)
    await pick_when(user, MONDAY, "09:00")
    await seen(user, "Who should do it?")
    user.find(marker="choose-my-worker").click()
    await seen(user, "What the agency always requires")  # the same view as the Preferences page
    user.find(marker="find-provider").click()
    await seen(user, "can do it")
    await appears(user, f"provider-{aisha}")
    user.find(marker=f"block-{aisha}").click()
    await seen(user, "Block Aisha Rahman?")
    user.find(marker="confirm-block").click()
    await eventually(lambda: relation(margaret, aisha) == ClientWorkerRelation.BLOCKED, "the block")
    await eventually(lambda: not has(user, f"provider-{aisha}"), "the list without her")
    await user.should_see("can do it")
