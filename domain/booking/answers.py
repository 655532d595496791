"""A nominated worker answers an offer (DESIGN.md §3.2): accepting allocates the held shifts and
confirms to the client; rejecting releases them. Only the worker the offer was made to may answer."""

from domain.access import Actor
from domain.errors import DomainError


class OfferGone(DomainError):
    """The offer was answered already, expired or was withdrawn."""


def accept(actor: Actor, offer_id: int) -> None:
    """Worker only, own offer (else NotAllowed). Shifts and booking ALLOCATED; the client is e-mailed
    a confirmation and the roster department is e-mailed. OfferGone if no longer pending; SlotTaken
    if the database refuses an overlap."""
    raise NotImplementedError


def reject(actor: Actor, offer_id: int, note: str = "") -> None:
    """Worker only, own offer. Shifts UNALLOCATED, booking UNALLOCATED; client and roster told."""
    raise NotImplementedError
