"""A real SMTP server (aiosmtpd) for the tests: it records what arrives, can refuse addresses,
and can be stopped and started again on the same port."""

import email
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import default as default_policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from nicegui.testing.screen import Screen

from jobs import mailer

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


def _free_port() -> int:
    """A free local port, never the browser tests' one: NiceGUI's Screen picks its port once per
    session but binds it only while a browser test runs, so the system may offer it here too (a
    browser test then found this SMTP server where the portal should be)."""
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port != Screen.PORT:
            return port


class SmtpServer:
    """A real SMTP server on a free local port, which the test can stop and start again."""

    def __init__(self, *, utf8: bool = False) -> None:
        self.recorder = Recorder()
        self.port = _free_port()
        self.utf8 = utf8  # offers SMTPUTF8: international addresses as they are
        self.controller: Controller | None = None

    @property
    def arrived(self) -> list[Arrived]:
        return self.recorder.arrived

    def start(self) -> None:
        self.controller = Controller(
            self.recorder, hostname="127.0.0.1", port=self.port, enable_SMTPUTF8=self.utf8
        )
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


@pytest.fixture
def smtp_utf8() -> Iterator[SmtpServer]:
    """A running SMTP server that offers SMTPUTF8."""
    server = SmtpServer(utf8=True)
    server.start()
    yield server
    server.stop()
