"""Telling the client and the worker about the same shift, and (until booking sends typed letters)
the letters of an offer that expired.

Context values are plain: names, service names, booking numbers and UTC datetimes (shown here in
the agency's zone).
"""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from domain.action import Action
from domain.agency.settings import AgencySettings
from domain.messaging import letterhead, outbox
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


# TRANSITION: until the allocation sends typed letters.
def tell_client_and_worker(
    session: Session,
    *,
    kind: str,
    client: Recipient,
    worker: Recipient,
    context: Mapping[str, Any],
    shift_id: int,
) -> None:
    """E-mail the client (when they have an address) with template `{kind}_client` and message
    the worker's app (when they can sign in) with `{kind}_worker`."""
    if client.email:
        outbox.queue_email(
            session, to=[client.email], template=f"{kind}_client", context=context, shift_id=shift_id
        )
    if worker.account_id is not None:
        outbox.queue_app_message(
            session,
            account_id=worker.account_id,
            template=f"{kind}_worker",
            context=context,
            shift_id=shift_id,
        )


def when(moment: datetime, agency: AgencySettings) -> str:
    """Saturday 28 November 2026 at 9:30 am, in the agency's zone."""
    local = moment.astimezone(agency.zone)
    hour, half = local.hour % 12 or 12, "am" if local.hour < 12 else "pm"
    return f"{local:%A} {local.day} {local:%B %Y} at {hour}:{local.minute:02d} {half}"


def finding_another_worker(
    context: Mapping[str, Any], agency: AgencySettings, why: str, details: list[tuple[str, str]]
) -> outbox.Rendered:
    """The client's letter when their nominated worker will not come (rejected, or no answer in time)."""
    return letterhead.letter(
        agency,
        subject=f"Your {context['service']} booking: we are finding another support worker",
        greeting=f"Dear {context['client']},",
        paragraphs=[
            why,
            "Your booking is still with us: our roster team will find another support worker "
            "and let you know who is coming.",
            f"If you have any questions, please call us on {agency.phone}.",
        ],
        details=details,
    )


@outbox.template("offer_expired_client")
def _offer_expired_client(context: Mapping[str, Any], agency: AgencySettings) -> outbox.Rendered:
    return finding_another_worker(
        context,
        agency,
        f"{context['worker']} could not confirm your {context['service']} booking in time.",
        [
            ("Booking", context["booking_number"]),
            ("Service", context["service"]),
            ("First visit", when(context["starts_at"], agency)),
        ],
    )


@outbox.template("offer_expired_roster")
def _offer_expired_roster(context: Mapping[str, Any], agency: AgencySettings) -> outbox.Rendered:
    return letterhead.letter(
        agency,
        subject=f"Offer expired: booking {context['booking_number']} for {context['client']} is unallocated",
        greeting="Hello roster team,",
        paragraphs=[
            f"{context['worker']} did not answer the offer of booking {context['booking_number']} "
            f"before it expired. Its {context['shifts']} shift(s) are now unallocated in the Day Manager.",
            "The client has been told that we are finding another support worker.",
        ],
        details=[
            ("Client", context["client"]),
            ("Service", context["service"]),
            ("First visit", when(context["starts_at"], agency)),
            ("Offer expired", when(context["expired_at"], agency)),
        ],
    )


@outbox.template("offer_expired_worker")
def _offer_expired_worker(context: Mapping[str, Any], agency: AgencySettings) -> outbox.Rendered:
    return letterhead.note(
        f"Offer expired: {context['service']} for {context['client']}",
        f"The offer of booking {context['booking_number']} (first visit "
        f"{when(context['starts_at'], agency)}) has expired and was passed back to the roster team.",
    )
