"""Changing the details a client keeps up to date themselves: phones, e-mail, addresses,
emergency contacts and photo. Every change is checked first; bad input changes nothing."""

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from adapters import geocoding
from domain import action, validation
from domain.accounts import access
from domain.accounts.access import Actor
from domain.agency import mail_settings
from domain.errors import InvalidInput
from domain.language import N_, _
from domain.profile import pictures
from domain.profile.reading import (
    MAX_EMERGENCY_CONTACTS,
    Address,
    ClientProfile,
    EmergencyContactDetails,
    client_record,
    view,
)
from domain.vocabulary import ClientAction
from storage.models import EmergencyContact

T = TypeVar("T")


def update_contact(
    actor: Actor, client_id: int, *, home_phone: str, mobile_phone: str, email: str
) -> ClientProfile:
    access.require(actor, client_id, ClientAction.BOOK)  # see docs/carer-access.md
    problems: dict[str, str] = {}
    clean = {
        "home_phone": _check(problems, "home_phone", validation.optional_phone, home_phone),
        "mobile_phone": _check(problems, "mobile_phone", validation.optional_phone, mobile_phone),
        "email": _check(problems, "email", validation.optional_email, email),
    }
    if not problems and not (clean["home_phone"] or clean["mobile_phone"]):
        problems["mobile_phone"] = _(
            "Please give at least one phone number, so your support worker can call you."
        )
    if not problems and clean["email"] and not _deliverable(clean["email"]):
        problems["email"] = _(
            "Our mail server cannot deliver to {address}: it does not take letters like é or ü "
            "before the @. Please give another address, or call the agency."
        ).format(address=clean["email"])
    if problems:
        raise InvalidInput(problems)
    return _update(actor, client_id, clean)


def _deliverable(address: str) -> bool:
    """Whether the agency's mail server can deliver there, as far as it has told us."""
    if not validation.needs_smtputf8(address):
        return True
    return mail_settings.takes_international_addresses() is not False


class PostcodeUnusual(InvalidInput):
    """The suburb is known with another postcode (Marrickville is 2204, not 2000). Nothing is saved;
    saving again with `keep_postcode` set to this postcode keeps it (the table may be out of date)."""

    def __init__(self, suburb: str, state: str, postcode: str, known: frozenset[str]) -> None:
        self.postcode = postcode
        first, *others = sorted(known)
        usual = first
        for other in others:  # "2204 or 2205"
            usual = _("{first} or {second}").format(first=usual, second=other)
        super().__init__(
            {
                "postcode": _(
                    "{suburb} {state} has the postcode {usual}, not {postcode}. Please check the "
                    "postcode and the suburb; if {postcode} is right, save again to keep it."
                ).format(suburb=suburb, state=state, usual=usual, postcode=postcode)
            }
        )


def update_home_address(
    actor: Actor,
    client_id: int,
    *,
    street: str,
    suburb: str,
    state: str,
    postcode: str,
    keep_postcode: str = "",
) -> ClientProfile:
    """`keep_postcode`: a postcode the person confirmed after PostcodeUnusual warned them about it."""
    access.require(actor, client_id, ClientAction.BOOK)  # see docs/carer-access.md
    address = _clean_address(street, suburb, state, postcode, keep_postcode)
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
    keep_postcode: str = "",
) -> ClientProfile:
    access.require(actor, client_id, ClientAction.BOOK)  # see docs/carer-access.md
    if same_as_home:
        fields: dict[str, object] = {
            "postal_same_as_home": True,
            "postal_street": None,
            "postal_suburb": None,
            "postal_state": None,
            "postal_postcode": None,
        }
    else:
        address = _clean_address(street, suburb, state, postcode, keep_postcode)
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
    access.require(actor, client_id, ClientAction.BOOK)  # see docs/carer-access.md
    if len(contacts) > MAX_EMERGENCY_CONTACTS:
        raise InvalidInput(
            {"contacts": _("Please list at most {n} emergency contacts.").format(n=MAX_EMERGENCY_CONTACTS)}
        )
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
    with action.writing(actor) as act:
        client = client_record(act, client_id, for_update=True)
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
        act.audit("update", "client", client_id, "emergency_contacts")
        act.session.flush()
        return view(act, client)


def set_photo(actor: Actor, client_id: int, data: bytes) -> ClientProfile:
    access.require(actor, client_id, ClientAction.BOOK)  # see docs/carer-access.md
    portrait = pictures.checked(data, "photo")
    with action.writing(actor) as act:
        client = client_record(act, client_id, for_update=True)
        pictures.replace(act, client, "photo_media_id", portrait)
        act.audit("update", "client", client_id, "photo")
        return view(act, client)


def _check(problems: dict[str, str], field: str, check: Callable[[Any], T], value: Any) -> T:
    """Run one field's check, noting its problem instead of stopping at the first."""
    try:
        return check(value)
    except ValueError as error:
        problems[field] = str(error)
        return None  # type: ignore[return-value]


def _bounded(max_length: int, missing: str, too_long: str) -> Callable[[str], str]:
    """A client's text field: said wrong in whole translated sentences (marked with N_ where the
    field is defined; `too_long` has a {max_length} field)."""

    def check(value: str) -> str:
        return validation.text(value, "", max_length=max_length, missing=_(missing), too_long=_(too_long))

    return check


_contact_name = _bounded(
    120,
    N_("Please enter the contact's name."),
    N_("The contact's name can be at most {max_length} characters."),
)
_relationship = _bounded(
    60,
    N_("Please enter how they are related to you."),
    N_("How they are related to you can be at most {max_length} characters."),
)
_street = _bounded(
    200,
    N_("Please enter the street address."),
    N_("The street address can be at most {max_length} characters."),
)
_suburb = _bounded(
    80, N_("Please enter the suburb."), N_("The suburb can be at most {max_length} characters.")
)


def _clean_address(street: str, suburb: str, state: str, postcode: str, keep_postcode: str = "") -> Address:
    problems: dict[str, str] = {}
    clean_street = _check(problems, "street", _street, street)
    clean_suburb = _check(problems, "suburb", _suburb, suburb)
    clean_state = _check(problems, "state", validation.state, state)
    clean_postcode = _check(
        problems, "postcode", lambda v: validation.postcode(v, clean_state or "NSW"), postcode
    )
    if problems:
        raise InvalidInput(problems)
    # People often type suburbs in lower case; the table and letters use "Surry Hills".
    suburb_name = clean_suburb.title() if clean_suburb.islower() else clean_suburb
    # Postcodes by state are checked above (validation.postcode's ranges); the suburb's own
    # postcode only where the shipped suburb table (adapters.geocoding) knows the suburb.
    known = geocoding.postcodes_of(suburb_name, clean_state)
    if known and clean_postcode not in known and clean_postcode != keep_postcode.strip():
        raise PostcodeUnusual(suburb_name, clean_state, clean_postcode, known)
    return Address(clean_street, suburb_name, clean_state, clean_postcode)


def _update(actor: Actor, client_id: int, fields: Mapping[str, object]) -> ClientProfile:
    with action.writing(actor) as act:
        client = client_record(act, client_id, for_update=True)
        changed = sorted(name for name, value in fields.items() if getattr(client, name) != value)
        for name, value in fields.items():
            setattr(client, name, value)
        if changed:
            act.audit("update", "client", client_id, ",".join(changed))
        act.session.flush()
        return view(act, client)
