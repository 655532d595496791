"""Choosing a language on the profile page, and who sees which language: the client's and carer's
pages follow their choice; staff pages stay in English whatever is stored; the sign-in page follows
the browser's languages."""

from nicegui.testing import User
from sqlalchemy import update

from domain.language import _, use
from storage import db
from storage.models import Account
from tests.support.personas import Personas
from tests.support.ui import eventually, sign_in


def said_in(code: str, message: str) -> str:
    with use(code):
        translated = _(message)
    assert translated != message, f"the {code} catalogue has no {message!r}"
    return translated


def stored_language(email: str) -> str:
    with db.read() as session:
        return str(
            session.scalar(
                Account.__table__.select().with_only_columns(Account.language).where(Account.email == email)
            )
        )


async def test_a_client_switches_her_pages_to_vietnamese(user: User, portal_personas: Personas) -> None:
    margaret = portal_personas.client.client_id
    await sign_in(user, "margaret@example.com")
    await user.open(f"/clients/{margaret}/profile")
    await user.should_see("Language")
    user.find(marker="language-choice").elements.pop().value = "vi"
    user.find(marker="save-language").click()
    await eventually(lambda: stored_language("margaret@example.com") == "vi", "the choice is saved")
    await user.open(f"/clients/{margaret}/profile")
    await user.should_see(said_in("vi", "Save language"))
    await user.should_see("Ngôn ngữ · Language")  # the way back, in English too
    await user.open(f"/clients/{margaret}/calendar")
    await user.should_see(said_in("vi", "Calendar"))
    await user.should_not_see("Save language")


async def test_staff_pages_stay_in_english(user: User) -> None:
    with db.write() as session:
        session.execute(update(Account).where(Account.email == "rosa@example.com").values(language="vi"))
    await sign_in(user, "rosa@example.com")
    await user.open("/admin/day")
    await user.should_see("Day Manager")
    await user.should_not_see(said_in("vi", "Calendar"))


async def test_a_carer_reads_in_arabic_while_the_client_reads_english(
    user: User, portal_personas: Personas
) -> None:
    with db.write() as session:
        session.execute(update(Account).where(Account.email == "daniel@example.com").values(language="ar"))
    thanh = portal_personas.cared_for("Thanh")
    await sign_in(user, "daniel@example.com")
    await user.open(f"/clients/{thanh}/calendar")
    await user.should_see(said_in("ar", "Calendar"))
    assert user.client.page.resolve_language() == "ar"
