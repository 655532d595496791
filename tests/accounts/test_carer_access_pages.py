"""Carer access on the pages (NiceGUI's simulated User): the office sets it on the client's page,
bad input changing nothing; the demo's view-only carer (Sophie, for Margaret) and book-and-cancel
carer (Nick, for George) see their access in words, find the actions they may not take left out with
a sentence saying why, and a handler reached anyway is refused with nothing changed."""

from nicegui.testing import User
from sqlalchemy import select

from components import shift_actions
from domain.accounts import auth
from domain.signoff import approval
from domain.vocabulary import CarerAccess, ShiftStatus
from storage import db
from storage.models import Booking, CarerLink, ClientWorker
from tests.portal.test_navigation import nav_paths
from tests.support.personas import Personas, account_id
from tests.support.records import count, first_shift, preference_rows, shift
from tests.support.ui import choose, seen, sign_in

SOPHIE = "sophie@example.com"  # Margaret's daughter: view only, no statements
NICK = "nick@example.com"  # George's son: view, book and cancel, with statements
SOPHIES_LINK = (CarerAccess.VIEW, False)
VIEW_ONLY = "Your agency has set your access for Margaret Wilson to view only. Ask the office to change it."


def markers(user: User) -> set[str]:
    with user:
        return {marker for element in user.client.layout.descendants() for marker in element._markers}


def link(email: str) -> tuple[CarerAccess, bool]:
    with db.read() as session:
        row = session.scalars(select(CarerLink).where(CarerLink.account_id == account_id(email))).one()
        return row.access_level, row.receives_statements


async def test_the_office_sets_a_carers_access_and_bad_input_changes_nothing(
    user: User, portal_personas: Personas
) -> None:
    thanh, daniel = portal_personas.cared_for("Thanh"), portal_personas.carer.account_id
    await sign_in(user, "chris@example.com")
    await user.open(f"/admin/clients/{thanh}")
    await seen(user, "Now: View, book and cancel, approve and query, with statements.")
    choose(user, f"carer-{daniel}-level", None)  # nothing chosen
    user.find(marker=f"carer-{daniel}-save").click()
    await seen(user, "Please choose what this carer may do.")
    with db.read() as session:
        before = session.scalars(select(CarerLink.access_level).where(CarerLink.account_id == daniel)).all()
    assert set(before) == {CarerAccess.APPROVE}
    choose(user, f"carer-{daniel}-level", "view")
    choose(user, f"carer-{daniel}-statements", False)
    user.find(marker=f"carer-{daniel}-save").click()
    await seen(user, "Now: View only, without statements.")
    with db.read() as session:
        row = session.get(CarerLink, (daniel, thanh))
        assert row is not None
        assert (row.access_level, row.receives_statements) == (CarerAccess.VIEW, False)
        bich = session.get(CarerLink, (daniel, portal_personas.cared_for("Bích")))
        assert bich is not None
        assert bich.access_level == CarerAccess.APPROVE  # the other client's link is its own


async def profile_of(
    user: User, email: str, client_id: int, name: str, access: str, stored: tuple[CarerAccess, bool]
) -> None:
    """Sign in as the carer (whose link is `stored` as the demo seeds it) and open the client's
    profile, which says their access in words."""
    assert link(email) == stored
    await sign_in(user, email)
    await user.open(f"/clients/{client_id}/profile")
    await seen(user, f"Your access for {name}: {access}. The office sets it.")


async def test_a_view_only_carer_sees_why_and_no_changing_actions(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    await profile_of(user, SOPHIE, margaret, "Margaret Wilson", "view only, without statements", SOPHIES_LINK)
    await seen(user, VIEW_ONLY)
    await user.should_not_see("Save phone and e-mail")
    await user.should_not_see("Ask for a correction")
    assert f"/clients/{margaret}/statements" not in nav_paths(user)
    assert f"/clients/{margaret}/book" in nav_paths(user)
    await user.open(f"/clients/{margaret}/book")
    await seen(user, VIEW_ONLY)
    await user.should_not_see("Which service would you like?")
    await user.open(f"/clients/{margaret}/preferences")
    await seen(user, VIEW_ONLY)
    drawn = markers(user)
    assert "past-workers" in drawn  # the workers are listed, to read
    assert "save-wishes" not in drawn
    assert not any(marker.startswith(("block-", "unblock-")) for marker in drawn)


async def test_a_view_only_carer_has_no_statements(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, SOPHIE)
    await user.open(f"/clients/{margaret}/statements")
    await seen(user, "Your agency has not set you to receive statements for Margaret Wilson.")
    await user.should_not_see("Print / save as PDF")
    refused = await user.http_client.get(f"/clients/{margaret}/statements/pdf?month=2026-10")
    assert refused.status_code == 403
    assert "not set you to receive statements" in refused.text
    assert not refused.content.startswith(b"%PDF")


def rows(user: User) -> list[dict]:
    with user:
        return [row for table in user.find(marker="shift-table").elements for row in table.rows]


async def test_a_view_only_carers_visits_have_no_cancel_approve_or_query(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, SOPHIE)
    for tab in ("accepted", "completed"):
        await user.open(f"/clients/{margaret}/services?tab={tab}")
        await seen(user, VIEW_ONLY)
        assert rows(user)
        assert not any(row["can_cancel"] or row["can_approve"] or row["can_query"] for row in rows(user))


async def test_a_handler_reached_anyway_is_refused_and_changes_nothing(
    user: User, portal_personas: Personas
) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, SOPHIE)
    await user.open(f"/clients/{margaret}/services?tab=completed")
    completed = first_shift(margaret, ShiftStatus.COMPLETED)
    sophie = auth.load_actor(account_id(SOPHIE))
    assert sophie is not None
    before = (count(Booking), count(ClientWorker), preference_rows(margaret), shift(completed).status)

    async def nothing() -> None:
        raise AssertionError("the screen must not be refreshed after a refusal")

    with user:
        await shift_actions.approve(sophie, completed, nothing)
    await seen(user, VIEW_ONLY)
    assert (count(Booking), count(ClientWorker), preference_rows(margaret), shift(completed).status) == before
    assert before[3] == ShiftStatus.COMPLETED
    approval.approve(portal_personas.client, completed)  # Margaret approves it herself
    with user:
        assert await shift_actions.undo(sophie, completed, nothing) is False
    assert shift(completed).status == ShiftStatus.APPROVED


async def test_a_carer_who_may_book_books_and_cancels_but_neither_approves_nor_queries(
    user: User, portal_personas: Personas
) -> None:
    george = portal_personas.other_client.client_id
    words = "view, book and cancel, with statements"
    await profile_of(user, NICK, george, "George Papadopoulos", words, (CarerAccess.BOOK, True))
    await seen(user, "Save phone and e-mail")
    assert f"/clients/{george}/statements" in nav_paths(user)
    await user.open(f"/clients/{george}/services?tab=completed")
    await seen(
        user,
        "Your agency has set your access for George Papadopoulos to view, book and cancel. "
        "Ask the office to change it.",
    )
    assert rows(user)
    assert not any(row["can_approve"] or row["can_query"] for row in rows(user))
    await user.open(f"/clients/{george}/services?tab=accepted")
    assert any(row["can_cancel"] for row in rows(user))
    await user.open(f"/clients/{george}/book")
    await seen(user, "Which service would you like?")
    await user.open(f"/clients/{george}/statements")
    await seen(user, "Print / save as PDF")
