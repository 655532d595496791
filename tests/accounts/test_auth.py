"""Signing in: argon2id hashes, lockout after five failures, unlock after fifteen minutes."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from demo import DEMO_PASSWORD
from domain import clock
from domain.accounts import auth, passwords
from domain.errors import AccountLocked, InvalidInput, SignInFailed
from domain.vocabulary import Role
from storage import db
from storage.models import Account

MARGARET = "margaret@example.com"


def failed_count(email: str) -> int:
    with db.read() as session:
        return session.scalar(select(Account.failed_logins).where(Account.email == email))


def test_passwords_are_hashed_with_argon2id_at_the_agreed_cost() -> None:
    hashed = passwords.hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert passwords.hashing.verify("correct horse battery", hashed)
    assert not passwords.hashing.verify("wrong", hashed)


def test_the_right_password_signs_in_and_gives_the_actor(demo_db: str) -> None:
    actor = auth.sign_in(MARGARET, DEMO_PASSWORD)
    assert actor.role == Role.CLIENT
    assert actor.display_name == "Margaret Wilson"
    assert actor.client_ids == (actor.client_id,)


def test_email_is_matched_without_regard_to_case_or_spaces(demo_db: str) -> None:
    assert auth.sign_in("  Margaret@Example.COM ", DEMO_PASSWORD).display_name == "Margaret Wilson"


def test_an_unknown_email_gets_the_same_answer_as_a_wrong_password(demo_db: str) -> None:
    with pytest.raises(SignInFailed) as unknown:
        auth.sign_in("nobody@example.com", DEMO_PASSWORD)
    with pytest.raises(SignInFailed) as wrong:
        auth.sign_in(MARGARET, "wrong password")
    assert unknown.value.message == wrong.value.message


def test_five_failures_lock_the_account_for_fifteen_minutes(demo_db: str) -> None:
    for attempt in range(1, 5):
        with pytest.raises(SignInFailed) as refused:
            auth.sign_in(MARGARET, "wrong password")
        assert not isinstance(refused.value, AccountLocked)
        assert failed_count(MARGARET) == attempt
    with pytest.raises(AccountLocked, match="locked for 15 minutes after 5 failed"):
        auth.sign_in(MARGARET, "wrong password")
    # Even the right password is refused while the lock lasts.
    clock.advance(timedelta(minutes=14, seconds=59))
    with pytest.raises(AccountLocked, match="try again in 1 minute"):
        auth.sign_in(MARGARET, DEMO_PASSWORD)
    clock.advance(timedelta(seconds=1))
    assert auth.sign_in(MARGARET, DEMO_PASSWORD).display_name == "Margaret Wilson"
    assert failed_count(MARGARET) == 0


def test_a_success_clears_earlier_failures(demo_db: str) -> None:
    for _ in range(4):
        with pytest.raises(SignInFailed):
            auth.sign_in(MARGARET, "wrong password")
    auth.sign_in(MARGARET, DEMO_PASSWORD)
    assert failed_count(MARGARET) == 0
    with pytest.raises(SignInFailed) as refused:  # one more failure does not lock
        auth.sign_in(MARGARET, "wrong password")
    assert not isinstance(refused.value, AccountLocked)


def test_a_lockout_stops_new_sign_ins_but_not_the_session_already_open(demo_db: str) -> None:
    """Otherwise anyone could sign a worker out of the app mid-shift by guessing five times."""
    account_id = auth.sign_in(MARGARET, DEMO_PASSWORD).account_id
    for _ in range(5):
        with pytest.raises(SignInFailed):
            auth.sign_in(MARGARET, "wrong password")
    with pytest.raises(AccountLocked):
        auth.sign_in(MARGARET, DEMO_PASSWORD)
    kept = auth.load_actor(account_id)
    assert kept is not None
    assert kept.account_id == account_id


def test_a_closed_account_cannot_sign_in_or_keep_its_session(demo_db: str) -> None:
    account_id = auth.sign_in(MARGARET, DEMO_PASSWORD).account_id
    with db.write() as session:
        session.scalar(select(Account).where(Account.email == MARGARET)).active = False
    with pytest.raises(SignInFailed):
        auth.sign_in(MARGARET, DEMO_PASSWORD)
    assert auth.load_actor(account_id) is None


@pytest.mark.parametrize(
    ("idle", "expired"),
    [
        (timedelta(minutes=29, seconds=59), False),
        (timedelta(minutes=30), False),
        (timedelta(minutes=30, seconds=1), True),
    ],
)
def test_sessions_expire_after_thirty_idle_minutes(idle: timedelta, expired: bool) -> None:
    now = clock.now()
    assert passwords.is_idle_expired(now - idle, now) is expired


def test_an_invitation_sets_the_password_once(demo_db: str) -> None:
    with db.read() as session:
        priya = session.scalar(select(Account).where(Account.email == "priya@example.com"))
    token = auth.invite(priya.id)
    with pytest.raises(InvalidInput, match="at least 8 characters"):
        auth.accept_invitation(token, "short", "short")
    with pytest.raises(InvalidInput, match="not the same"):
        auth.accept_invitation(token, "a long enough one", "a different one!")
    actor = auth.accept_invitation(token, "a long enough one", "a long enough one")
    assert actor.role == Role.CASE_MANAGER
    assert auth.sign_in("priya@example.com", "a long enough one").account_id == priya.id
    with pytest.raises(SignInFailed, match="expired or was already used"):
        auth.accept_invitation(token, "another long one", "another long one")


def test_an_invitation_expires_after_a_week(demo_db: str) -> None:
    with db.read() as session:
        tom = session.scalar(select(Account).where(Account.email == "tom@example.com"))
    token = auth.invite(tom.id)
    clock.advance(timedelta(days=7, seconds=1))
    with pytest.raises(SignInFailed, match="expired"):
        auth.accept_invitation(token, "a long enough one", "a long enough one")
