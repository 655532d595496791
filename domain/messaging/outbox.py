"""The outbox: every e-mail and app message is written here, in the same transaction as the change
that causes it, and delivered later by the dispatcher (jobs). Nothing in a use case sends directly.

Usage, inside a use case's action (domain.action):

    outbox.email(act, to=[act.settings.roster_email], letter=ShiftCancelled(...), shift_id=shift.id)
    outbox.app_message(act, account_id=worker_account, letter=OfferMade(...), offer_id=offer.id)

The letter is rendered now, with the agency's settings of this action and in each recipient's
language, and kept as it was sent.
"""

import secrets
from collections.abc import Sequence
from typing import Any

from domain import language
from domain.action import Action
from domain.messaging.letterhead import Letter, Rendered
from domain.vocabulary import Channel, OutboxStatus
from storage.models import OutboxMessage
from storage.queries import accounts as account_queries


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
) -> list[OutboxMessage]:
    """One message per reading language among the recipients (a person with an account reads the
    letter in their own language; an address without one, in English)."""
    recipients = [address for address in to if address]
    if not recipients:
        raise ValueError("an e-mail needs at least one recipient")
    read_in = account_queries.languages(recipients, session=act.session)
    by_language: dict[str, list[str]] = {}
    for address in recipients:
        by_language.setdefault(read_in.get(address, language.DEFAULT.code), []).append(address)
    return [
        _queue(
            act,
            Channel.EMAIL,
            letter,
            code,
            to_address=", ".join(addresses),
            shift_id=shift_id,
            offer_id=offer_id,
        )
        for code, addresses in by_language.items()
    ]


def app_message(
    act: Action,
    *,
    account_id: int,
    letter: Letter,
    shift_id: int | None = None,
    offer_id: int | None = None,
) -> OutboxMessage:
    code = account_queries.languages((), (account_id,), session=act.session).get(account_id)
    return _queue(
        act, Channel.APP, letter, code, to_account_id=account_id, shift_id=shift_id, offer_id=offer_id
    )


def _queue(act: Action, channel: Channel, letter: Letter, code: str | None, **fields: Any) -> OutboxMessage:
    with language.use(code):
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
