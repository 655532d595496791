"""The e-mails and app messages of self-service: cancellations, queries on completed shifts and
their answers. Plain text, and HTML with every value escaped; signed with the agency's name."""

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from domain.agency.settings import AgencySettings
from domain.messaging import outbox
from domain.messaging.outbox import Rendered


def day(value: date) -> str:
    """Mon 30 Nov 2026."""
    return f"{value:%a} {value.day} {value:%b %Y}"


def when(moment: datetime) -> str:
    """Mon 30 Nov 2026, 9:30 am (agency-local)."""
    hour = moment.hour % 12 or 12
    return f"{day(moment.date())}, {hour}:{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"


def _signed(subject: str, lines: list[str], agency: AgencySettings) -> Rendered:
    lines = [line for line in lines if line]
    return Rendered(
        subject=subject,
        text="\n\n".join([*lines, agency.name]),
        html=outbox.paragraphs_html(*lines, agency.name),
    )


@outbox.template("shift_cancelled")
def shift_cancelled(context: Mapping[str, Any], agency: AgencySettings) -> Rendered:
    return _signed(
        f"Cancelled: {context['client']}, {context['service']} on {context['when']}",
        [
            f"{context['cancelled_by']} cancelled {context['scope']} for {context['client']}.",
            f"Service: {context['service']} ({context['program']}), booking {context['booking']}.",
            f"First visit cancelled: {context['when']}. Visits cancelled: {context['count']}.",
            f"Reason: {context['reason']}.",
            f"Notice: {context['band']}. Cancellation fee: {context['fee']}.",
            context.get("series", ""),
        ],
        agency,
    )


@outbox.template("shift_cancelled_worker")
def shift_cancelled_worker(context: Mapping[str, Any], agency: AgencySettings) -> Rendered:
    return _signed(
        f"Shift cancelled: {context['client']} on {context['when']}",
        [
            f"{context['client']} cancelled {context['service']} on {context['when']}. "
            "You are not needed for that visit."
        ],
        agency,
    )


@outbox.template("shift_queried")
def shift_queried(context: Mapping[str, Any], agency: AgencySettings) -> Rendered:
    return _signed(
        f"Query on a completed visit: {context['client']}, {context['when']}",
        [
            f"{context['raised_by']} has a question about {context['client']}'s {context['service']} "
            f"visit on {context['when']} with {context['worker']}:",
            f"“{context['message']}”",
            "Please reply on the Queries page of Care Portal (Office → Queries). "
            "The client can approve the visit once you have resolved the query.",
        ],
        agency,
    )


@outbox.template("shift_query_answered")
def shift_query_answered(context: Mapping[str, Any], agency: AgencySettings) -> Rendered:
    status = (
        "The query is resolved: you can now approve the visit on the Services page."
        if context["resolved"]
        else "Your case manager is still looking into it."
    )
    return _signed(
        f"Your query about {context['service']} on {context['when']}",
        [f"{context['replied_by']} replied:", f"“{context['reply']}”", status],
        agency,
    )
