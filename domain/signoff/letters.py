"""The letters of signing off a visit: a query to the case manager, and the answer to the client."""

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from domain.agency.settings import AgencySettings
from domain.language import _
from domain.messaging.letterhead import Letter, Rendered, short_when, signed


@dataclass(frozen=True)
class ShiftQueried(Letter):
    """The case manager: a client has a question about a completed visit."""

    name: ClassVar[str] = "shift_queried"
    client: str
    raised_by: str
    service: str
    when: datetime  # the visit's start, in the agency's zone; worded for each reader
    worker: str
    message: str
    by_client: bool = False  # the client asked: "about their visit", not "about <their name>'s"

    def render(self, agency: AgencySettings) -> Rendered:
        whose = "their" if self.by_client else f"{self.client}'s"
        return signed(
            agency,
            f"Query on a completed visit: {self.client}, {short_when(self.when)}",
            f"{self.raised_by} has a question about {whose} {self.service} "
            f"visit on {short_when(self.when)} with {self.worker}:",
            f"“{self.message}”",
            "Please reply on the Queries page of Care Portal (Office → Queries). "
            "The client can approve the visit once you have resolved the query.",
        )


@dataclass(frozen=True)
class QueryAnswered(Letter):
    """The client: the case manager answered their query (and perhaps resolved it)."""

    name: ClassVar[str] = "shift_query_answered"
    service: str
    when: datetime  # the visit's start, in the agency's zone; worded for each reader
    replied_by: str
    reply: str
    resolved: bool

    def render(self, agency: AgencySettings) -> Rendered:
        status = (
            _("The query is resolved: you can now approve the visit on the Services page.")
            if self.resolved
            else _("Your case manager is still looking into it.")
        )
        return signed(
            agency,
            _("Your query about {service} on {when}").format(
                service=self.service, when=short_when(self.when)
            ),
            _("{name} replied:").format(name=self.replied_by),
            _("“{reply}”").format(reply=self.reply),
            status,
        )
