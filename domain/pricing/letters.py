"""The letters of a booking past the approved hours: the client is told the agency allowed it, or
declined it (why, and that its waiting visits are cancelled without any charge)."""

from dataclasses import dataclass
from typing import ClassVar

from domain.agency.settings import AgencySettings
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
            f"Booking {self.booking_number} is going ahead",
            f"Dear {self.client},",
            f"We have allowed booking {self.booking_number}, which goes past your approved amount: "
            f"{self.beyond}. It goes ahead as booked.",
            f"Questions? Call us on {agency.phone}.",
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
        visits = "visit" if self.cancelled == 1 else "visits"
        return signed(
            agency,
            f"Booking {self.booking_number}: the extra hours were not approved",
            f"Dear {self.client},",
            f"We could not approve booking {self.booking_number} past your approved amount "
            f"({self.beyond}): {self.reason}",
            f"The {self.cancelled} {visits} beyond your approved amount are cancelled, without any "
            "cancellation charge. Any visits within your approved amount go ahead as booked.",
            f"Questions? Call us on {agency.phone}.",
        )
