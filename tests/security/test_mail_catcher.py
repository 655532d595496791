"""Finding 7: the development mail catcher (/admin/mail) is for administrators only, and the
one-time links in what it caught are masked, so no staff member can take over another account
(an administrator's included) with an invitation or a new-password link."""

import asyncio
import re
from collections.abc import Iterator

import pytest
from nicegui.testing import User

from domain.accounts import invitations
from domain.errors import NotAllowed
from domain.messaging import caught_mail, delivery
from domain.vocabulary import Role
from jobs import builtin, catcher, mailer, startup
from storage import caught_mail as caught_store
from tests.support.personas import Personas
from tests.support.ui import sign_in

LINK_BASE = "http://portal.example"


@pytest.fixture
def catching() -> Iterator[mailer.MailServer]:
    controller, server = catcher.start(catcher.free_port(), "Demo agency")
    yield server
    catcher.stop(controller)
    caught_store.forget()


def invite_and_deliver(personas: Personas, server: mailer.MailServer | delivery.Mailer | None) -> str:
    """An administrator invites a new roster officer and sends the admin a new link; the catcher
    receives both. Returns the invitation's secret token, as the e-mail carried it."""
    invitations.invite(
        personas.admin,
        invitations.NewAccount(role=Role.ROSTER, display_name="Nina Fox", email="nina@example.com"),
        LINK_BASE,
    )
    invitations.send_new_link(personas.admin, personas.admin.account_id, LINK_BASE)
    sender = mailer.mailer(server) if isinstance(server, mailer.MailServer) else server
    assert delivery.dispatch(sender, holder="test").sent == 2
    tokens = [
        match
        for mail in caught_store.newest_first()
        for match in re.findall(r"/welcome/([A-Za-z0-9_\-]+)", mail.text + (mail.html or ""))
    ]
    assert len(set(tokens)) == 2, tokens
    return tokens[0]


@pytest.mark.parametrize("email", ["rosa@example.com", "chris@example.com"])
async def test_other_staff_cannot_open_the_caught_mail(
    user: User, email: str, portal_personas: Personas, catching: mailer.MailServer
) -> None:
    await asyncio.to_thread(invite_and_deliver, portal_personas, catching)
    await sign_in(user, email)
    await user.open("/admin/mail")
    await user.should_see("You do not have access")
    await user.should_not_see("Nina Fox")
    await user.should_not_see("Caught mail")  # not offered in the navigation either


async def test_an_administrator_sees_the_invitation_but_not_its_link(
    user: User, portal_personas: Personas, catching: mailer.MailServer
) -> None:
    token = await asyncio.to_thread(invite_and_deliver, portal_personas, catching)
    await sign_in(user, "admin@example.com")
    await user.open("/admin/mail")
    await user.should_see("nina@example.com")
    await user.should_see(f"{LINK_BASE}/welcome/{caught_mail.MASK}")
    await user.should_not_see(token)
    page = (await user.http_client.get("/admin/mail")).text
    assert token not in page


def test_the_domain_masks_every_one_time_link_and_refuses_other_staff(
    personas: Personas, catching: mailer.MailServer
) -> None:
    token = invite_and_deliver(personas, catching)
    shown = caught_mail.caught(personas.admin)
    assert len(shown) == 2
    for mail in shown:
        assert token not in mail.text
        assert mail.html is not None
        assert token not in mail.html
        assert f"/welcome/{caught_mail.MASK}" in mail.text
    for staff in (personas.roster, personas.case_manager):
        with pytest.raises(NotAllowed):
            caught_mail.caught(staff)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Open https://care.example/welcome/AbC-123_x?y=1 now", "Open https://care.example/welcome/•••• now"),
        ("https://x.example/reset?token=abcdefghijklmnop1234", "https://x.example/reset?token=••••"),
        ("https://x.example/clients/12/profile", "https://x.example/clients/12/profile"),
        ("Reference abcdefghijklmnop1234 stays", "Reference abcdefghijklmnop1234 stays"),
    ],
)
def test_mask_links(text: str, expected: str) -> None:
    assert caught_mail.mask_links(text) == expected


def test_the_catcher_never_starts_when_smtp_is_configured(
    demo_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAIL_CATCHER_PORT", str(catcher.free_port()))
    monkeypatch.setenv("SMTP_HOST", "smtp.example.org")
    assert startup.start_catcher() is None
    assert not caught_store.is_catching()


def test_the_catcher_stops_and_forgets_once_smtp_is_configured(
    personas: Personas, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MAIL_CATCHER_PORT", str(catcher.free_port()))
    controller = startup.start_catcher()
    assert controller is not None
    try:
        assert caught_store.is_catching()
        invite_and_deliver(personas, builtin.current_mailer())
        assert len(caught_mail.caught(personas.admin)) == 2
        monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("SMTP_PORT", str(catcher.free_port()))  # nothing listens: nothing is sent
        assert builtin.current_mailer() is not None
        assert not caught_store.is_catching()
        assert caught_store.newest_first() == []
        assert caught_mail.caught(personas.admin) == []
    finally:
        builtin.catch_mail_with(None)
        startup.stop_catcher(controller)
