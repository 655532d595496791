"""Every table of Care Portal, importable from one place."""

from .accounts import Account, ApiToken, AuditEvent, CarerLink
from .agency import (
    Agency,
    CancellationRule,
    Characteristic,
    Competency,
    Medal,
    Program,
    Service,
    ServiceRate,
)
from .base import Base, UTCDateTime
from .bookings import Booking, Offer, Shift, ShiftQuery
from .feeds import CalendarFeed
from .funding import ApprovedService, FundingPackage, LedgerEntry, PackageBudget, Statement
from .marketing import MarketingAudience, MarketingItem, MarketingNotice, MarketingView
from .media import MediaFile
from .messaging import AppMessage, JobLease, OutboxMessage
from .people import (
    AvailabilityWindow,
    Client,
    ClientWorker,
    EmergencyContact,
    Leave,
    MarketingGroup,
    Review,
    RosteredWeek,
    Worker,
    WorkerCharacteristic,
    WorkerCompetency,
    WorkforceVersion,
    client_marketing_group,
)
from .requirements import Requirement
from .security import RateCount, RecoveryCode, WebSession

__all__ = [
    "Account",
    "Agency",
    "ApiToken",
    "AppMessage",
    "ApprovedService",
    "AuditEvent",
    "AvailabilityWindow",
    "Base",
    "Booking",
    "CalendarFeed",
    "CancellationRule",
    "CarerLink",
    "Characteristic",
    "Client",
    "ClientWorker",
    "Competency",
    "EmergencyContact",
    "FundingPackage",
    "JobLease",
    "Leave",
    "LedgerEntry",
    "MarketingAudience",
    "MarketingGroup",
    "MarketingItem",
    "MarketingNotice",
    "MarketingView",
    "Medal",
    "MediaFile",
    "Offer",
    "OutboxMessage",
    "PackageBudget",
    "Program",
    "RateCount",
    "RecoveryCode",
    "Requirement",
    "Review",
    "RosteredWeek",
    "Service",
    "ServiceRate",
    "Shift",
    "ShiftQuery",
    "Statement",
    "UTCDateTime",
    "WebSession",
    "Worker",
    "WorkerCharacteristic",
    "WorkerCompetency",
    "WorkforceVersion",
    "client_marketing_group",
]
