"""The client's profile: what the agency holds about them, and the details they may change themselves."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from storage import db
from storage.models import Client, EmergencyContact
from storage.models.enums import Gender, GeocodeStatus
from storage.queries import clients as client_queries
from storage.queries import media as media_queries

from . import access, audit, clock, geocoding, photos, validation
from .access import Actor
from .errors import InvalidInput, NotFound
from .time import agency_today

T = TypeVar("T")

GENDER_LABELS = {
    Gender.FEMALE: "Female",
    Gender.MALE: "Male",
    Gender.NON_BINARY: "Non-binary",
    Gender.NOT_STATED: "Not stated",
}
MAX_EMERGENCY_CONTACTS = 4


@dataclass(frozen=True)
class Address:
    street: str
    suburb: str
    state: str
    postcode: str

    def one_line(self) -> str:
        return f"{self.street}, {self.suburb} {self.state} {self.postcode}"


@dataclass(frozen=True)
class EmergencyContactDetails:
    name: str
    relationship: str
    phone: str  # as typed or for display; stored in E.164
    email: str = ""


@dataclass(frozen=True)
class PackageSummary:
    package_id: int
    program: str
    level: str
    reference: str
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class ClientProfile:
    client_id: int
    client_number: str
    title: str
    first_name: str
    last_name: str
    preferred_name: str
    full_name: str
    date_of_birth: date
    age: int
    gender: str
    language: str
    interpreter_needed: bool
    home_phone: str
    mobile_phone: str
    email: str
    home: Address
    home_located: GeocodeStatus
    postal: Address | None  # None when it is the home address
    emergency_contacts: tuple[EmergencyContactDetails, ...]
    case_manager: str | None
    packages: tuple[PackageSummary, ...]
    photo_id: int | None  # changes whenever the photo does, so browsers refetch it


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def get_profile(actor: Actor, client_id: int) -> ClientProfile:
    access.require_client(actor, client_id)
    with db.write() as session:
        client = _client(client_id, session)
        audit.record(session, actor.account_id, "view", "client", client_id, "profile")
        return _profile(client, session)


def update_contact(
    actor: Actor, client_id: int, *, home_phone: str, mobile_phone: str, email: str
) -> ClientProfile:
    access.require_client(actor, client_id)
    problems: dict[str, str] = {}
    clean = {
        "home_phone": _check(problems, "home_phone", validation.optional_phone, home_phone),
        "mobile_phone": _check(problems, "mobile_phone", validation.optional_phone, mobile_phone),
        "email": _check(problems, "email", validation.optional_email, email),
    }
    if not problems and not (clean["home_phone"] or clean["mobile_phone"]):
        problems["mobile_phone"] = (
            "Please give at least one phone number, so your support worker can call you."
        )
    if problems:
        raise InvalidInput(problems)
    return _update(actor, client_id, clean)


def update_home_address(
    actor: Actor, client_id: int, *, street: str, suburb: str, state: str, postcode: str
) -> ClientProfile:
    access.require_client(actor, client_id)
    address = _clean_address(street, suburb, state, postcode)
    position = geocoding.locate(address.street, address.suburb, address.state, address.postcode)
    return _update(
        actor,
        client_id,
        {
            "home_street": address.street,
            "home_suburb": address.suburb,
            "home_state": address.state,
            "home_postcode": address.postcode,
            "home_lat": position.lat,
            "home_lon": position.lon,
            "home_geocode": position.status,
        },
    )


def update_postal_address(
    actor: Actor,
    client_id: int,
    *,
    same_as_home: bool,
    street: str = "",
    suburb: str = "",
    state: str = "",
    postcode: str = "",
) -> ClientProfile:
    access.require_client(actor, client_id)
    if same_as_home:
        fields: dict[str, object] = {
            "postal_same_as_home": True,
            "postal_street": None,
            "postal_suburb": None,
            "postal_state": None,
            "postal_postcode": None,
        }
    else:
        address = _clean_address(street, suburb, state, postcode)
        fields = {
            "postal_same_as_home": False,
            "postal_street": address.street,
            "postal_suburb": address.suburb,
            "postal_state": address.state,
            "postal_postcode": address.postcode,
        }
    return _update(actor, client_id, fields)


def save_emergency_contacts(
    actor: Actor, client_id: int, contacts: list[EmergencyContactDetails]
) -> ClientProfile:
    """Replace the client's emergency contacts with this list, or change nothing if any is wrong."""
    access.require_client(actor, client_id)
    if len(contacts) > MAX_EMERGENCY_CONTACTS:
        raise InvalidInput({"contacts": f"Please list at most {MAX_EMERGENCY_CONTACTS} emergency contacts."})
    problems: dict[str, str] = {}
    clean: list[EmergencyContactDetails] = []
    for number, contact in enumerate(contacts, start=1):
        prefix = f"contact{number}_"
        clean.append(
            EmergencyContactDetails(
                name=_check(problems, prefix + "name", _contact_name, contact.name) or "",
                relationship=_check(problems, prefix + "relationship", _relationship, contact.relationship)
                or "",
                phone=_check(problems, prefix + "phone", validation.phone, contact.phone) or "",
                email=_check(problems, prefix + "email", validation.optional_email, contact.email) or "",
            )
        )
    if problems:
        raise InvalidInput(problems)
    with db.write() as session:
        client = _client(client_id, session, for_update=True)
        client.emergency_contacts = [
            EmergencyContact(
                position=position,
                name=c.name,
                relationship_to_client=c.relationship,
                phone=c.phone,
                email=c.email or None,
            )
            for position, c in enumerate(clean)
        ]
        audit.record(session, actor.account_id, "update", "client", client_id, "emergency_contacts")
        session.flush()
        return _profile(client, session)


def set_photo(actor: Actor, client_id: int, data: bytes) -> ClientProfile:
    access.require_client(actor, client_id)
    try:
        portrait = photos.reencode_portrait(data)
    except ValueError as error:
        raise InvalidInput({"photo": str(error)}) from None
    with db.write() as session:
        client = _client(client_id, session, for_update=True)
        old_photo = client.photo_media_id
        client.photo_media_id = media_queries.add(
            portrait, "image/jpeg", created_at=clock.now(), session=session
        ).id
        if old_photo is not None:
            session.flush()
            media_queries.delete(old_photo, session=session)
        audit.record(session, actor.account_id, "update", "client", client_id, "photo")
        return _profile(client, session)


def photo(actor: Actor, client_id: int) -> tuple[bytes, str] | None:
    """The client's portrait as (bytes, content type), for those who may see this client."""
    access.require_client(actor, client_id)
    with db.read() as session:
        client = _client(client_id, session)
        if client.photo_media_id is None:
            return None
        return media_queries.content(client.photo_media_id, session=session)


def _check(problems: dict[str, str], field: str, check: Callable[[Any], T], value: Any) -> T:
    """Run one field's check, noting its problem instead of stopping at the first."""
    try:
        return check(value)
    except ValueError as error:
        problems[field] = str(error)
        return None  # type: ignore[return-value]


def _contact_name(value: str) -> str:
    return validation.text(value, "the contact's name", max_length=120)


def _relationship(value: str) -> str:
    return validation.text(value, "how they are related to you", max_length=60)


def _clean_address(street: str, suburb: str, state: str, postcode: str) -> Address:
    problems: dict[str, str] = {}
    clean_street = _check(
        problems, "street", lambda v: validation.text(v, "the street address", max_length=200), street
    )
    clean_suburb = _check(
        problems, "suburb", lambda v: validation.text(v, "the suburb", max_length=80), suburb
    )
    clean_state = _check(problems, "state", validation.state, state)
    clean_postcode = _check(
        problems, "postcode", lambda v: validation.postcode(v, clean_state or "NSW"), postcode
    )
    if problems:
        raise InvalidInput(problems)
    # People often type suburbs in lower case; the table and letters use "Surry Hills".
    suburb_name = clean_suburb.title() if clean_suburb.islower() else clean_suburb
    return Address(clean_street, suburb_name, clean_state, clean_postcode)


def _update(actor: Actor, client_id: int, fields: dict[str, object]) -> ClientProfile:
    with db.write() as session:
        client = _client(client_id, session, for_update=True)
        changed = sorted(name for name, value in fields.items() if getattr(client, name) != value)
        for name, value in fields.items():
            setattr(client, name, value)
        if changed:
            audit.record(session, actor.account_id, "update", "client", client_id, ",".join(changed))
        session.flush()
        return _profile(client, session)


def _client(client_id: int, session: Session, *, for_update: bool = False) -> Client:
    client = client_queries.by_id(client_id, session=session, for_update=for_update)
    if client is None:
        raise NotFound("That client record no longer exists.")
    return client


def _profile(client: Client, session: Session) -> ClientProfile:
    home = Address(client.home_street, client.home_suburb, client.home_state, client.home_postcode)
    postal = (
        None
        if client.postal_same_as_home
        else Address(
            client.postal_street or "",
            client.postal_suburb or "",
            client.postal_state or "",
            client.postal_postcode or "",
        )
    )
    return ClientProfile(
        client_id=client.id,
        client_number=client.client_number,
        title=client.title or "",
        first_name=client.first_name,
        last_name=client.last_name,
        preferred_name=client.preferred_name or "",
        full_name=client.full_name,
        date_of_birth=client.date_of_birth,
        age=age_on(client.date_of_birth, agency_today()),
        gender=GENDER_LABELS[client.gender],
        language=client.language,
        interpreter_needed=client.interpreter_needed,
        home_phone=validation.phone_for_display(client.home_phone),
        mobile_phone=validation.phone_for_display(client.mobile_phone),
        email=client.email or "",
        home=home,
        home_located=client.home_geocode,
        postal=postal,
        emergency_contacts=tuple(
            EmergencyContactDetails(
                c.name, c.relationship_to_client, validation.phone_for_display(c.phone), c.email or ""
            )
            for c in client.emergency_contacts
        ),
        case_manager=client_queries.account_name(client.case_manager_account_id, session=session),
        packages=tuple(
            PackageSummary(
                package.id, program.name, package.level, package.reference, package.starts_on, package.ends_on
            )
            for package, program in client_queries.packages(client.id, session=session)
        ),
        photo_id=client.photo_media_id,
    )
