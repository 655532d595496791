"""The test administrator's authenticator app: a known TOTP secret (for tests only; the demo agency
that `make run` seeds has none, so its administrator sets one up at first sign-in), and the code it
would show for the next sign-in."""

import pyotp
from sqlalchemy import update
from sqlalchemy.orm import Session

from domain import clock
from storage import db
from storage.models import Account
from storage.queries import accounts as account_queries

ADMIN_EMAIL = "admin@example.com"
ADMIN_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"  # base32 of "TestSecretTestSecret": a test fixture only


def give_admin_second_factor(session: Session) -> None:
    """The demo agency's administrator, as every test database has them: two-step sign-in set up."""
    session.execute(update(Account).where(Account.email == ADMIN_EMAIL).values(totp_secret=ADMIN_SECRET))


def code(secret: str = ADMIN_SECRET, *, email: str = ADMIN_EMAIL) -> str:
    """The code the app shows for the next sign-in: the clock is frozen in tests, and a step already
    used is refused, so this is the earliest step the portal still accepts (one either side of now)."""
    with db.read() as session:
        account = account_queries.by_email(email, session=session)
        last_step = account.totp_last_step if account is not None else None
    totp = pyotp.TOTP(secret)
    now_step = int(clock.now().timestamp()) // totp.interval
    for step in (now_step - 1, now_step, now_step + 1):
        if last_step is None or step > last_step:
            return totp.generate_otp(step)
    raise AssertionError("three sign-ins with a code at one frozen moment: advance the clock")


def take_away(email: str = ADMIN_EMAIL) -> None:
    """As on a fresh `make run`: the account has no two-step sign-in set up yet."""
    with db.write() as session:
        session.execute(
            update(Account).where(Account.email == email).values(totp_secret=None, totp_last_step=None)
        )


def failed_sign_ins(email: str = ADMIN_EMAIL) -> int:
    with db.read() as session:
        account = account_queries.by_email(email, session=session)
        assert account is not None
        return account.failed_logins


def needs_code(email: str) -> bool:
    with db.read() as session:
        account = account_queries.by_email(email, session=session)
        return account is not None and account.totp_secret is not None
