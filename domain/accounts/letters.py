"""The letter accounts send: the invitation with its one-time link."""

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from domain.agency.settings import AgencySettings
from domain.messaging.letterhead import Letter, Rendered, letter


@dataclass(frozen=True)
class Invitation(Letter):
    """A person's one-time link to choose their password (a new account, or a new link)."""

    name: ClassVar[str] = "invitation"
    person: str
    role: str
    link: str
    expires_at: datetime | None

    def render(self, agency: AgencySettings) -> Rendered:
        return letter(
            agency,
            subject=f"Your Care Portal account at {agency.name}",
            greeting=f"Dear {self.person},",
            paragraphs=[
                f"{agency.name} has made you a Care Portal account ({self.role}).",
                "To choose your password, open this link. It works once, for seven days:",
                self.link,
                f"If you did not expect this e-mail, please call us on {agency.phone}.",
            ],
        )
