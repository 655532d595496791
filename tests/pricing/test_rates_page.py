"""The /admin/rates page with NiceGUI's simulated user: a bad amount is explained at its field and
changes nothing; a good one is saved."""

from nicegui import ui
from nicegui.testing import User
from sqlalchemy import select

from storage import db
from storage.models import ServiceRate
from tests.support.personas import Personas
from tests.support.ui import eventually, sign_in


def field(user: User, marker: str) -> ui.input:
    return next(iter(user.find(marker=marker).elements))


def all_rates() -> list[tuple]:
    with db.read() as session:
        return sorted(session.execute(select(ServiceRate.id, ServiceRate.rate_cents)).all())


async def test_a_bad_rate_is_explained_at_its_field_and_changes_nothing(
    user: User, portal_personas: Personas
) -> None:
    before = all_rates()
    await sign_in(user, "admin@example.com")
    await user.open("/admin/rates")
    user.find(marker="rate-sunday-0").clear().type("lots")
    user.find(marker="save-rates").click()
    await eventually(lambda: field(user, "rate-sunday-0").error is not None, "the field says what is wrong")
    assert "dollars and cents" in (field(user, "rate-sunday-0").error or "")
    assert all_rates() == before


async def test_a_good_rate_is_saved(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "admin@example.com")
    await user.open("/admin/rates")
    user.find(marker="rate-sunday-0").clear().type("150.00")
    user.find(marker="save-rates").click()
    await user.should_see("Rates saved.")
    with db.read() as session:
        assert 15_000 in session.scalars(
            select(ServiceRate.rate_cents).where(ServiceRate.time_band == "sunday")
        )


async def test_the_rates_page_is_for_administrators_only(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "rosa@example.com")
    await user.open("/admin/rates")
    await user.should_not_see("Save rates")
