"""The one rule of what a carer may do for a linked client (docs/carer-access.md), without a
database: every level against every kind of action, with and without statements."""

import itertools

import pytest

from domain.accounts import access
from domain.accounts.access import Actor, Grant
from domain.errors import NotAllowed, SetByAgency
from domain.vocabulary import CarerAccess, ClientAction, Role

MARGARET = 7
OTHER = 8

# Written out by hand, not taken from the code under test: what each level allows.
ALLOWED = {
    CarerAccess.VIEW: {ClientAction.VIEW, ClientAction.STATEMENTS},
    CarerAccess.BOOK: {ClientAction.VIEW, ClientAction.STATEMENTS, ClientAction.BOOK, ClientAction.CANCEL},
    CarerAccess.APPROVE: set(ClientAction),
}
LEVEL_SAID = {
    CarerAccess.VIEW: "view only",
    CarerAccess.BOOK: "view, book and cancel",
    CarerAccess.APPROVE: "view, book and cancel, approve and query",
}


def carer(level: CarerAccess, statements: bool) -> Actor:
    return Actor(
        account_id=1,
        role=Role.CARER,
        display_name="Sophie Wilson",
        linked_clients=((MARGARET, "Margaret Wilson"),),
        grants=(Grant(MARGARET, level, statements),),
    )


@pytest.mark.parametrize(
    ("level", "what", "statements"), list(itertools.product(CarerAccess, ClientAction, (True, False)))
)
def test_every_level_allows_exactly_its_actions(
    level: CarerAccess, what: ClientAction, statements: bool
) -> None:
    expected = what in ALLOWED[level] and (what != ClientAction.STATEMENTS or statements)
    actor = carer(level, statements)
    assert access.may(actor, MARGARET, what) is expected
    if expected:
        access.require(actor, MARGARET, what)
        return
    with pytest.raises(SetByAgency) as refused:
        access.require(actor, MARGARET, what)
    if what == ClientAction.STATEMENTS:
        assert refused.value.message == (
            "Your agency has not set you to receive statements for Margaret Wilson. "
            "Ask the office to change it."
        )
    else:
        assert refused.value.message == (
            f"Your agency has set your access for Margaret Wilson to {LEVEL_SAID[level]}. "
            "Ask the office to change it."
        )


def test_the_view_only_refusal_reads_as_the_office_would_say_it() -> None:
    with pytest.raises(
        NotAllowed,
        match=r"^Your agency has set your access for Margaret Wilson to view only\. "
        r"Ask the office to change it\.$",
    ):
        access.require(carer(CarerAccess.VIEW, True), MARGARET, ClientAction.BOOK)


@pytest.mark.parametrize("what", list(ClientAction))
def test_a_client_they_are_not_linked_to_is_refused_without_saying_why(what: ClientAction) -> None:
    actor = carer(CarerAccess.APPROVE, True)
    with pytest.raises(NotAllowed) as refused:
        access.require(actor, OTHER, what)
    assert not isinstance(refused.value, SetByAgency)
    assert refused.value.message == NotAllowed().message


@pytest.mark.parametrize("what", list(ClientAction))
def test_clients_and_staff_are_not_limited_by_carer_levels(what: ClientAction) -> None:
    client = Actor(1, Role.CLIENT, "Margaret Wilson", client_id=MARGARET, linked_clients=((MARGARET, "M"),))
    staff = Actor(2, Role.CASE_MANAGER, "Chris Taylor")
    assert access.may(client, MARGARET, what)
    assert access.may(staff, MARGARET, what)
    assert not access.may(client, OTHER, what)


def test_a_worker_may_do_nothing_for_a_client() -> None:
    worker = Actor(3, Role.WORKER, "Aisha Rahman", worker_id=4)
    assert not any(access.may(worker, MARGARET, what) for what in ClientAction)


def test_the_carer_reads_their_access_in_plain_words() -> None:
    assert access.access_words(CarerAccess.VIEW, False) == "View only, without statements"
    assert access.access_words(CarerAccess.BOOK, True) == "View, book and cancel, with statements"


def test_a_carer_missing_a_grant_for_a_linked_client_only_reads() -> None:
    actor = Actor(1, Role.CARER, "Sophie Wilson", linked_clients=((MARGARET, "Margaret Wilson"),))
    assert access.may(actor, MARGARET, ClientAction.VIEW)
    assert not any(access.may(actor, MARGARET, what) for what in set(ClientAction) - {ClientAction.VIEW})
