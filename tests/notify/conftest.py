"""Fixtures for delivery tests: a real SMTP server (aiosmtpd) that records what arrives, a small
agency (settings row, a roster officer and a support worker) on both databases, and a mailer."""

import email
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import default as default_policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from domain import agency, letterhead, outbox
from jobs import mailer
from storage import db
from storage.models import Account, Agency, OutboxMessage
from storage.models.enums import Role

AGENCY = "Harbour & Hills <Care>"  # markup characters on purpose: they must come out escaped
SENDER = "care@harbour.example"


@dataclass(frozen=True)
class Arrived:
    sender: str
    recipients: list[str]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])

    def body(self, kind: str) -> str:
        part = self.message.get_body((kind,))
        assert part is not None, f"no {kind} body"
        return part.get_content()


class Recorder:
    """aiosmtpd handler: keeps every message; `refuse` maps a recipient to the reply that refuses it."""

    def __init__(self) -> None:
        self.arrived: list[Arrived] = []
        self.refuse: dict[str, str] = {}

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:  # noqa: N802
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        assert isinstance(message, EmailMessage)
        self.arrived.append(Arrived(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


class SmtpServer:
    """A real SMTP server on a free local port, which the test can stop and start again."""

    def __init__(self) -> None:
        self.recorder = Recorder()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller: Controller | None = None

    @property
    def arrived(self) -> list[Arrived]:
        return self.recorder.arrived

    def start(self) -> None:
        self.controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def server(self) -> mailer.MailServer:
        return mailer.MailServer("127.0.0.1", self.port, SENDER, AGENCY, timeout=5)

    def mailer(self) -> Callable:
        return mailer.mailer(self.server())


@pytest.fixture
def smtp_down() -> Iterator[SmtpServer]:
    """The port of an SMTP server that is not running yet (the test starts it)."""
    server = SmtpServer()
    yield server
    server.stop()


@pytest.fixture
def smtp(smtp_down: SmtpServer) -> SmtpServer:
    smtp_down.start()
    return smtp_down


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
    agency.forget_cached()
    return SmallAgency(empty_db, ids[0], ids[1])


@outbox.template("notify_test_note")
def _test_note(context: Any, settings: agency.AgencySettings) -> outbox.Rendered:
    """A message for these tests only, laid out like every real e-mail."""
    return letterhead.letter(
        settings,
        subject=f"Test note {context['n']}",
        greeting=f"Dear {context['name']},",
        paragraphs=[f"This is note number {context['n']}."],
        details=[("Number", str(context["n"]))],
    )


def queue_emails(count: int, to: str = "client@harbour.example", name: str = "Margaret") -> list[int]:
    with db.write() as session:
        return [
            outbox.queue_email(
                session, to=[to], template="notify_test_note", context={"n": n, "name": name}
            ).id
            for n in range(count)
        ]


def outbox_rows() -> list[OutboxMessage]:
    with db.read() as session:
        return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
