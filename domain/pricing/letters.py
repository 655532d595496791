"""The letter of a booking past the approved hours: the client is told the agency allowed it."""

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
