"""The letters of a booking past the approved hours: the client is told the agency allowed it, or
declined it (why, and that its waiting visits are cancelled without any charge)."""

from dataclasses import dataclass
from typing import ClassVar

from domain.agency.settings import AgencySettings
from domain.language import _, ngettext
from domain.messaging.letterhead import Letter, Rendered, signed


@dataclass(frozen=True)
class BeyondAllowedToClient(Letter):
    """The client: the agency allowed a booking that goes past the approved hours (or visits)."""

    name: ClassVar[str] = "beyond_allowed_to_client"
    client: str  # the name she is known by
    booking_number: str
    beyond: str  # what goes beyond the approved amount, and what it costs

    def render(self, agency: AgencySettings) -> Rendered:
        return signed(
            agency,
            _("Booking {number} is going ahead").format(number=self.booking_number),
            _("Dear {name},").format(name=self.client),
            _(
                "We have allowed booking {number}, which goes past your approved amount: "
                "{beyond}. It goes ahead as booked."
            ).format(number=self.booking_number, beyond=self.beyond),
            _("Questions? Call us on {phone}.").format(phone=agency.phone),
        )


@dataclass(frozen=True)
class BeyondDeclinedToClient(Letter):
    """The client: the agency declined the visits of a booking past the approved hours (or visits)."""

    name: ClassVar[str] = "beyond_declined_to_client"
    client: str
    booking_number: str
    beyond: str
    cancelled: int  # the visits that waited, now cancelled
    reason: str

    def render(self, agency: AgencySettings) -> Rendered:
        cancelled = ngettext(
            "The {n} visit beyond your approved amount are cancelled, without any "
            "cancellation charge. Any visits within your approved amount go ahead as booked.",
            "The {n} visits beyond your approved amount are cancelled, without any "
            "cancellation charge. Any visits within your approved amount go ahead as booked.",
            self.cancelled,
        )
        return signed(
            agency,
            _("Booking {number}: the extra hours were not approved").format(number=self.booking_number),
            _("Dear {name},").format(name=self.client),
            _("We could not approve booking {number} past your approved amount ({beyond}): {reason}").format(
                number=self.booking_number, beyond=self.beyond, reason=self.reason
            ),
            cancelled.format(n=self.cancelled),
            _("Questions? Call us on {phone}.").format(phone=agency.phone),
        )
