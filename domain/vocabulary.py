"""The fixed vocabularies of the care world: the words the rules speak in. Storage keeps them as
their string values; pages show them through the domain's own labels."""

from enum import StrEnum

from domain.language import formats, ngettext

# Record ids are PostgreSQL integers: an id beyond this is no record, whatever is asked for.
MAX_RECORD_ID = 2**31 - 1


class Role(StrEnum):
    CLIENT = "client"
    CARER = "carer"
    WORKER = "worker"
    ROSTER = "roster"
    CASE_MANAGER = "case_manager"
    ADMIN = "admin"


class CarerAccess(StrEnum):
    """What the agency lets a carer do for one linked client, each level including the one before."""

    VIEW = "view"  # see the client's records only
    BOOK = "book"  # and book, cancel, change preferences and contact details
    APPROVE = "approve"  # and approve, undo an approval and query visits


class ClientAction(StrEnum):
    """The kinds of thing someone does for a client, as the carer access rule sorts them."""

    VIEW = "view"
    BOOK = "book"  # booking, preferences, blocking a worker, editing the client's details
    CANCEL = "cancel"
    APPROVE = "approve"  # approving a visit, and undoing an approval
    QUERY = "query"
    STATEMENTS = "statements"  # the statements page, its PDF and the monthly statement e-mail


class ProgramKind(StrEnum):
    HOME_CARE_PACKAGE = "hcp"
    SUPPORT_AT_HOME = "sah"
    NDIS = "ndis"
    CHSP = "chsp"
    PRIVATE = "private"


class ServiceUnit(StrEnum):
    HOUR = "hour"
    EACH = "each"


class CompetencyKind(StrEnum):
    CLEARANCE = "clearance"
    QUALIFICATION = "qualification"
    SKILL = "skill"


class CharacteristicKind(StrEnum):
    GENDER = "gender"
    AGE_BAND = "age_band"
    LANGUAGE = "language"
    FLAG = "flag"


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    NON_BINARY = "non_binary"
    NOT_STATED = "not_stated"


class RequirementLevel(StrEnum):
    GLOBAL = "global"
    PROGRAM = "program"
    CLIENT = "client"
    CLIENT_SERVICE = "client_service"
    PREFERENCE = "preference"  # the client's own default preferences
    BOOKING = "booking"  # one booking's override of the preferences


class ClientWorkerRelation(StrEnum):
    PREFERRED = "preferred"
    BLOCKED = "blocked"


class NdisCategory(StrEnum):
    CORE = "core"
    CAPACITY_BUILDING = "capacity_building"
    CAPITAL = "capital"


class ManagementType(StrEnum):
    AGENCY = "agency"
    SELF = "self"
    PLAN = "plan"


class TimeBand(StrEnum):
    """When a visit happens, as price guides price it (domain.pricing.bands decides it)."""

    WEEKDAY = "weekday"
    EVENING = "evening"
    NIGHT = "night"
    SATURDAY = "saturday"
    SUNDAY = "sunday"
    PUBLIC_HOLIDAY = "public_holiday"


class BudgetPeriod(StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    PLAN = "plan"


class Recurrence(StrEnum):
    ONCE = "once"
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    FOUR_WEEKLY = "four_weekly"


class BookingStatus(StrEnum):
    REQUESTED = "requested"  # waiting for the roster department
    OFFERED = "offered"  # waiting for the nominated worker's answer
    ALLOCATED = "allocated"
    UNALLOCATED = "unallocated"
    CANCELLED = "cancelled"
    ENDED = "ended"


class BookingSource(StrEnum):
    CLIENT = "client"
    ROSTER = "roster"


class ShiftStatus(StrEnum):
    # Past the client's approved hours: held back (not offered, allocated or shown as unallocated
    # work) until staff allow it (then UNALLOCATED) or decline it (CANCELLED, no fee).
    WAITING = "waiting"
    UNALLOCATED = "unallocated"
    OFFERED = "offered"  # held for a nominated worker until the offer is answered or expires
    ALLOCATED = "allocated"
    COMPLETED = "completed"
    QUERIED = "queried"
    APPROVED = "approved"
    BILLED = "billed"
    CANCELLED = "cancelled"


# A worker holding a shift in one of these is busy for its whole span.
BUSY_SHIFT_STATUSES = (
    ShiftStatus.OFFERED,
    ShiftStatus.ALLOCATED,
    ShiftStatus.COMPLETED,
    ShiftStatus.QUERIED,
    ShiftStatus.APPROVED,
    ShiftStatus.BILLED,
)


class BillTo(StrEnum):
    PACKAGE = "package"
    CLIENT = "client"
    PRIVATE = "private"


class CancelBand(StrEnum):
    NO_NOTICE = "no_notice"
    SHORT_NOTICE = "short_notice"
    WITH_NOTICE = "with_notice"


class CancelReason(StrEnum):
    """The NDIS short-notice cancellation codes, used for every program."""

    HEALTH = "NSDH"
    FAMILY = "NSDF"
    TRANSPORT = "NSDT"
    OTHER = "NSDO"


class NoticeMeasure(StrEnum):
    CLEAR_DAYS = "clear_days"
    CLEAR_BUSINESS_DAYS = "clear_business_days"
    BUSINESS_DAYS = "business_days"
    HOURS = "hours"


class OfferStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


class LedgerKind(StrEnum):
    FUNDING = "funding"
    SERVICE = "service"
    CANCELLATION_FEE = "cancellation_fee"
    CONTRIBUTION = "contribution"
    CARE_MANAGEMENT = "care_management"
    PACKAGE_MANAGEMENT = "package_management"
    ADJUSTMENT = "adjustment"
    REFUND = "refund"


class MediaKind(StrEnum):
    IMAGE = "image"
    VIDEO_FILE = "video_file"
    VIDEO_LINK = "video_link"
    PDF = "pdf"
    WEB_LINK = "web_link"


class NewsState(StrEnum):
    """A marketing item's life: written, then scheduled (shown within its window), or withdrawn."""

    DRAFT = "draft"
    SCHEDULED = "scheduled"
    WITHDRAWN = "withdrawn"


class Channel(StrEnum):
    EMAIL = "email"
    APP = "app"


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"  # by staff, before it went: it never will


class GeocodeStatus(StrEnum):
    GEOCODED = "geocoded"  # the agency's geocoder found the street address
    SUBURB = "suburb"  # placed at the suburb's centre from the shipped table
    NOT_FOUND = "not_found"  # saved without a position; staff must look at it


# How counts and lengths of time are said, everywhere (pages, e-mails, PDFs): numbers in digits,
# words written out and plural when they should be ("1 visit", "2 visits", "2 hours").
PLURALS = {"is": "are", "was": "were", "needs": "need", "this": "these"}


def plural(amount: int | float, word: str, many: str | None = None) -> str:
    """The word as said after `amount`: visit -> visits, hour -> hours; `many` for irregular ones."""
    if amount == 1:
        return word
    return many or PLURALS.get(word) or f"{word}s"


def count(amount: int, word: str, many: str | None = None) -> str:
    """1 -> "1 visit", 3 -> "3 visits"."""
    return f"{amount} {plural(amount, word, many)}"


def duration(minutes: int) -> str:
    """90 -> "1 hour 30 minutes", 120 -> "2 hours", 45 -> "45 minutes" (in the reader's language)."""
    hours, rest = divmod(minutes, 60)
    said = [ngettext("{n} hour", "{n} hours", hours).format(n=hours)] if hours else []
    if rest or not hours:
        said.append(ngettext("{n} minute", "{n} minutes", rest).format(n=rest))
    return " ".join(said)


def hours(hundredths: int) -> str:
    """A quantity in hundredths of an hour: 150 -> "1.5 hours", 100 -> "1 hour"."""
    amount = formats.decimal(hundredths / 100)
    # a fraction takes the "other" plural in every language we speak, as 100 does
    many = 100 if hundredths % 100 else hundredths // 100
    return ngettext("{amount} hour", "{amount} hours", many).format(amount=amount)
