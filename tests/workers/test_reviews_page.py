"""A worker's reviews page (NiceGUI's simulated User): what clients said, shown only to who may read it."""

from nicegui.testing import User

from tests.support.personas import Personas
from tests.support.ui import sign_in


async def test_the_reviews_page_shows_what_clients_said(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "margaret@example.com")
    await user.open(f"/workers/{portal_personas.worker.worker_id}/reviews")
    await user.should_see("Reviews of Aisha Rahman")
    await user.should_see("Always on time and so patient with me.")
    await user.should_not_see("Wilson,")  # reviewers by first name only


async def test_a_worker_cannot_read_another_workers_reviews_page(
    user: User, portal_personas: Personas
) -> None:
    await sign_in(user, "aisha@example.com")
    await user.open(f"/workers/{portal_personas.other_worker.worker_id}/reviews")
    await user.should_see("Not available")
