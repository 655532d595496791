"""The letters a cancellation sends: to the roster department, and to each worker not needed."""

from dataclasses import dataclass
from typing import ClassVar

from domain.agency.settings import AgencySettings
from domain.messaging.letterhead import Letter, Rendered, signed


@dataclass(frozen=True)
class ShiftCancelled(Letter):
    """The roster department: a client (or staff for them) cancelled visits, with the fee."""

    name: ClassVar[str] = "shift_cancelled"
    client: str
    cancelled_by: str
    scope: str  # "one visit", "this visit and all later ones"
    service: str
    program: str
    booking: str  # its number, or "none"
    when: str  # the first visit cancelled, worded
    count: int
    reason: str
    band: str
    fee: str
    series: str  # how the series ends now, or ""

    def render(self, agency: AgencySettings) -> Rendered:
        return signed(
            agency,
            f"Cancelled: {self.client}, {self.service} on {self.when}",
            f"{self.cancelled_by} cancelled {self.scope} for {self.client}.",
            f"Service: {self.service} ({self.program}), booking {self.booking}.",
            f"First visit cancelled: {self.when}. Visits cancelled: {self.count}.",
            f"Reason: {self.reason}.",
            f"Notice: {self.band}. Cancellation fee: {self.fee}.",
            self.series,
        )


@dataclass(frozen=True)
class ShiftCancelledToWorker(Letter):
    """App message: a visit of the worker's was cancelled."""

    name: ClassVar[str] = "shift_cancelled_worker"
    client: str
    service: str
    when: str

    def render(self, agency: AgencySettings) -> Rendered:
        return signed(
            agency,
            f"Shift cancelled: {self.client} on {self.when}",
            f"{self.client} cancelled {self.service} on {self.when}. You are not needed for that visit.",
        )
