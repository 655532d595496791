"""The messages booking sends: offers to workers, requests and answers to the roster department,
confirmations to clients. Context values are plain: names, service names, booking numbers, counts
and UTC datetimes (shown in the agency's zone by notices.when)."""

from collections.abc import Mapping
from typing import Any

from domain.agency.settings import AgencySettings
from domain.messaging import letterhead, outbox
from domain.messaging.notices import finding_another_worker, when


def _details(context: Mapping[str, Any], agency: AgencySettings) -> list[tuple[str, str]]:
    rows = [
        ("Booking", context["booking_number"]),
        ("Client", context["client"]),
        ("Service", context["service"]),
        ("First visit", when(context["starts_at"], agency)),
        ("Visits", str(context["shifts"])),
    ]
    if context.get("worker"):
        rows.append(("Support worker", context["worker"]))
    return rows


@outbox.template("offer_made")
def _offer_made(context: Mapping[str, Any], agency: AgencySettings) -> outbox.Rendered:
    return letterhead.note(
        f"New offer: {context['service']} for {context['client_first_name']} in {context['suburb']}",
        f"First visit {when(context['starts_at'], agency)}, {context['minutes']} minutes; "
        f"{context['shifts']} visit(s) held for you (booking {context['booking_number']}).",
        f"Please accept or reject it before {when(context['expires_at'], agency)}.",
        context.get("notes") or "",
    )


@outbox.template("booking_offered_roster")
def _booking_offered_roster(context: Mapping[str, Any], agency: AgencySettings) -> outbox.Rendered:
    paragraphs = [
        f"{context['client']} booked {context['service']} and nominated {context['worker']}. "
        f"The worker has been asked to accept; the offer expires {when(context['expires_at'], agency)}.",
    ]
    if context.get("unallocated"):
        paragraphs.append(
            f"{context['unallocated']} visit(s) the worker cannot do are unallocated in the Day Manager."
        )
    return letterhead.letter(
        agency,
        subject=f"Booking {context['booking_number']}: {context['client']} nominated {context['worker']}",
        greeting="Hello roster team,",
        paragraphs=paragraphs,
        details=_details(context, agency),
    )


@outbox.template("booking_requested_roster")
def _booking_requested_roster(context: Mapping[str, Any], agency: AgencySettings) -> outbox.Rendered:
    return letterhead.letter(
        agency,
        subject=f"Booking {context['booking_number']}: {context['client']} asks the agency to choose",
        greeting="Hello roster team,",
        paragraphs=[
            f"{context['client']} booked {context['service']} and asked the agency to choose the "
            f"support worker. Its {context['shifts']} visit(s) are unallocated in the Day Manager.",
        ],
        details=_details(context, agency),
    )


@outbox.template("booking_confirmed_client")
def _booking_confirmed_client(context: Mapping[str, Any], agency: AgencySettings) -> outbox.Rendered:
    return letterhead.letter(
        agency,
        subject=f"Confirmed: your {context['service']} booking with {context['worker']}",
        greeting=f"Dear {context['client']},",
        paragraphs=[
            f"{context['worker']} has accepted your {context['service']} booking.",
            f"If you need to change or cancel it, please call us on {agency.phone}.",
        ],
        details=_details(context, agency),
    )


@outbox.template("offer_accepted_roster")
def _offer_accepted_roster(context: Mapping[str, Any], agency: AgencySettings) -> outbox.Rendered:
    return letterhead.letter(
        agency,
        subject=f"Accepted: booking {context['booking_number']} for {context['client']}",
        greeting="Hello roster team,",
        paragraphs=[
            f"{context['worker']} accepted booking {context['booking_number']}: its "
            f"{context['shifts']} visit(s) are allocated. The client has been sent a confirmation.",
        ],
        details=_details(context, agency),
    )


@outbox.template("offer_rejected_client")
def _offer_rejected_client(context: Mapping[str, Any], agency: AgencySettings) -> outbox.Rendered:
    return finding_another_worker(
        context,
        agency,
        f"{context['worker']} is not able to take your {context['service']} booking.",
        _details({**context, "worker": ""}, agency),
    )


@outbox.template("offer_rejected_roster")
def _offer_rejected_roster(context: Mapping[str, Any], agency: AgencySettings) -> outbox.Rendered:
    note = f"Their note: {context['note']}" if context.get("note") else ""
    return letterhead.letter(
        agency,
        subject=f"Rejected: booking {context['booking_number']} for {context['client']} is unallocated",
        greeting="Hello roster team,",
        paragraphs=[
            f"{context['worker']} rejected booking {context['booking_number']}. Its "
            f"{context['shifts']} visit(s) are now unallocated in the Day Manager.",
            *([note] if note else []),
            "The client has been told that we are finding another support worker.",
        ],
        details=_details(context, agency),
    )


@outbox.template("shift_allocated_client")
def _shift_allocated_client(context: Mapping[str, Any], agency: AgencySettings) -> outbox.Rendered:
    return letterhead.letter(
        agency,
        subject=f"{context['worker']} is coming for your {context['service']} visit",
        greeting=f"Dear {context['client']},",
        paragraphs=[
            f"{context['worker']} will come for your {context['service']} visit on "
            f"{when(context['starts_at'], agency)}.",
            f"If you need to change or cancel it, please call us on {agency.phone}.",
        ],
        details=_details(context, agency),
    )


@outbox.template("shift_allocated_worker")
def _shift_allocated_worker(context: Mapping[str, Any], agency: AgencySettings) -> outbox.Rendered:
    return letterhead.note(
        f"New shift: {context['service']} with {context['client']}, {when(context['starts_at'], agency)}",
        f"Address: {context['address']}",
        context.get("notes") or "",
    )


@outbox.template("series_unallocated_roster")
def _series_unallocated_roster(context: Mapping[str, Any], agency: AgencySettings) -> outbox.Rendered:
    return letterhead.letter(
        agency,
        subject=f"Booking {context['booking_number']}: {context['shifts']} new visit(s) need a worker",
        greeting="Hello roster team,",
        paragraphs=[
            f"The next visits of {context['client']}'s {context['service']} series were added, but "
            f"{context['worker']} cannot take {context['shifts']} of them. They are unallocated in "
            "the Day Manager.",
        ],
        details=_details(context, agency),
    )
