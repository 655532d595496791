"""The rules of signing in, as pure functions: argon2id password hashes, the password a person may
choose, lockout after repeated failures, idle expiry, and the hash kept of one-time tokens.

Hashing costs about 20 ms by design; callers on the event loop run it through `run.io_bound`.
"""

import functools
import hashlib
import secrets
from datetime import datetime, timedelta
from pathlib import Path

from passlib.context import CryptContext

from domain.language import _, ngettext

MAX_FAILED_SIGN_INS = 5
LOCKOUT = timedelta(minutes=15)
IDLE_LIMIT = timedelta(minutes=30)
INVITATION_VALID = timedelta(days=7)
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 128
COMMON_PASSWORDS = Path(__file__).resolve().parents[2] / "assets" / "passwords" / "common.txt"

# OWASP's argon2id minimum: 19 MiB, two passes, one lane.
hashing = CryptContext(
    schemes=["argon2"],
    argon2__type="ID",
    argon2__memory_cost=19456,
    argon2__time_cost=2,
    argon2__parallelism=1,
)
# Verified against for unknown e-mail addresses, so a wrong address costs as long as a wrong password.
_DUMMY_HASH = hashing.hash(secrets.token_hex(16))


def hash_password(password: str) -> str:
    return hashing.hash(password)


def matches(password: str, stored_hash: str | None) -> bool:
    """Whether the password is the one stored; as slow without a stored hash as with one."""
    return hashing.verify(password, stored_hash or _DUMMY_HASH) and stored_hash is not None


def needs_rehash(stored_hash: str) -> bool:
    """Hashed with weaker settings than today's: rehash it while the password is at hand."""
    return hashing.needs_update(stored_hash)


@functools.cache
def _common() -> frozenset[str]:
    """The 20,000 common and breached passwords shipped in assets/passwords (read once, no network)."""
    return frozenset(
        line.strip().lower() for line in COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    )


def is_common(password: str) -> bool:
    return password.strip().lower() in _common()


def password_problems(password: str, repeated: str) -> dict[str, str]:
    problems: dict[str, str] = {}
    if len(password) < MIN_PASSWORD_LENGTH:
        problems["password"] = _("Please choose a password of at least {n} characters.").format(
            n=MIN_PASSWORD_LENGTH
        )
    elif len(password) > MAX_PASSWORD_LENGTH:
        problems["password"] = _("Please choose a password of at most {n} characters.").format(
            n=MAX_PASSWORD_LENGTH
        )
    elif is_common(password):
        problems["password"] = _(
            "That password is one of the most common ones, which others try first. "
            "Please choose another: a short sentence you will remember works well."
        )
    elif password != repeated:
        problems["repeated"] = _("The two passwords are not the same.")
    return problems


def locked_message(locked_until: datetime, now: datetime) -> str:
    minutes = max(1, int((locked_until - now).total_seconds() + 59) // 60)
    return ngettext(
        "This account is locked for 15 minutes after {failures} failed sign-in attempts. "
        "Please try again in {n} minute, or call the agency.",
        "This account is locked for 15 minutes after {failures} failed sign-in attempts. "
        "Please try again in {n} minutes, or call the agency.",
        minutes,
    ).format(failures=MAX_FAILED_SIGN_INS, n=minutes)


def after_failure(failed_sign_ins: int, now: datetime) -> tuple[int, datetime | None]:
    """The failure count and lock to store after one more wrong password."""
    failed = failed_sign_ins + 1
    if failed >= MAX_FAILED_SIGN_INS:
        return 0, now + LOCKOUT
    return failed, None


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and now < locked_until


def is_idle_expired(last_seen: datetime | None, now: datetime) -> bool:
    return last_seen is None or now - last_seen > IDLE_LIMIT


def token_hash(token: str) -> str:
    """What is kept of a one-time link or API token: its SHA-256, never the token itself."""
    return hashlib.sha256(token.encode()).hexdigest()
