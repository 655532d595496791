"""The client pages through NiceGUI's simulated User against main.py: bad input is shown at the field
and writes nothing; a new client is added and offered an invitation; other roles are refused."""

import asyncio
from typing import Any

import pytest
from nicegui import ui
from nicegui.testing import User
from sqlalchemy import func, select

from domain.accounts import reading_language
from domain.vocabulary import RequirementLevel
from storage import db
from storage.models import (
    Account,
    ApprovedService,
    Client,
    Competency,
    FundingPackage,
    OutboxMessage,
    Requirement,
)
from tests.support.personas import Personas
from tests.support.ui import sign_in

PATIENCE = 600  # polls of 0.1 s: a minute for work off the event loop on a busy machine


def counts() -> tuple[int, ...]:
    with db.read() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(table)) or 0
            for table in (Client, FundingPackage, ApprovedService, Requirement, Account, OutboxMessage)
        )


def element(user: User, marker: str) -> Any:
    return user.find(marker=marker).elements.pop()


def error_of(user: User, marker: str) -> str:
    found = element(user, marker)
    assert isinstance(found, ui.input | ui.select)
    return str(found.error or "")


async def shown_at(user: User, marker: str, message: str) -> None:
    """Wait (for the work off the event loop, up to a minute) until the field shows the message."""
    for _ in range(3000):
        if message in error_of(user, marker):
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"{marker} never showed {message!r}; it shows {error_of(user, marker)!r}")


async def test_a_new_client_is_added_and_invited(user: User) -> None:
    await sign_in(user, "admin@example.com")
    await user.open("/admin/clients/new")
    await user.should_see("Add a client", retries=PATIENCE)
    before = counts()
    for marker, text in {
        "first_name": "Joan",
        "client_number": "C90001",
        "date_of_birth": "3/5/1941",
        "street": "5 Marrickville Road",
        "suburb": "Marrickville",
        "postcode": "2204",
        "email": "joan@example.com",
    }.items():
        user.find(marker=marker).type(text)
    element(user, "gender").value = "female"
    element(user, "state").value = "NSW"
    user.find(marker="create-client").click()
    await shown_at(user, "last_name", "Please enter the last name.")
    assert counts() == before
    user.find(marker="last_name").type("Baker")
    user.find(marker="create-client").click()
    await user.should_see("Invite to the portal", retries=PATIENCE)
    await user.should_see("Joan Baker", retries=PATIENCE)
    user.find(marker="invite-send").click()
    await user.should_see("Invitation sent to joan@example.com.", retries=PATIENCE)
    with db.read() as session:
        account = session.scalar(select(Account).where(Account.email == "joan@example.com"))
        assert account is not None
        assert account.client_id is not None


async def test_bad_package_input_is_shown_at_the_field(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "chris@example.com")
    await user.open(f"/admin/clients/{portal_personas.client.client_id}")
    await user.should_see("Funding and approved services", retries=PATIENCE)
    before = counts()
    user.find(marker="starts_on").type("1/7/2027")
    user.find(marker="ends_on").type("1/6/2027")
    user.find(marker="budget").type("lots")
    user.find(marker="add-package").click()
    await shown_at(user, "ends_on", "The package ends before it starts.")
    assert "Please enter the level." in error_of(user, "level")
    assert "in dollars" in error_of(user, "budget")
    assert "Please choose the program." in error_of(user, "program")
    assert counts() == before


async def test_bad_contribution_category_and_rate_are_shown_at_the_field(
    user: User, portal_personas: Personas
) -> None:
    await sign_in(user, "chris@example.com")
    await user.open(f"/admin/clients/{portal_personas.client.client_id}")
    await user.should_see("Funding and approved services", retries=PATIENCE)
    before = counts()
    element = next(iter(user.find(marker="contribution").elements))
    element.value = "150"
    user.find(marker="category_capital").type("a lot")
    user.find(marker="add-package").click()
    await shown_at(user, "contribution", "from 0 to 100")
    assert "in dollars" in error_of(user, "category_capital")
    user.find(marker="rate").type("12.345")
    user.find(marker="approve-service").click()
    await shown_at(user, "rate", "to the cent")
    assert counts() == before


@pytest.mark.parametrize("email", ["margaret@example.com", "aisha@example.com", "rosa@example.com"])
async def test_clients_workers_and_roster_staff_may_not_open_the_client_pages(
    user: User, portal_personas: Personas, email: str
) -> None:
    await sign_in(user, email)
    for path in (
        "/admin/clients",
        "/admin/clients/new",
        f"/admin/clients/{portal_personas.client.client_id}",
    ):
        await user.open(path)
        await user.should_see("You do not have access", retries=PATIENCE)


async def test_a_case_manager_makes_a_clients_requirement_a_must_in_place(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    with db.write() as session:  # a nice-to-have for Margaret, to be made a must
        competency = session.scalar(select(Competency.id).where(Competency.code == "police_check"))
        row = Requirement(
            level=RequirementLevel.CLIENT, client_id=margaret, competency_id=competency, mandatory=False
        )
        session.add(row)
        session.flush()
        requirement_id = row.id

    def mandatory() -> bool | None:
        with db.read() as session:
            return session.scalar(select(Requirement.mandatory).where(Requirement.id == requirement_id))

    await sign_in(user, "chris@example.com")
    await user.open(f"/admin/clients/{margaret}")
    await user.should_see("What a worker needs for this client", retries=PATIENCE)
    user.find(marker=f"toggle-requirement-{requirement_id}").click()
    await user.should_see("Now a must.", retries=PATIENCE)
    assert mandatory() is True
    before = counts()
    user.find(marker=f"toggle-requirement-{requirement_id}").click()
    await user.should_see("Now only nice to have.", retries=PATIENCE)
    assert mandatory() is False
    assert counts() == before  # changed in place: nothing added or removed


async def test_the_client_page_says_which_language_the_client_reads(
    user: User, portal_personas: Personas
) -> None:
    await asyncio.to_thread(reading_language.choose, portal_personas.client, "el")
    await sign_in(user, "chris@example.com")
    await user.open(f"/admin/clients/{portal_personas.client.client_id}")
    said = "Margaret Wilson reads the portal, e-mails and statements in Greek"
    await user.should_see(said, retries=PATIENCE)
    await user.should_see("Funding and approved services")  # the staff page itself stays English
