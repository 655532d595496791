"""A new installation without demo data: the first administrator comes from a one-time link, never a
default password; on SQLite and PostgreSQL."""

import pytest
from sqlalchemy import func, select

from domain.accounts import auth, first_admin
from domain.errors import InvalidInput, SignInFailed
from domain.vocabulary import Role
from storage import db
from storage.models import Account, Agency

BASE = "http://127.0.0.1:8080"


def token_of(link: str) -> str:
    assert link.startswith(f"{BASE}/welcome/")
    return link.rsplit("/", 1)[1]


def test_an_empty_database_gets_an_administrator_with_no_password_and_a_one_time_link(
    empty_db: str,
) -> None:
    link = first_admin.first_administrator_link("Admin@Example.com", BASE)
    assert link is not None
    with db.read() as session:
        [account] = session.scalars(select(Account)).all()
        assert (account.email, account.role, account.password_hash) == ("admin@example.com", Role.ADMIN, None)
        assert session.scalar(select(Agency.name)) == first_admin.PLACEHOLDER_AGENCY
    actor = auth.accept_invitation(token_of(link), "a long first password", "a long first password")
    assert actor.role == Role.ADMIN
    assert auth.sign_in("admin@example.com", "a long first password").account_id == actor.account_id
    # Once the password is set, no link is made again, and the used one no longer works.
    assert first_admin.first_administrator_link("admin@example.com", BASE) is None
    with pytest.raises(SignInFailed):
        auth.accept_invitation(token_of(link), "another long password", "another long password")


def test_a_new_start_before_the_password_is_set_makes_a_new_link_and_the_old_one_stops(empty_db: str) -> None:
    first = first_admin.first_administrator_link("admin@example.com", BASE)
    second = first_admin.first_administrator_link("admin@example.com", BASE)
    assert first is not None
    assert second is not None
    assert first != second
    with pytest.raises(SignInFailed):
        auth.accept_invitation(token_of(first), "a long first password", "a long first password")
    auth.accept_invitation(token_of(second), "a long first password", "a long first password")
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 1


def test_a_wrong_address_is_refused_at_the_field_and_changes_nothing(empty_db: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        first_admin.first_administrator_link("not an address", BASE)
    assert "not an e-mail address" in refused.value.fields["email"]
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Account)) == 0
        assert session.scalar(select(func.count()).select_from(Agency)) == 0


def test_an_agency_with_accounts_gets_no_link(demo_db: str) -> None:
    assert first_admin.first_administrator_link("admin@example.com", BASE) is None
