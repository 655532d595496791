"""A real SMTP server (aiosmtpd) for the tests, and a stand-in for the [notify] dispatcher that
delivers the outbox's pending e-mails to it with smtplib.

NOTE: the lead switches `deliver_pending` to the real dispatcher when [notify] is merged.
"""

import smtplib
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from sqlalchemy import select

from domain import agency, clock
from storage import db
from storage.models import OutboxMessage
from storage.models.enums import Channel, OutboxStatus


@dataclass
class Inbox:
    host: str
    port: int
    messages: list[EmailMessage] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook
        message = message_from_bytes(envelope.content, policy=policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def smtp_server() -> Iterator[Inbox]:
    inbox = Inbox("127.0.0.1", _free_port())
    controller = Controller(inbox, hostname=inbox.host, port=inbox.port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


def deliver_pending(inbox: Inbox) -> int:
    """Send every pending outbox e-mail to the test server; returns how many were sent."""
    sender = agency.settings().email
    with db.write() as session:
        pending = session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.channel == Channel.EMAIL, OutboxMessage.status == OutboxStatus.PENDING
            )
        ).all()
        with smtplib.SMTP(inbox.host, inbox.port, timeout=10) as smtp:
            for message in pending:
                smtp.send_message(_email(message, sender))
                message.status, message.sent_at, message.attempts = OutboxStatus.SENT, clock.now(), 1
    return len(pending)


def _email(message: OutboxMessage, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = message.to_address or ""
    email["Subject"] = message.subject
    email["Message-ID"] = message.message_id
    email.set_content(message.body_text)
    if message.body_html:
        email.add_alternative(message.body_html, subtype="html")
    return email
