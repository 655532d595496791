"""The client's profile: what the agency holds about them, as the profile screen shows it.
Changes are in domain.profile.changes."""

from dataclasses import dataclass
from datetime import date

from domain import action, validation
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import NotFound
from domain.language import N_, _
from domain.vocabulary import Gender, GeocodeStatus
from storage.models import Client
from storage.queries import clients as client_queries
from storage.queries import media as media_queries

# In English in the profile (the API and the office read it so); the page shows _(gender).
GENDER_LABELS = {
    Gender.FEMALE: N_("Female"),
    Gender.MALE: N_("Male"),
    Gender.NON_BINARY: N_("Non-binary"),
    Gender.NOT_STATED: N_("Not stated"),
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
    with action.reading(actor) as act:  # the page or API route showing it records the view
        client = client_record(act, client_id)
        return view(act, client)


def photo(actor: Actor, client_id: int) -> tuple[bytes, str] | None:
    """The client's portrait as (bytes, content type), for those who may see this client."""
    access.require_client(actor, client_id)
    with action.reading(actor) as act:
        client = client_record(act, client_id)
        if client.photo_media_id is None:
            return None
        return media_queries.content(client.photo_media_id, session=act.session)


def client_record(act: Action, client_id: int, *, for_update: bool = False) -> Client:
    client = client_queries.by_id(client_id, session=act.session, for_update=for_update)
    if client is None:
        raise NotFound(_("That client record no longer exists."))
    return client


def view(act: Action, client: Client) -> ClientProfile:
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
        age=age_on(client.date_of_birth, act.today),
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
        case_manager=client_queries.account_name(client.case_manager_account_id, session=act.session),
        packages=tuple(
            PackageSummary(
                package.id, program.name, package.level, package.reference, package.starts_on, package.ends_on
            )
            for package, program in client_queries.packages(client.id, session=act.session)
        ),
        photo_id=client.photo_media_id,
    )
