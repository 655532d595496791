"""The letter of a client's record: a request to correct it, to the case manager."""

from dataclasses import dataclass
from typing import ClassVar

from domain.agency.settings import AgencySettings
from domain.messaging.letterhead import Letter, Rendered, signed


@dataclass(frozen=True)
class CorrectionRequested(Letter):
    """The case manager (else the office): a client asks for their record to be corrected (APP 13)."""

    name: ClassVar[str] = "correction_requested"
    client: str
    client_number: str
    raised_by: str
    message: str
    by_client: bool = False  # the client asked: "their record", not "<their name>'s record"

    def render(self, agency: AgencySettings) -> Rendered:
        whose = "their" if self.by_client else f"{self.client}'s"
        return signed(
            agency,
            f"Correction requested: {self.client} ({self.client_number})",
            f"{self.raised_by} asks for {whose} record to be corrected:",
            f"“{self.message}”",
            "Please correct the record, or explain why not, within 30 days "
            "(Australian Privacy Principle 13), and reply to the client.",
        )
