"""Staff two-step sign-in: TOTP codes and recovery codes, required for administrators, a wrong code
counted towards the lockout, a lost phone reset by another administrator."""

from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import update

from demo import DEMO_PASSWORD
from domain import clock
from domain.accounts import api_tokens, auth, passwords, second_factor, sessions
from domain.errors import (
    AccountLocked,
    DomainError,
    InvalidInput,
    NotAllowed,
    SecondFactorNeeded,
    SignInFailed,
)
from storage import db
from storage.models import Account
from tests.support import second_factor as admin_app
from tests.support.personas import Personas


def code_at(secret: str, steps_ahead: int = 0) -> str:
    totp = pyotp.TOTP(secret)
    return totp.generate_otp(int(clock.now().timestamp()) // totp.interval + steps_ahead)


def test_the_administrator_needs_the_code_after_the_password(personas: Personas) -> None:
    with pytest.raises(SignInFailed, match="do not match"):  # a wrong password says nothing of a code
        auth.sign_in("admin@example.com", "not the password")
    with pytest.raises(SecondFactorNeeded):
        auth.sign_in("admin@example.com", DEMO_PASSWORD)
    actor = auth.sign_in("admin@example.com", DEMO_PASSWORD, admin_app.code())
    assert actor.account_id == personas.admin.account_id


def test_a_code_works_once(personas: Personas) -> None:
    code = admin_app.code()
    auth.sign_in("admin@example.com", DEMO_PASSWORD, code)
    with pytest.raises(SignInFailed, match="code is not right"):
        auth.sign_in("admin@example.com", DEMO_PASSWORD, code)  # overheard and replayed


def test_wrong_codes_count_towards_the_lockout(personas: Personas) -> None:
    for _ in range(passwords.MAX_FAILED_SIGN_INS - 1):
        with pytest.raises(SignInFailed, match="code is not right"):
            auth.sign_in("admin@example.com", DEMO_PASSWORD, "000000")
    with pytest.raises(AccountLocked):
        auth.sign_in("admin@example.com", DEMO_PASSWORD, "000000")
    with pytest.raises(AccountLocked):
        auth.sign_in("admin@example.com", DEMO_PASSWORD, admin_app.code())


def test_an_administrator_without_it_may_only_set_it_up(personas: Personas) -> None:
    with db.write() as session:
        session.execute(update(Account).where(Account.email == "admin@example.com").values(totp_secret=None))
    actor = auth.sign_in("admin@example.com", DEMO_PASSWORD)
    began = sessions.redeem(sessions.open_for(actor))
    live = sessions.resume(began.token)
    assert live is not None
    assert live.enrol_only
    with pytest.raises(NotAllowed):
        sessions.promote(began.token)  # not before it is set up

    enrolment = second_factor.new_enrolment(actor)
    assert enrolment.uri.startswith("otpauth://totp/Care%20Portal:admin%40example.com?secret=")
    with pytest.raises(InvalidInput, match="code is not right"):
        second_factor.confirm(actor, enrolment.secret, "123 456", began.token)
    codes = second_factor.confirm(actor, enrolment.secret, code_at(enrolment.secret), began.token)
    assert len(codes) == second_factor.RECOVERY_CODES
    assert len(set(codes)) == second_factor.RECOVERY_CODES
    full = sessions.redeem(sessions.promote(began.token), replacing=began.token)
    assert sessions.resume(began.token) is None  # a new identity for the new privilege
    promoted = sessions.resume(full.token)
    assert promoted is not None
    assert not promoted.enrol_only

    with pytest.raises(SignInFailed):
        auth.sign_in("admin@example.com", DEMO_PASSWORD, code_at(enrolment.secret))  # used to confirm
    assert auth.sign_in("admin@example.com", DEMO_PASSWORD, codes[0].upper())  # a recovery code, once
    with pytest.raises(SignInFailed):
        auth.sign_in("admin@example.com", DEMO_PASSWORD, codes[0])
    assert second_factor.status(actor).recovery_codes_left == second_factor.RECOVERY_CODES - 1


def test_other_staff_may_set_it_up_and_clients_are_not_offered_it(personas: Personas) -> None:
    enrolment = second_factor.new_enrolment(personas.roster)
    second_factor.confirm(personas.roster, enrolment.secret, code_at(enrolment.secret))
    with pytest.raises(SecondFactorNeeded):
        auth.sign_in("rosa@example.com", DEMO_PASSWORD)
    clock.advance(timedelta(seconds=30))
    assert auth.sign_in("rosa@example.com", DEMO_PASSWORD, code_at(enrolment.secret))
    with pytest.raises(SignInFailed):  # the roster's app needs the code too
        api_tokens.issue("rosa@example.com", DEMO_PASSWORD)
    clock.advance(timedelta(seconds=30))
    assert api_tokens.issue("rosa@example.com", DEMO_PASSWORD, code=code_at(enrolment.secret)).token
    with pytest.raises(NotAllowed):
        second_factor.new_enrolment(personas.client)


def test_another_administrator_resets_a_lost_phone(personas: Personas) -> None:
    enrolment = second_factor.new_enrolment(personas.roster)
    second_factor.confirm(personas.roster, enrolment.secret, code_at(enrolment.secret))
    clock.advance(timedelta(seconds=30))
    actor = auth.sign_in("rosa@example.com", DEMO_PASSWORD, code_at(enrolment.secret))
    browser = sessions.redeem(sessions.open_for(actor)).token
    with pytest.raises(NotAllowed):
        second_factor.reset(personas.case_manager, personas.roster.account_id)
    with pytest.raises(DomainError, match="Another administrator"):
        second_factor.reset(personas.admin, personas.admin.account_id)
    second_factor.reset(personas.admin, personas.roster.account_id)
    assert sessions.resume(browser) is None
    assert auth.sign_in("rosa@example.com", DEMO_PASSWORD).account_id == personas.roster.account_id
