"""The standing personas every test uses, taken from the demo agency: each carries its own ids
(account, client or worker, and the clients a carer acts for), so no test spells an id out."""

from dataclasses import dataclass

from domain.accounts import auth
from domain.accounts.access import Actor
from storage import db
from storage.queries import accounts


@dataclass(frozen=True)
class Personas:
    client: Actor  # Margaret Wilson
    other_client: Actor  # George Papadopoulos
    carer: Actor  # Daniel Nguyen, carer of Thanh and Bích Nguyễn
    worker: Actor  # Aisha Rahman, Margaret's usual worker
    other_worker: Actor  # Ben Carter
    roster: Actor  # Rosa Martinez
    case_manager: Actor  # Chris Taylor
    admin: Actor  # Alex Morgan

    def cared_for(self, first_name: str) -> int:
        """The client id of one of the carer's two clients: "Thanh" or "Bích"."""
        [client_id] = [i for i, name in self.carer.linked_clients if name.split()[0] == first_name]
        return client_id


EMAILS = {
    "client": "margaret@example.com",
    "other_client": "george@example.com",
    "carer": "daniel@example.com",
    "worker": "aisha@example.com",
    "other_worker": "ben@example.com",
    "roster": "rosa@example.com",
    "case_manager": "chris@example.com",
    "admin": "admin@example.com",
}


def account_id(email: str) -> int:
    with db.read() as session:
        account = accounts.by_email(email, session=session)
        assert account is not None, email
        return account.id


def load_personas() -> Personas:
    actors = {}
    for role, email in EMAILS.items():
        actor = auth.load_actor(account_id(email))
        assert actor is not None, email
        actors[role] = actor
    return Personas(**actors)
