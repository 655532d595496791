"""The letters booking sends: offers to workers, requests and answers to the roster department,
confirmations to clients, and what happens when an offer expires. Times are UTC, shown in the
agency's zone."""

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from domain.agency.settings import AgencySettings
from domain.language import _
from domain.messaging.letterhead import Letter, Rendered, letter, note, when
from domain.pricing import words
from domain.vocabulary import ServiceUnit, count, duration, plural


@dataclass(frozen=True)
class BookingFacts:
    """What every booking letter says about the booking."""

    booking_number: str
    client: str
    service: str
    starts_at: datetime  # the first visit
    shifts: int  # how many visits the letter is about
    worker: str = ""
    # the visits' bill rates as stored on the shifts, worded when each letter is rendered: in its
    # reader's language, whoever's language the booking was made in
    rates: tuple[int, ...] = ()
    unit: ServiceUnit | None = None

    def details(self, agency: AgencySettings) -> list[tuple[str, str]]:
        rows = [
            (_("Booking"), self.booking_number),
            (_("Client"), self.client),
            (_("Service"), self.service),
            (_("First visit"), when(self.starts_at, agency)),
            (_("Visits"), str(self.shifts)),
        ]
        if self.worker:
            rows.append((_("Support worker"), self.worker))
        if self.rates and self.unit is not None:
            rows.append((_("Price"), words.visits(self.rates, self.unit)))
        return rows


@dataclass(frozen=True)
class OfferMade(Letter):
    """App message: a nominated worker is asked to accept a booking."""

    name: ClassVar[str] = "offer_made"
    booking: BookingFacts
    client_first_name: str
    suburb: str
    minutes: int
    expires_at: datetime
    notes: str

    def render(self, agency: AgencySettings) -> Rendered:
        b = self.booking
        return note(
            f"New offer: {b.service} for {self.client_first_name} in {self.suburb}",
            f"First visit {when(b.starts_at, agency)}, {duration(self.minutes)}; "
            f"{count(b.shifts, 'visit')} held for you (booking {b.booking_number}).",
            f"Please accept or reject it before {when(self.expires_at, agency)}.",
            self.notes,
        )


@dataclass(frozen=True)
class BookingOfferedToRoster(Letter):
    """The roster department: a client nominated a worker, who has been asked."""

    name: ClassVar[str] = "booking_offered_roster"
    booking: BookingFacts
    expires_at: datetime
    unallocated: int  # visits of a series the worker cannot do

    def render(self, agency: AgencySettings) -> Rendered:
        b = self.booking
        paragraphs = [
            f"{b.client} booked {b.service} and nominated {b.worker}. "
            f"The worker has been asked to accept; the offer expires {when(self.expires_at, agency)}.",
        ]
        if self.unallocated:
            paragraphs.append(
                f"{count(self.unallocated, 'visit')} the worker cannot do {plural(self.unallocated, 'is')} "
                "unallocated in the Day Manager."
            )
        return letter(
            agency,
            subject=f"Booking {b.booking_number}: {b.client} nominated {b.worker}",
            greeting="Hello roster team,",
            paragraphs=paragraphs,
            details=b.details(agency),
        )


@dataclass(frozen=True)
class BookingRequestedToRoster(Letter):
    """The roster department: a client asked the agency to choose the worker."""

    name: ClassVar[str] = "booking_requested_roster"
    booking: BookingFacts

    def render(self, agency: AgencySettings) -> Rendered:
        b = self.booking
        return letter(
            agency,
            subject=f"Booking {b.booking_number}: {b.client} asks the agency to choose",
            greeting="Hello roster team,",
            paragraphs=[
                f"{b.client} booked {b.service} and asked the agency to choose the "
                f"support worker. Its {count(b.shifts, 'visit')} {plural(b.shifts, 'is')} "
                "unallocated in the Day Manager.",
            ],
            details=b.details(agency),
        )


@dataclass(frozen=True)
class BookingConfirmed(Letter):
    """The client: their nominated worker accepted."""

    name: ClassVar[str] = "booking_confirmed_client"
    booking: BookingFacts

    def render(self, agency: AgencySettings) -> Rendered:
        b = self.booking
        return letter(
            agency,
            subject=_("Confirmed: your {service} booking with {worker}").format(
                service=b.service, worker=b.worker
            ),
            greeting=_("Dear {name},").format(name=b.client),
            paragraphs=[
                _("{worker} has accepted your {service} booking.").format(worker=b.worker, service=b.service),
                _("If you need to change or cancel it, please call us on {phone}.").format(
                    phone=agency.phone
                ),
            ],
            details=b.details(agency),
        )


@dataclass(frozen=True)
class OfferAcceptedToRoster(Letter):
    """The roster department: the nominated worker accepted."""

    name: ClassVar[str] = "offer_accepted_roster"
    booking: BookingFacts

    def render(self, agency: AgencySettings) -> Rendered:
        b = self.booking
        return letter(
            agency,
            subject=f"Accepted: booking {b.booking_number} for {b.client}",
            greeting="Hello roster team,",
            paragraphs=[
                f"{b.worker} accepted booking {b.booking_number}: its "
                f"{count(b.shifts, 'visit')} {plural(b.shifts, 'is')} allocated. "
                "The client has been sent a confirmation.",
            ],
            details=b.details(agency),
        )


def finding_another_worker(
    agency: AgencySettings, service: str, client: str, why: str, details: list[tuple[str, str]]
) -> Rendered:
    """The client's letter when their nominated worker will not come (rejected, or no answer in time)."""
    return letter(
        agency,
        subject=_("Your {service} booking: we are finding another support worker").format(service=service),
        greeting=_("Dear {name},").format(name=client),
        paragraphs=[
            why,
            _(
                "Your booking is still with us: our roster team will find another support worker "
                "and let you know who is coming."
            ),
            _("If you have any questions, please call us on {phone}.").format(phone=agency.phone),
        ],
        details=details,
    )


@dataclass(frozen=True)
class OfferRejectedToClient(Letter):
    """The client: their nominated worker cannot take the booking."""

    name: ClassVar[str] = "offer_rejected_client"
    booking: BookingFacts

    def render(self, agency: AgencySettings) -> Rendered:
        b = self.booking
        unnamed = BookingFacts(b.booking_number, b.client, b.service, b.starts_at, b.shifts)
        return finding_another_worker(
            agency,
            b.service,
            b.client,
            _("{worker} is not able to take your {service} booking.").format(
                worker=b.worker, service=b.service
            ),
            unnamed.details(agency),
        )


@dataclass(frozen=True)
class OfferRejectedToRoster(Letter):
    """The roster department: the nominated worker rejected, with their note."""

    name: ClassVar[str] = "offer_rejected_roster"
    booking: BookingFacts
    note: str

    def render(self, agency: AgencySettings) -> Rendered:
        b = self.booking
        return letter(
            agency,
            subject=f"Rejected: booking {b.booking_number} for {b.client} is unallocated",
            greeting="Hello roster team,",
            paragraphs=[
                f"{b.worker} rejected booking {b.booking_number}. Its "
                f"{count(b.shifts, 'visit')} {plural(b.shifts, 'is')} now unallocated in the Day Manager.",
                *([f"Their note: {self.note}"] if self.note else []),
                "The client has been told that we are finding another support worker.",
            ],
            details=b.details(agency),
        )


@dataclass(frozen=True)
class ShiftAllocatedToClient(Letter):
    """The client: the roster department gave their visit to a worker."""

    name: ClassVar[str] = "shift_allocated_client"
    booking: BookingFacts

    def render(self, agency: AgencySettings) -> Rendered:
        b = self.booking
        return letter(
            agency,
            subject=_("{worker} is coming for your {service} visit").format(
                worker=b.worker, service=b.service
            ),
            greeting=_("Dear {name},").format(name=b.client),
            paragraphs=[
                _("{worker} will come for your {service} visit on {when}.").format(
                    worker=b.worker, service=b.service, when=when(b.starts_at, agency)
                ),
                _("If you need to change or cancel it, please call us on {phone}.").format(
                    phone=agency.phone
                ),
            ],
            details=b.details(agency),
        )


@dataclass(frozen=True)
class ShiftAllocatedToWorker(Letter):
    """App message: the roster department gave a visit to this worker."""

    name: ClassVar[str] = "shift_allocated_worker"
    service: str
    client: str
    starts_at: datetime
    address: str
    notes: str

    def render(self, agency: AgencySettings) -> Rendered:
        return note(
            f"New shift: {self.service} with {self.client}, {when(self.starts_at, agency)}",
            f"Address: {self.address}",
            self.notes,
        )


@dataclass(frozen=True)
class SeriesUnallocatedToRoster(Letter):
    """The roster department: new visits of a series that its worker cannot take."""

    name: ClassVar[str] = "series_unallocated_roster"
    booking: BookingFacts

    def render(self, agency: AgencySettings) -> Rendered:
        b = self.booking
        return letter(
            agency,
            subject=(
                f"Booking {b.booking_number}: {count(b.shifts, 'new visit')} "
                f"{plural(b.shifts, 'needs')} a worker"
            ),
            greeting="Hello roster team,",
            paragraphs=[
                f"The next visits of {b.client}'s {b.service} series were added, but "
                f"{b.worker} cannot take {b.shifts} of them. They are unallocated in the Day Manager.",
            ],
            details=b.details(agency),
        )


@dataclass(frozen=True)
class OfferExpiredToClient(Letter):
    """The client: their nominated worker did not answer in time."""

    name: ClassVar[str] = "offer_expired_client"
    booking: BookingFacts

    def render(self, agency: AgencySettings) -> Rendered:
        b = self.booking
        return finding_another_worker(
            agency,
            b.service,
            b.client,
            _("{worker} could not confirm your {service} booking in time.").format(
                worker=b.worker, service=b.service
            ),
            [
                (_("Booking"), b.booking_number),
                (_("Service"), b.service),
                (_("First visit"), when(b.starts_at, agency)),
            ],
        )


@dataclass(frozen=True)
class OfferExpiredToRoster(Letter):
    """The roster department: an offer expired and its visits are unallocated."""

    name: ClassVar[str] = "offer_expired_roster"
    booking: BookingFacts
    expired_at: datetime

    def render(self, agency: AgencySettings) -> Rendered:
        b = self.booking
        return letter(
            agency,
            subject=f"Offer expired: booking {b.booking_number} for {b.client} is unallocated",
            greeting="Hello roster team,",
            paragraphs=[
                f"{b.worker} did not answer the offer of booking {b.booking_number} "
                f"before it expired. Its {count(b.shifts, 'visit')} {plural(b.shifts, 'is')} "
                "now unallocated in the Day Manager.",
                "The client has been told that we are finding another support worker.",
            ],
            details=[
                ("Client", b.client),
                ("Service", b.service),
                ("First visit", when(b.starts_at, agency)),
                ("Offer expired", when(self.expired_at, agency)),
            ],
        )


@dataclass(frozen=True)
class OfferExpiredToWorker(Letter):
    """App message: the worker's offer expired and went back to the roster team."""

    name: ClassVar[str] = "offer_expired_worker"
    booking: BookingFacts

    def render(self, agency: AgencySettings) -> Rendered:
        b = self.booking
        return note(
            f"Offer expired: {b.service} for {b.client}",
            f"The offer of booking {b.booking_number} (first visit "
            f"{when(b.starts_at, agency)}) has expired and was passed back to the roster team.",
        )
