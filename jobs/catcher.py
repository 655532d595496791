"""Development mode: a local SMTP server (aiosmtpd) that catches every e-mail the dispatcher sends,
so a newcomer can read a booking flow's mail at /admin/mail. Started by `make run` when no SMTP
server is configured; it never relays anything anywhere."""

import email
import logging
import socket
from email.message import EmailMessage
from email.policy import default as default_policy
from typing import Any

from aiosmtpd.controller import Controller

from domain import clock
from jobs.mailer import MailServer
from storage import caught_mail

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
CATCHER_SENDER = "care-portal@localhost"


class _Catch:
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802 (aiosmtpd's name)
        caught_mail.keep(parse(envelope.mail_from, envelope.rcpt_tos, envelope.content))
        return "250 Message accepted for delivery"


def parse(sender: str, recipients: list[str], content: bytes) -> caught_mail.CaughtMail:
    message = email.message_from_bytes(content, policy=default_policy)
    assert isinstance(message, EmailMessage)
    text, html = message.get_body(("plain",)), message.get_body(("html",))
    return caught_mail.CaughtMail(
        received_at=clock.now(),
        sender=sender,
        recipients=tuple(recipients),
        subject=str(message.get("Subject", "")),
        text=text.get_content() if text is not None else "",
        html=html.get_content() if html is not None else None,
        message_id=str(message.get("Message-ID", "")),
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def start(port: int, agency_name: str) -> tuple[Controller, MailServer]:
    """Start catching on the port (a free one if it is taken); the MailServer that sends to it."""
    try:
        controller = Controller(_Catch(), hostname=HOST, port=port, enable_SMTPUTF8=True)
        controller.start()
    except (OSError, RuntimeError):
        controller = Controller(_Catch(), hostname=HOST, port=free_port(), enable_SMTPUTF8=True)
        controller.start()
    caught_mail.set_catching(True)
    log.warning(
        "No SMTP server configured: e-mail is caught on %s:%s and listed at /admin/mail "
        "(set SMTP_HOST to deliver it)",
        HOST,
        controller.port,
    )
    return controller, MailServer(HOST, controller.port, CATCHER_SENDER, agency_name)


def stop(controller: Controller) -> None:
    controller.stop()
    caught_mail.set_catching(False)
