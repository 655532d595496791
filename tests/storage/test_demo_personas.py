"""Every persona the README lists can sign in as the role it says, and the demo case manager
(Chris) is the one the persona clients' queries go to, so the demo tells one consistent story."""

import re
from pathlib import Path

import pytest

from demo.personas import CLIENTS, DEMO_CASE_MANAGER, DEMO_LOGINS, DEMO_PASSWORD
from domain.accounts import auth
from domain.signoff import approval
from domain.vocabulary import Role
from storage import db
from storage.models import Account, Client
from tests.support import second_factor

README = Path(__file__).resolve().parents[2] / "README.md"
ROLES = {
    "Client": {Role.CLIENT},
    "Carer of two clients": {Role.CARER},
    "Carer, view only": {Role.CARER},
    "Carer, book and cancel": {Role.CARER},
    "Support worker": {Role.WORKER},
    "Roster officer": {Role.ROSTER},
    "Case manager": {Role.CASE_MANAGER},
    "Administrator": {Role.ADMIN},
}


def readme_logins() -> list[tuple[str, str, str]]:
    """The rows of the README's "Demo logins" table."""
    section = README.read_text().split("### Demo logins", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| ([^|]+?) \| `([^`]+)` \| ([^|]+?) \|$", section, re.MULTILINE)


def test_the_readme_lists_exactly_the_demo_logins() -> None:
    assert readme_logins() == [(login.role, login.email, login.who) for login in DEMO_LOGINS]


def test_every_readme_persona_signs_in_as_their_role(demo_db: str) -> None:
    for role, email, who in readme_logins():
        code = second_factor.code() if email == second_factor.ADMIN_EMAIL else None
        actor = auth.sign_in(email, DEMO_PASSWORD, code)
        assert actor.role in ROLES[role], email
        assert who.startswith(actor.display_name), email


def test_the_persona_clients_queries_go_to_the_demo_case_manager(demo_db: str) -> None:
    names = [(client["first_name"], client["last_name"]) for client in CLIENTS]
    with db.read() as session:
        chris = session.query(Account).filter(Account.email == DEMO_CASE_MANAGER).one()
        clients = session.query(Client).order_by(Client.id).limit(len(CLIENTS)).all()  # seeded first
    assert [(c.first_name, c.last_name) for c in clients] == names
    assert {client.case_manager_account_id for client in clients} == {chris.id}
    actor = auth.sign_in(DEMO_CASE_MANAGER, DEMO_PASSWORD)
    margarets = [q for q in approval.open_queries(actor) if q.client.startswith("Margaret")]
    assert margarets
    assert all(query.mine for query in margarets)


@pytest.mark.parametrize("email", ["tom@example.com", "priya@example.com"])
def test_staff_without_a_password_are_not_personas(email: str) -> None:
    assert email not in {login.email for login in DEMO_LOGINS}
