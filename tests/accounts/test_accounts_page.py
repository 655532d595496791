"""The administrator's accounts page, through NiceGUI's simulated User against main.py."""

from nicegui import ui
from nicegui.testing import User
from sqlalchemy import select

from storage import db
from storage.models import Account, OutboxMessage
from tests.support.ui import sign_in


def invited(email: str) -> Account | None:
    with db.read() as session:
        return session.scalar(select(Account).where(Account.email == email))


async def test_an_administrator_invites_a_roster_officer_who_then_shows_in_the_list(user: User) -> None:
    await sign_in(user, "admin@example.com")
    await user.open("/admin/accounts")
    await user.should_see("Who can sign in")
    role = user.find(marker="invite-role").elements.pop()
    assert isinstance(role, ui.select)
    role.value = "roster"  # as if chosen from the list
    user.find(marker="invite-name").type("Sam Lee")
    user.find(marker="invite-email").type("sam.lee@example.com")
    user.find(marker="invite-send").click()
    await user.should_see("Invitation sent to sam.lee@example.com.")
    account = invited("sam.lee@example.com")
    assert account is not None
    assert account.role == "roster"
    user.find(marker="account-search").type("sam.lee")
    user.find(marker="account-find").click()
    await user.should_see("Roster officer · sam.lee@example.com")


async def test_a_bad_email_is_shown_next_to_the_field_and_nothing_is_made(user: User) -> None:
    await sign_in(user, "admin@example.com")
    await user.open("/admin/accounts")
    with db.read() as session:
        before = len(session.scalars(select(OutboxMessage.id)).all())
    user.find(marker="invite-name").type("Sam Lee")
    user.find(marker="invite-email").type("sam at example")
    user.find(marker="invite-send").click()
    await user.should_see("Please check the highlighted fields.")
    email_field = user.find(marker="invite-email").elements.pop()
    assert isinstance(email_field, ui.input)
    assert email_field.error
    with db.read() as session:
        assert len(session.scalars(select(OutboxMessage.id)).all()) == before
    assert invited("sam at example") is None


async def test_roster_staff_cannot_open_the_accounts_page(user: User) -> None:
    await sign_in(user, "rosa@example.com")
    await user.open("/admin/accounts")
    await user.should_not_see("Invite someone")
    await user.should_see("You do not have access to that.")
