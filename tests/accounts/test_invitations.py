"""Administrators invite people (an e-mailed one-time link, DESIGN.md §6), send new links and lift
lockouts; nobody else can, and bad input is refused with a message and changes nothing.
On SQLite and PostgreSQL, with the e-mail read from a real SMTP server."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from domain import clock
from domain.accounts import auth, invitations
from domain.accounts.invitations import NewAccount
from domain.errors import InvalidInput, NotAllowed, SignInFailed
from domain.messaging import delivery
from domain.vocabulary import Role
from storage import db
from storage.models import Account, CarerLink, OutboxMessage
from tests.support.personas import Personas
from tests.support.smtp import SmtpServer

LINK_BASE = "https://portal.example"


def count(model: type) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def link_in(text: str) -> str:
    found = re.search(rf"{re.escape(LINK_BASE)}/welcome/(\S+)", text)
    assert found, text
    return found.group(1)


def test_an_invited_client_sets_a_password_from_the_emailed_link_and_signs_in(
    personas: Personas, smtp: SmtpServer
) -> None:
    new = NewAccount(Role.CLIENT, "Olivia Brown", "Olivia.Brown@Example.com ", client_number="c00005")
    account_id = invitations.invite(personas.admin, new, LINK_BASE)

    delivery.dispatch(smtp.mailer(), holder="test")
    [mail] = smtp.arrived
    assert mail.recipients == ["olivia.brown@example.com"]
    assert "Care Portal account" in mail.subject
    token = link_in(mail.body("plain"))
    actor = auth.accept_invitation(token, "a long new password", "a long new password")
    assert (actor.account_id, actor.role, actor.client_id is not None) == (account_id, Role.CLIENT, True)
    assert auth.sign_in("olivia.brown@example.com", "a long new password").account_id == account_id
    with pytest.raises(SignInFailed):  # the link works once
        auth.accept_invitation(token, "another password!", "another password!")


def test_a_carer_is_linked_to_every_client_number_given(personas: Personas) -> None:
    new = NewAccount(Role.CARER, "Jo Wilson", "jo@example.net", carer_of=("C00001", " c00002", "C00001"))
    account_id = invitations.invite(personas.admin, new, LINK_BASE)
    with db.read() as session:
        links = session.scalars(select(CarerLink.client_id).where(CarerLink.account_id == account_id)).all()
    assert len(links) == 2


@pytest.mark.parametrize(
    ("new", "field"),
    [
        (NewAccount(Role.ROSTER, "", "new@example.com"), "display_name"),
        (NewAccount(Role.ROSTER, "Sam Lee", "not an address"), "email"),
        (NewAccount(Role.ROSTER, "Sam Lee", "margaret@example.com"), "email"),  # already has an account
        (NewAccount(Role.CLIENT, "Nobody", "nobody@example.com", client_number="C99999"), "client_number"),
        (NewAccount(Role.CLIENT, "Margaret", "m2@example.com", client_number="C00001"), "client_number"),
        (NewAccount(Role.WORKER, "Nobody", "nobody@example.com", staff_number="W99999"), "staff_number"),
        (NewAccount(Role.WORKER, "Aisha", "a2@example.com", staff_number="W00001"), "staff_number"),
        (NewAccount(Role.CARER, "Jo", "jo@example.net"), "carer_of"),
        (NewAccount(Role.CARER, "Jo", "jo@example.net", carer_of=("C00001", "C99999")), "carer_of"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_changes_nothing(
    personas: Personas, new: NewAccount, field: str
) -> None:
    accounts, messages, links = count(Account), count(OutboxMessage), count(CarerLink)
    with pytest.raises(InvalidInput) as refused:
        invitations.invite(personas.admin, new, LINK_BASE)
    assert field in refused.value.fields
    assert refused.value.fields[field]
    assert (count(Account), count(OutboxMessage), count(CarerLink)) == (accounts, messages, links)


@pytest.mark.parametrize("who", ["client", "carer", "worker", "roster", "case_manager"])
def test_only_an_administrator_manages_accounts(personas: Personas, who: str) -> None:
    actor = getattr(personas, who)
    target = personas.worker.account_id
    with pytest.raises(NotAllowed):
        invitations.invite(actor, NewAccount(Role.ADMIN, "Eve", "eve@example.com"), LINK_BASE)
    with pytest.raises(NotAllowed):
        invitations.send_new_link(actor, target, LINK_BASE)
    with pytest.raises(NotAllowed):
        invitations.unlock(actor, target)
    with pytest.raises(NotAllowed):
        invitations.accounts(actor)
    with db.read() as session:
        assert session.scalar(select(Account).where(Account.email == "eve@example.com")) is None


def test_a_new_link_replaces_the_old_one(personas: Personas, smtp: SmtpServer) -> None:
    account_id = invitations.invite(
        personas.admin, NewAccount(Role.ROSTER, "Sam Lee", "sam@example.com"), LINK_BASE
    )
    invitations.send_new_link(personas.admin, account_id, LINK_BASE)
    delivery.dispatch(smtp.mailer(), holder="test")
    with db.read() as session:  # mails may arrive in any order (several SMTP connections)
        queued = session.scalars(select(OutboxMessage.message_id).order_by(OutboxMessage.id)).all()
    by_id = {mail.message_id: link_in(mail.body("plain")) for mail in smtp.arrived}
    first, second = (by_id[message_id] for message_id in queued)
    with pytest.raises(SignInFailed):
        auth.accept_invitation(first, "a long new password", "a long new password")
    assert (
        auth.accept_invitation(second, "a long new password", "a long new password").account_id == account_id
    )


def test_the_list_says_who_is_invited_locked_or_active(personas: Personas) -> None:
    invitations.invite(personas.admin, NewAccount(Role.ROSTER, "Sam Lee", "sam@example.com"), LINK_BASE)
    for _ in range(5):
        with pytest.raises(SignInFailed):
            auth.sign_in("ben@example.com", "wrong password")
    [sam] = invitations.accounts(personas.admin, "sam@").lines
    [ben] = invitations.accounts(personas.admin, "ben@").lines
    [margaret] = invitations.accounts(personas.admin, "margaret@").lines
    assert sam.state.startswith("Invited, link valid until")
    assert ben.state.startswith("Locked until")
    assert margaret.state == "Active"

    invitations.unlock(personas.admin, personas.other_worker.account_id)
    [ben] = invitations.accounts(personas.admin, "ben@").lines
    assert ben.state == "Active"
    clock.advance(timedelta(days=8))
    [sam] = invitations.accounts(personas.admin, "sam@").lines
    assert sam.state == "No password yet: send a new link"


def test_the_list_is_paged_and_searched_in_the_database(personas: Personas) -> None:
    everyone = invitations.accounts(personas.admin)
    assert len(everyone.lines) == min(everyone.total, invitations.PAGE_SIZE)
    assert everyone.total == count(Account)
    found = invitations.accounts(personas.admin, "MARGARET@")
    assert [line.email for line in found.lines] == ["margaret@example.com"]
