"""What a package statement is made of, as plain values: the screen and the PDF both read these."""

from dataclasses import dataclass
from datetime import date

from domain.vocabulary import CancelBand, CancelReason, LedgerKind, NdisCategory, ProgramKind, ServiceUnit


@dataclass(frozen=True)
class LedgerLine:
    """One ledger entry as a statement shows it. Amounts in cents: credits positive, debits negative."""

    entry_id: int
    day: date
    kind: LedgerKind
    amount: int
    description: str
    shift_id: int | None = None
    units: int | None = None  # hundredths of a unit: 150 = 1.5 hours
    unit: ServiceUnit | None = None
    rate: int | None = None
    subsidy: int = 0  # the part the package paid
    contribution: int = 0  # the part the client paid the agency themselves
    ndis_category: NdisCategory | None = None
    cancel_band: CancelBand | None = None
    cancel_reason: CancelReason | None = None
    refers_to_month: date | None = None  # adjustments and refunds for an earlier month
    service_day: date | None = None  # the day of the work: a late charge is entered on a later day

    @property
    def late(self) -> bool:
        """Entered on a later day than the work it is for (its month had been closed)."""
        return self.service_day is not None and self.service_day != self.day

    @property
    def price(self) -> int:
        """The full price of a service or fee: what the package paid plus what the client paid."""
        return self.subsidy + self.contribution


@dataclass(frozen=True)
class PackageFacts:
    """Who and what a statement is for."""

    package_id: int
    client_id: int
    client_name: str
    client_number: str
    program: str
    program_kind: ProgramKind
    level: str
    reference: str
    starts_on: date
    ends_on: date

    @property
    def is_ndis(self) -> bool:
        return self.program_kind == ProgramKind.NDIS

    @property
    def label(self) -> str:
        return f"{self.program} · {self.level} · {self.reference}"


@dataclass(frozen=True)
class Period:
    """The days a statement covers, both included (agency-local dates)."""

    first: date
    last: date
    label: str  # in English; periods.label(period) says it in the reader's language
    so_far: bool = False  # the current month, up to today
    month: date | None = None  # the first of the month, for a calendar-month statement


@dataclass(frozen=True)
class Movement:
    """A line of the summary: how much of one kind came in, or went out."""

    label: str  # in English (arithmetic.CAME_IN, WENT_OUT), translated where it is shown
    cents: int  # always positive: the section says which way it went


@dataclass(frozen=True)
class CategoryBalance:
    """An NDIS budget category over the period."""

    category: NdisCategory | None  # None: amounts recorded without a category
    opening: int
    credits: int
    debits: int  # positive
    closing: int


@dataclass(frozen=True)
class MonthUse:
    """One month of the chart: what was spent, and what was left at its end (or on the last day shown)."""

    month: date
    received: int
    spent: int
    left: int


@dataclass(frozen=True)
class PackageStatement:
    package: PackageFacts
    period: Period
    opening: int
    credits: int
    debits: int  # positive: what went out
    closing: int
    came_in: tuple[Movement, ...]
    went_out: tuple[Movement, ...]
    money_in: tuple[LedgerLine, ...]  # funding and contributions paid into the package
    services: tuple[LedgerLine, ...]
    cancellations: tuple[LedgerLine, ...]  # cancellation and no-show fees
    management: tuple[LedgerLine, ...]  # care and package management
    adjustments: tuple[LedgerLine, ...]  # adjustments and refunds, often for an earlier month
    categories: tuple[CategoryBalance, ...]  # NDIS packages only
    by_month: tuple[MonthUse, ...] = ()

    @property
    def lines(self) -> tuple[LedgerLine, ...]:
        """Every entry of the period, each exactly once."""
        return self.money_in + self.services + self.cancellations + self.management + self.adjustments

    @property
    def service_contributions(self) -> int:
        """What the client paid the agency towards services and fees in the period."""
        return sum(line.contribution for line in self.services + self.cancellations)

    @property
    def paid_in_contributions(self) -> int:
        """Contributions the client paid into the package (e.g. the basic daily fee)."""
        return sum(line.amount for line in self.money_in if line.kind == LedgerKind.CONTRIBUTION)

    @property
    def total_contributions(self) -> int:
        return self.service_contributions + self.paid_in_contributions

    @property
    def unspent(self) -> int:
        """Funds remaining at the end, or nothing when the package is overspent."""
        return max(self.closing, 0)
