"""Every letter the portal sends, listed once: each kind of e-mail and app message with its name.

A use case builds the letter it sends (a dataclass of typed fields) and queues it with
domain.messaging.outbox; nothing registers itself by being imported. This table is the one list
of them: names are unique, and the tests render every letter from it.
"""

from domain.accounts.letters import Invitation
from domain.booking.letters import (
    BookingConfirmed,
    BookingOfferedToRoster,
    BookingRequestedToRoster,
    OfferAcceptedToRoster,
    OfferExpiredToClient,
    OfferExpiredToRoster,
    OfferExpiredToWorker,
    OfferMade,
    OfferRejectedToClient,
    OfferRejectedToRoster,
    SeriesUnallocatedToRoster,
    ShiftAllocatedToClient,
    ShiftAllocatedToWorker,
)
from domain.cancellation.letters import ShiftCancelled, ShiftCancelledToWorker
from domain.marketing.letters import NewsFromAgency
from domain.messaging.letterhead import Letter
from domain.messaging.reminders import ShiftReminderToClient, ShiftReminderToWorker
from domain.pricing.letters import BeyondAllowedToClient, BeyondDeclinedToClient
from domain.records.letters import CorrectionRequested
from domain.signoff.letters import QueryAnswered, ShiftQueried
from domain.statements.letters import StatementReady

ALL: tuple[type[Letter], ...] = (
    Invitation,
    OfferMade,
    BookingOfferedToRoster,
    BookingRequestedToRoster,
    BookingConfirmed,
    OfferAcceptedToRoster,
    OfferRejectedToClient,
    OfferRejectedToRoster,
    ShiftAllocatedToClient,
    ShiftAllocatedToWorker,
    SeriesUnallocatedToRoster,
    OfferExpiredToClient,
    OfferExpiredToRoster,
    OfferExpiredToWorker,
    ShiftReminderToClient,
    ShiftReminderToWorker,
    ShiftCancelled,
    ShiftCancelledToWorker,
    ShiftQueried,
    QueryAnswered,
    StatementReady,
    CorrectionRequested,
    NewsFromAgency,
    BeyondAllowedToClient,
    BeyondDeclinedToClient,
)
BY_NAME: dict[str, type[Letter]] = {letter.name: letter for letter in ALL}
if len(BY_NAME) != len(ALL):
    raise RuntimeError("two letters share a name")
