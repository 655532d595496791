"""The outbox: every e-mail and app message is written here, in the same transaction as the change
that causes it, and delivered later by the dispatcher (jobs). Nothing in a use case sends directly.

Usage, inside a use case's action (domain.action):

    outbox.email(act, to=[act.settings.roster_email], letter=ShiftCancelled(...), shift_id=shift.id)
    outbox.app_message(act, account_id=worker_account, letter=OfferMade(...), offer_id=offer.id)

The letter is rendered now, with the agency's settings of this action, and kept as it was sent.
"""

import html
import secrets
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy.orm import Session

from domain import clock
from domain.action import Action
from domain.agency import settings as agency
from domain.messaging.letterhead import Letter, Rendered
from domain.vocabulary import Channel, OutboxStatus
from storage.models import OutboxMessage


def message_id(domain: str = "care-portal.local") -> str:
    """A stable RFC 5322 Message-ID, chosen when the message is queued so a resend is recognisable."""
    return f"<{secrets.token_hex(16)}@{domain}>"


def email(
    act: Action,
    *,
    to: Sequence[str],
    letter: Letter,
    shift_id: int | None = None,
    offer_id: int | None = None,
) -> OutboxMessage:
    recipients = [address for address in to if address]
    if not recipients:
        raise ValueError("an e-mail needs at least one recipient")
    return _queue(
        act,
        Channel.EMAIL,
        letter,
        to_address=", ".join(recipients),
        shift_id=shift_id,
        offer_id=offer_id,
    )


def app_message(
    act: Action,
    *,
    account_id: int,
    letter: Letter,
    shift_id: int | None = None,
    offer_id: int | None = None,
) -> OutboxMessage:
    return _queue(act, Channel.APP, letter, to_account_id=account_id, shift_id=shift_id, offer_id=offer_id)


def _queue(act: Action, channel: Channel, letter: Letter, **fields: Any) -> OutboxMessage:
    rendered: Rendered = letter.render(act.settings)
    message = OutboxMessage(
        channel=channel,
        subject=rendered.subject,
        body_text=rendered.text,
        body_html=rendered.html,
        template=letter.name,
        message_id=message_id(),
        status=OutboxStatus.PENDING,
        attempts=0,
        next_attempt_at=act.now,
        created_at=act.now,
        **fields,
    )
    act.session.add(message)
    act.session.flush()
    return message


# TRANSITION: the registry of template functions, until every letter is a typed Letter.


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
    return _queue_rendered(
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
    return _queue_rendered(
        session,
        Channel.APP,
        rendered,
        template,
        to_account_id=account_id,
        shift_id=shift_id,
        offer_id=offer_id,
    )


def _queue_rendered(
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
