"""The profile's editable sections: contact details, home and postal address, emergency contacts."""

from collections.abc import Callable
from typing import TypeVar

from nicegui import ui

from domain import validation
from domain.accounts.access import Actor
from domain.profile import changes, reading
from domain.profile.reading import ClientProfile, EmergencyContactDetails
from domain.vocabulary import GeocodeStatus

from . import toast
from .forms import submit, text_input
from .text import Text, heading, paragraph

T = TypeVar("T")
ADDRESS_NOT_FOUND = (
    "We could not find this address on the map. It is saved, and the office will check it "
    "before your next visit."
)


class Warned:
    """The postcode a form was warned about (changes.PostcodeUnusual): saving it again keeps it."""

    def __init__(self) -> None:
        self.postcode = ""

    def attempt(self, save: Callable[[str], T]) -> T:
        try:
            return save(self.postcode)
        except changes.PostcodeUnusual as unusual:
            self.postcode = unusual.postcode
            raise


def _section(title: str, anchor: str) -> ui.element:
    section = ui.element("section").classes("card section").props(f'aria-labelledby="{anchor}"')
    with section:
        heading(title).props(f'id="{anchor}"')
    return section


def contact(actor: Actor, details: ClientProfile) -> None:
    with _section("Phone and e-mail", "contact-heading"):
        with ui.element("div").classes("form-grid"):
            fields = {
                "mobile_phone": text_input(
                    "Mobile phone", details.mobile_phone, kind="tel", autocomplete="tel", mark="mobile_phone"
                ),
                "home_phone": text_input(
                    "Home phone", details.home_phone, kind="tel", autocomplete="tel", mark="home_phone"
                ),
                "email": text_input(
                    "E-mail address", details.email, kind="email", autocomplete="email", mark="email"
                ),
            }

        async def save() -> None:
            saved = await submit(
                lambda: changes.update_contact(
                    actor,
                    details.client_id,
                    home_phone=fields["home_phone"].value or "",
                    mobile_phone=fields["mobile_phone"].value or "",
                    email=fields["email"].value or "",
                ),
                fields,
                done="Phone and e-mail saved.",
            )
            if saved is not None:
                fields["mobile_phone"].value = saved.mobile_phone
                fields["home_phone"].value = saved.home_phone
                fields["email"].value = saved.email

        ui.button("Save phone and e-mail", icon="save", on_click=save).props("unelevated color=primary")


def _address_fields(street: str, suburb: str, state: str, postcode: str, prefix: str) -> dict:
    with ui.element("div").classes("form-grid"):
        return {
            "street": text_input(
                "Street address", street, autocomplete="address-line1", mark=f"{prefix}street"
            ),
            "suburb": text_input("Suburb", suburb, autocomplete="address-level2", mark=f"{prefix}suburb"),
            "state": ui.select(list(validation.STATES), value=state or None, label="State")
            .props("outlined")
            .classes("w-full")
            .mark(f"{prefix}state"),
            "postcode": text_input(
                "Postcode", postcode, autocomplete="postal-code", mark=f"{prefix}postcode"
            ).props("inputmode=numeric maxlength=4"),
        }


def home_address(actor: Actor, details: ClientProfile) -> None:
    with _section("Home address", "home-heading"):
        home = details.home
        fields = _address_fields(home.street, home.suburb, home.state, home.postcode, "home_")
        flag = paragraph(ADDRESS_NOT_FOUND).classes("notice").props('role="status"')
        flag.set_visibility(details.home_located == GeocodeStatus.NOT_FOUND)

        warned = Warned()

        async def save() -> None:
            saved = await submit(
                lambda: warned.attempt(
                    lambda keep: changes.update_home_address(
                        actor,
                        details.client_id,
                        street=fields["street"].value or "",
                        suburb=fields["suburb"].value or "",
                        state=fields["state"].value or "",
                        postcode=fields["postcode"].value or "",
                        keep_postcode=keep,
                    )
                ),
                fields,
                done="Home address saved.",
            )
            if saved is not None:
                flag.set_visibility(saved.home_located == GeocodeStatus.NOT_FOUND)

        ui.button("Save home address", icon="save", on_click=save).props("unelevated color=primary")


def postal_address(actor: Actor, details: ClientProfile) -> None:
    with _section("Postal address", "postal-heading"):
        postal = details.postal
        same = ui.checkbox("Same as my home address", value=postal is None).mark("postal_same")
        with ui.element("div").classes("w-full") as wrapper:
            fields = _address_fields(
                postal.street if postal else "",
                postal.suburb if postal else "",
                postal.state if postal else "",
                postal.postcode if postal else "",
                "postal_",
            )
        wrapper.bind_visibility_from(same, "value", backward=lambda v: not v)

        warned = Warned()

        async def save() -> None:
            await submit(
                lambda: warned.attempt(
                    lambda keep: changes.update_postal_address(
                        actor,
                        details.client_id,
                        same_as_home=bool(same.value),
                        street=fields["street"].value or "",
                        suburb=fields["suburb"].value or "",
                        state=fields["state"].value or "",
                        postcode=fields["postcode"].value or "",
                        keep_postcode=keep,
                    )
                ),
                fields,
                done="Postal address saved.",
            )

        ui.button("Save postal address", icon="save", on_click=save).props("unelevated color=primary")


def emergency_contacts(actor: Actor, details: ClientProfile) -> None:
    contacts = [
        {"name": c.name, "relationship": c.relationship, "phone": c.phone, "email": c.email}
        for c in details.emergency_contacts
    ]
    with _section("Emergency contacts", "emergency-heading"):
        paragraph("The people we call if something is wrong. Please keep at least one.").classes("text-muted")
        fields: dict = {}

        @ui.refreshable
        def rows() -> None:
            fields.clear()
            for number, person in enumerate(contacts, start=1):
                with (
                    ui.element("fieldset")
                    .classes("q-pa-md q-mb-md w-full")
                    .style("border: 1px solid #c9ced6; border-radius: 8px")
                ):
                    Text(f"Contact {number}", tag="legend").classes("text-bold")
                    with ui.element("div").classes("form-grid"):
                        for key, label, kind in (
                            ("name", "Name", "text"),
                            ("relationship", "Relationship", "text"),
                            ("phone", "Phone", "tel"),
                            ("email", "E-mail (optional)", "email"),
                        ):
                            field = text_input(label, person[key], kind=kind, mark=f"contact{number}_{key}")
                            field.on_value_change(lambda e, p=person, k=key: p.__setitem__(k, e.value or ""))
                            fields[f"contact{number}_{key}"] = field

                    def remove(p: dict[str, str] = person) -> None:
                        contacts.remove(p)
                        rows.refresh()

                    ui.button(f"Remove contact {number}", icon="delete", on_click=remove).props(
                        "flat color=negative"
                    )

        rows()

        def add() -> None:
            if len(contacts) >= reading.MAX_EMERGENCY_CONTACTS:
                toast.show(
                    f"You can list up to {reading.MAX_EMERGENCY_CONTACTS} emergency contacts.", "warning"
                )
                return
            contacts.append({"name": "", "relationship": "", "phone": "", "email": ""})
            rows.refresh()

        async def save() -> None:
            await submit(
                lambda: changes.save_emergency_contacts(
                    actor, details.client_id, [EmergencyContactDetails(**c) for c in contacts]
                ),
                fields,
                done="Emergency contacts saved.",
            )

        with ui.row().classes("gap-3 q-mt-sm"):
            ui.button("Add a contact", icon="person_add", on_click=add).props("outline")
            ui.button("Save emergency contacts", icon="save", on_click=save).props("unelevated color=primary")
