"""The outbox: every e-mail and app message is written here, in the same transaction as the change
that causes it, and delivered later by the dispatcher (jobs). Nothing in a use case sends directly.

Usage, inside a use case's `db.write()` block:

    outbox.queue_email(session, to=[settings.roster_email], template="shift_cancelled", context={...})
    outbox.queue_app_message(session, account_id=worker_account, template="offer_made", context={...})
"""

import html
import secrets
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from domain import clock
from domain.agency import settings as agency
from domain.vocabulary import Channel, OutboxStatus
from storage.models import OutboxMessage


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str | None = None


Template = Callable[[Mapping[str, Any], agency.AgencySettings], Rendered]
TEMPLATES: dict[str, Template] = {}


def template(name: str) -> Callable[[Template], Template]:
    """Register a message template: a function of (context, agency settings) -> Rendered."""

    def register(render: Template) -> Template:
        if name in TEMPLATES:
            raise ValueError(f"message template {name!r} is registered twice")
        TEMPLATES[name] = render
        return render

    return register


def render(name: str, context: Mapping[str, Any]) -> Rendered:
    if name not in TEMPLATES:
        raise KeyError(f"no message template named {name!r}")
    return TEMPLATES[name](context, agency.settings())


def paragraphs_html(*lines: str) -> str:
    """Plain lines as HTML paragraphs, every one escaped: user text is never markup."""
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines)


def message_id(domain: str = "care-portal.local") -> str:
    """A stable RFC 5322 Message-ID, chosen when the message is queued so a resend is recognisable."""
    return f"<{secrets.token_hex(16)}@{domain}>"


def queue_email(
    session: Session,
    *,
    to: Sequence[str],
    template: str,
    context: Mapping[str, Any],
    shift_id: int | None = None,
    offer_id: int | None = None,
) -> OutboxMessage:
    recipients = [address for address in to if address]
    if not recipients:
        raise ValueError("an e-mail needs at least one recipient")
    rendered = render(template, context)
    return _queue(
        session,
        Channel.EMAIL,
        rendered,
        template,
        to_address=", ".join(recipients),
        shift_id=shift_id,
        offer_id=offer_id,
    )


def queue_app_message(
    session: Session,
    *,
    account_id: int,
    template: str,
    context: Mapping[str, Any],
    shift_id: int | None = None,
    offer_id: int | None = None,
) -> OutboxMessage:
    rendered = render(template, context)
    return _queue(
        session,
        Channel.APP,
        rendered,
        template,
        to_account_id=account_id,
        shift_id=shift_id,
        offer_id=offer_id,
    )


def _queue(
    session: Session, channel: Channel, rendered: Rendered, template: str, **fields: Any
) -> OutboxMessage:
    now = clock.now()
    message = OutboxMessage(
        channel=channel,
        subject=rendered.subject,
        body_text=rendered.text,
        body_html=rendered.html,
        template=template,
        message_id=message_id(),
        status=OutboxStatus.PENDING,
        attempts=0,
        next_attempt_at=now,
        created_at=now,
        **fields,
    )
    session.add(message)
    session.flush()
    return message
