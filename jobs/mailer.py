"""E-mail through yagmail to the agency's SMTP server, one connection per batch.

yagmail opens the connection (TLS, STARTTLS, login); the message itself is built with the standard
library, because yagmail's own builder merges every part into one HTML body, and we send both a
plain-text and an HTML body with our stored Message-ID.
"""

import os
import smtplib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from email.header import Header
from email.message import EmailMessage, Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import SMTPUTF8, compat32
from email.utils import format_datetime, formataddr

import yagmail

from domain import clock
from domain.agency.mail_settings import AgencyMailSettings
from domain.messaging.delivery import DeliveryError, Envelope, Mailer, ServerUnavailable

IMPLICIT_TLS_PORT = 465
WIRE = compat32.clone(linesep="\r\n")  # smtplib sends bytes as they are: CRLF line ends here


@dataclass(frozen=True)
class MailServer:
    host: str
    port: int
    sender: str
    sender_name: str
    user: str | None = None
    password: str | None = None
    starttls: bool = False
    timeout: float = 20.0

    @property
    def implicit_tls(self) -> bool:
        return self.port == IMPLICIT_TLS_PORT


def _flag(value: str | None, default: bool) -> bool:
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def configured_server(agency: AgencyMailSettings, env: Mapping[str, str] = os.environ) -> MailServer | None:
    """The SMTP server from the environment (which wins) and the agency's settings; None if neither
    names a host (development: the mail catcher stands in)."""
    host = env.get("SMTP_HOST") or agency.host
    if not host:
        return None
    return MailServer(
        host=host,
        port=int(env.get("SMTP_PORT") or agency.port or 587),
        sender=env.get("SMTP_FROM") or agency.sender or agency.agency_email,
        sender_name=agency.agency_name,
        user=env.get("SMTP_USER") or agency.user or None,
        password=env.get("SMTP_PASSWORD") or None,
        starttls=_flag(env.get("SMTP_STARTTLS"), agency.starttls),
    )


def mailer(server: MailServer, on_greeting: Callable[[bool], None] | None = None) -> Mailer:
    """Opens one SMTP connection for a batch of messages; `on_greeting(offers_smtputf8)` hears what
    the server said it can take (so the profile can warn about addresses it cannot)."""

    @contextmanager
    def connect() -> Iterator[_Connection]:
        client = yagmail.SMTP(
            user=server.user or server.sender,
            password=server.password or "",  # never None: yagmail would ask the keyring
            host=server.host,
            port=server.port,
            smtp_ssl=server.implicit_tls,
            smtp_starttls=server.starttls and not server.implicit_tls,
            smtp_skip_login=not server.user,
            soft_email_validation=False,
            timeout=server.timeout,
        )
        client.user = server.user or server.sender  # yagmail appends @gmail.com to a bare user name
        try:
            client.login()
        except (OSError, smtplib.SMTPException) as error:
            client.close()
            raise ServerUnavailable(f"{server.host}:{server.port}: {_describe(error)}") from error
        connection = _Connection(client.smtp, server)
        try:
            if on_greeting is not None:
                on_greeting(connection.offers_smtputf8())
            yield connection
        finally:
            client.close()

    return connect


class _Connection:
    def __init__(self, smtp: smtplib.SMTP, server: MailServer) -> None:
        self.smtp = smtp
        self.server = server

    def send(self, envelope: Envelope) -> None:
        recipients = [ascii_domain(address) for address in envelope.to]
        international = not all(address.isascii() for address in [self.server.sender, *recipients])
        if international and not self.offers_smtputf8():
            odd = ", ".join(address for address in recipients if not address.isascii())
            raise DeliveryError(
                f"The agency's mail server cannot deliver to an address with letters such as é or ü "
                f"(it does not offer SMTPUTF8): {odd}",
                permanent=True,
            )
        envelope = replace(envelope, to=tuple(recipients))
        message = (
            compose_international(envelope, self.server)
            if international
            else compose(envelope, self.server).as_bytes(policy=WIRE)
        )
        try:
            self.smtp.sendmail(
                self.server.sender,
                recipients,
                message,
                mail_options=["SMTPUTF8"] if international else [],
            )
        except smtplib.SMTPRecipientsRefused as error:
            codes = [code for code, _ in error.recipients.values()]
            raise DeliveryError(_describe(error), permanent=all(code >= 500 for code in codes)) from error
        except smtplib.SMTPSenderRefused as error:  # our own address: a setting to fix, not this message
            raise ServerUnavailable(_describe(error)) from error
        except smtplib.SMTPResponseException as error:
            raise DeliveryError(_describe(error), permanent=error.smtp_code >= 500) from error
        except (OSError, smtplib.SMTPException) as error:
            raise ServerUnavailable(_describe(error)) from error
        except Exception as error:  # unforeseen: leave the connection ready for the next message
            self._reset()
            raise DeliveryError(_describe(error)) from error

    def offers_smtputf8(self) -> bool:
        try:
            self.smtp.ehlo_or_helo_if_needed()  # without STARTTLS nobody has greeted the server yet
        except (OSError, smtplib.SMTPException) as error:
            raise ServerUnavailable(_describe(error)) from error
        return self.smtp.has_extn("smtputf8")

    def _reset(self) -> None:
        with suppress(OSError, smtplib.SMTPException):  # the next message finds out if it still works
            self.smtp.rset()


def ascii_domain(address: str) -> str:
    """margaret@bücher.example -> margaret@xn--bcher-kva.example: an international domain needs no
    SMTPUTF8 once it is written the way DNS spells it; only an international local part does."""
    local, _, domain = address.rpartition("@")
    if domain.isascii():
        return address
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:
        return address


def compose(envelope: Envelope, server: MailServer) -> Message:
    """multipart/alternative: plain text first, HTML second (mail programs show the last they can).

    Built with the compat32 classes: the modern EmailMessage API parses every header it is given
    and costs several times as much per message, which the dispatcher's throughput feels.
    """
    message: Message = MIMEText(envelope.text, "plain", "utf-8")
    if envelope.html:
        message = MIMEMultipart("alternative")
        message.attach(MIMEText(envelope.text, "plain", "utf-8"))
        message.attach(MIMEText(envelope.html, "html", "utf-8"))
    message["From"] = formataddr((server.sender_name, server.sender), charset="utf-8")
    message["To"] = ", ".join(envelope.to)
    subject = Header(envelope.subject, "utf-8") if not envelope.subject.isascii() else envelope.subject
    # typeshed allows only str, but a compat32 header may be a Header, encoded as the message is written.
    message["Subject"] = subject  # type: ignore[assignment]
    message["Date"] = format_datetime(clock.now())
    message["Message-ID"] = envelope.message_id
    return message


def compose_international(envelope: Envelope, server: MailServer) -> bytes:
    """The same message for an SMTPUTF8 server: addresses and headers in UTF-8 as they are."""
    message = EmailMessage(policy=SMTPUTF8)
    message.set_content(envelope.text)
    if envelope.html:
        message.add_alternative(envelope.html, subtype="html")
    message["From"] = formataddr((server.sender_name, server.sender))
    message["To"] = ", ".join(envelope.to)
    message["Subject"] = envelope.subject
    message["Date"] = format_datetime(clock.now())
    message["Message-ID"] = envelope.message_id
    return message.as_bytes()


def _describe(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{address}: {code} {_text(reply)}" for address, (code, reply) in error.recipients.items()
        )
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {_text(error.smtp_error)}"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _text(reply: bytes | str) -> str:
    return reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
