"""The letters of signing off a visit: a query to the case manager, and the answer to the client."""

from dataclasses import dataclass
from typing import ClassVar

from domain.agency.settings import AgencySettings
from domain.messaging.letterhead import Letter, Rendered, signed


@dataclass(frozen=True)
class ShiftQueried(Letter):
    """The case manager: a client has a question about a completed visit."""

    name: ClassVar[str] = "shift_queried"
    client: str
    raised_by: str
    service: str
    when: str
    worker: str
    message: str
    by_client: bool = False  # the client asked: "about their visit", not "about <their name>'s"

    def render(self, agency: AgencySettings) -> Rendered:
        whose = "their" if self.by_client else f"{self.client}'s"
        return signed(
            agency,
            f"Query on a completed visit: {self.client}, {self.when}",
            f"{self.raised_by} has a question about {whose} {self.service} "
            f"visit on {self.when} with {self.worker}:",
            f"“{self.message}”",
            "Please reply on the Queries page of Care Portal (Office → Queries). "
            "The client can approve the visit once you have resolved the query.",
        )


@dataclass(frozen=True)
class QueryAnswered(Letter):
    """The client: the case manager answered their query (and perhaps resolved it)."""

    name: ClassVar[str] = "shift_query_answered"
    service: str
    when: str
    replied_by: str
    reply: str
    resolved: bool

    def render(self, agency: AgencySettings) -> Rendered:
        status = (
            "The query is resolved: you can now approve the visit on the Services page."
            if self.resolved
            else "Your case manager is still looking into it."
        )
        return signed(
            agency,
            f"Your query about {self.service} on {self.when}",
            f"{self.replied_by} replied:",
            f"“{self.reply}”",
            status,
        )
