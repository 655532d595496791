"""For the delivery and job tests: a small agency (its settings row and two roster officers, to
whom app messages can go) on both databases, test notes queued in the outbox, and its rows."""

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from domain import action
from domain.messaging import outbox
from domain.vocabulary import Role
from storage import db
from storage.models import Account, Agency, OutboxMessage
from tests.support.letters import TestNote
from tests.support.smtp import AGENCY


@dataclass(frozen=True)
class SmallAgency:
    url: str
    roster_account: int
    other_account: int


@pytest.fixture
def small_agency(empty_db: str) -> SmallAgency:
    """The agency's settings and two staff accounts (app messages go to accounts), nothing else."""
    with db.write() as session:
        session.add(
            Agency(
                name=AGENCY,
                phone="02 9000 0000",
                email="office@harbour.example",
                roster_email="roster@harbour.example",
            )
        )
        accounts = [
            Account(email=f"{who}@harbour.example", display_name=who.title(), role=Role.ROSTER)
            for who in ("rosa", "ravi")
        ]
        session.add_all(accounts)
        session.flush()
        ids = [account.id for account in accounts]
    return SmallAgency(empty_db, ids[0], ids[1])


def queue_emails(count: int, to: str = "client@harbour.example", name: str = "Margaret") -> list[int]:
    with action.writing() as act:
        return [outbox.email(act, to=[to], letter=TestNote(n, name))[0].id for n in range(count)]


def outbox_rows() -> list[OutboxMessage]:
    with db.read() as session:
        return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
