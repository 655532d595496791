"""Telling the client and the worker about the same shift."""

from domain.action import Action
from domain.messaging import outbox
from domain.messaging.letterhead import Letter
from storage.queries.recipients import Recipient


def to_client_and_worker(
    act: Action,
    *,
    client: Recipient,
    worker: Recipient,
    to_client: Letter,
    to_worker: Letter,
    shift_id: int,
) -> None:
    """E-mail the client (when they have an address) and message the worker's app (when they can
    sign in), about the same shift."""
    if client.email:
        outbox.email(act, to=[client.email], letter=to_client, shift_id=shift_id)
    if worker.account_id is not None:
        outbox.app_message(act, account_id=worker.account_id, letter=to_worker, shift_id=shift_id)
