"""Toasts (components/toast.py) with NiceGUI's simulated user: in the header's strip, a live
region; a newer message replaces an older one; the words of a problem are kept on screen."""

from nicegui.testing import User

from tests.support.personas import Personas
from tests.support.ui import eventually, sign_in


def toasts(user: User) -> list[str]:
    [strip] = user.find(marker="toasts").elements
    return [getattr(child, "text", "") for child in strip.default_slot.children if getattr(child, "text", "")]


async def test_a_newer_toast_replaces_the_older_one(user: User, portal_personas: Personas) -> None:
    await sign_in(user, "margaret@example.com")
    [strip] = user.find(marker="toasts").elements
    assert (strip.props["role"], strip.props["aria-live"]) == ("status", "polite")
    assert toasts(user) == []
    user.find(marker="mobile_phone").clear().type("12345")
    user.find("Save phone and e-mail").click()
    await eventually(lambda: toasts(user) == ["Please check the highlighted fields."], "the problem is said")
    user.find(marker="mobile_phone").clear().type("0491 570 110")
    user.find("Save phone and e-mail").click()
    await eventually(lambda: toasts(user) == ["Phone and e-mail saved."], "the new message replaces the old")
