"""The passwords a person may choose: 8 to 128 characters, not one of the 20,000 common ones."""

import pytest

from domain.accounts import auth, passwords
from domain.errors import InvalidInput
from tests.support.personas import Personas


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short12", "at least 8 characters"),
        ("x" * 129, "at most 128 characters"),
        ("password", "one of the most common"),
        ("Password1", "one of the most common"),  # without regard to case
        ("iloveyou", "one of the most common"),
        ("qwertyuiop", "one of the most common"),
    ],
)
def test_a_short_long_or_common_password_is_refused_with_a_clear_message(password: str, problem: str) -> None:
    assert problem in passwords.password_problems(password, password)["password"]


@pytest.mark.parametrize("password", ["eight ch", "x" * 64 + "y" * 64, "the kettle is on at ten"])
def test_eight_to_a_hundred_and_twenty_eight_uncommon_characters_are_fine(password: str) -> None:
    assert passwords.password_problems(password, password) == {}


def test_the_list_ships_with_the_portal() -> None:
    assert passwords.COMMON_PASSWORDS.is_file()
    assert passwords.is_common("123456789")


def test_a_common_password_from_an_invitation_is_refused_and_changes_nothing(personas: Personas) -> None:
    link = auth.invite(personas.worker.account_id)
    with pytest.raises(InvalidInput) as refused:
        auth.accept_invitation(link, "password123", "password123")
    assert "most common" in refused.value.fields["password"]
    actor = auth.accept_invitation(link, "a sentence I remember", "a sentence I remember")  # link still works
    assert actor.account_id == personas.worker.account_id
