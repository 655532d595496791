"""The letter statements send: a month's statement is ready."""

from dataclasses import dataclass
from typing import ClassVar

from domain.agency.settings import AgencySettings
from domain.messaging.letterhead import Letter, Rendered, paragraphs_html


@dataclass(frozen=True)
class StatementReady(Letter):
    """The client and their carers: the statement of a month is ready to read."""

    name: ClassVar[str] = "statement_ready"
    client_name: str
    package: str
    month: str
    closing: str  # in dollars, worded
    contributions: str

    def render(self, agency: AgencySettings) -> Rendered:
        lines = (
            "Hello,",
            f"The statement for {self.client_name} for {self.month} is ready ({self.package}).",
            f"Funds remaining at the end of the month: {self.closing}. "
            f"Contributions in the month: {self.contributions}.",
            f"To read it or print it, sign in to the {agency.name} portal and choose Statements.",
            f"If anything looks wrong, please call us on {agency.phone}.",
            agency.name,
        )
        return Rendered(
            subject=f"Statement for {self.month} is ready",
            text="\n\n".join(lines),
            html=paragraphs_html(*lines),
        )
