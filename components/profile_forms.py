"""The profile's editable sections: contact details, home and postal address, emergency contacts."""

from collections.abc import Callable
from typing import TypeVar

from nicegui import ui

from domain import validation
from domain.accounts.access import Actor
from domain.language import N_, _
from domain.profile import changes, reading
from domain.profile.reading import ClientProfile, EmergencyContactDetails
from domain.vocabulary import GeocodeStatus

from . import toast
from .forms import submit, text_input
from .text import Text, heading, paragraph

T = TypeVar("T")
ADDRESS_NOT_FOUND = N_(
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
    with _section(_("Phone and e-mail"), "contact-heading"):
        with ui.element("div").classes("form-grid"):
            fields = {
                "mobile_phone": text_input(
                    _("Mobile phone"),
                    details.mobile_phone,
                    kind="tel",
                    autocomplete="tel",
                    mark="mobile_phone",
                ),
                "home_phone": text_input(
                    _("Home phone"), details.home_phone, kind="tel", autocomplete="tel", mark="home_phone"
                ),
                "email": text_input(
                    _("E-mail address"), details.email, kind="email", autocomplete="email", mark="email"
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
                done=_("Phone and e-mail saved."),
            )
            if saved is not None:
                fields["mobile_phone"].value = saved.mobile_phone
                fields["home_phone"].value = saved.home_phone
                fields["email"].value = saved.email

        ui.button(_("Save phone and e-mail"), icon="save", on_click=save).props("unelevated color=primary")


def _address_fields(street: str, suburb: str, state: str, postcode: str, prefix: str) -> dict:
    with ui.element("div").classes("form-grid"):
        return {
            "street": text_input(
                _("Street address"), street, autocomplete="address-line1", mark=f"{prefix}street"
            ),
            "suburb": text_input(_("Suburb"), suburb, autocomplete="address-level2", mark=f"{prefix}suburb"),
            "state": ui.select(list(validation.STATES), value=state or None, label=_("State"))
            .props("outlined")
            .classes("w-full")
            .mark(f"{prefix}state"),
            "postcode": text_input(
                _("Postcode"), postcode, autocomplete="postal-code", mark=f"{prefix}postcode"
            ).props("inputmode=numeric maxlength=4"),
        }


def home_address(actor: Actor, details: ClientProfile) -> None:
    with _section(_("Home address"), "home-heading"):
        home = details.home
        fields = _address_fields(home.street, home.suburb, home.state, home.postcode, "home_")
        flag = paragraph(_(ADDRESS_NOT_FOUND)).classes("notice").props('role="status"')
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
                done=_("Home address saved."),
            )
            if saved is not None:
                flag.set_visibility(saved.home_located == GeocodeStatus.NOT_FOUND)

        ui.button(_("Save home address"), icon="save", on_click=save).props("unelevated color=primary")


def postal_address(actor: Actor, details: ClientProfile) -> None:
    with _section(_("Postal address"), "postal-heading"):
        postal = details.postal
        same = ui.checkbox(_("Same as my home address"), value=postal is None).mark("postal_same")
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
                done=_("Postal address saved."),
            )

        ui.button(_("Save postal address"), icon="save", on_click=save).props("unelevated color=primary")


def emergency_contacts(actor: Actor, details: ClientProfile) -> None:
    contacts = [
        {"name": c.name, "relationship": c.relationship, "phone": c.phone, "email": c.email}
        for c in details.emergency_contacts
    ]
    with _section(_("Emergency contacts"), "emergency-heading"):
        paragraph(_("The people we call if something is wrong. Please keep at least one.")).classes(
            "text-muted"
        )
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
                    Text(_("Contact {number}").format(number=number), tag="legend").classes("text-bold")
                    with ui.element("div").classes("form-grid"):
                        for key, label, kind in (
                            ("name", _("Name"), "text"),
                            ("relationship", _("Relationship"), "text"),
                            ("phone", _("Phone"), "tel"),
                            ("email", _("E-mail (optional)"), "email"),
                        ):
                            field = text_input(label, person[key], kind=kind, mark=f"contact{number}_{key}")
                            field.on_value_change(lambda e, p=person, k=key: p.__setitem__(k, e.value or ""))
                            fields[f"contact{number}_{key}"] = field

                    def remove(p: dict[str, str] = person) -> None:
                        contacts.remove(p)
                        rows.refresh()

                    ui.button(
                        _("Remove contact {number}").format(number=number), icon="delete", on_click=remove
                    ).props("flat color=negative")

        rows()

        def add() -> None:
            if len(contacts) >= reading.MAX_EMERGENCY_CONTACTS:
                toast.show(
                    _("You can list up to {n} emergency contacts.").format(n=reading.MAX_EMERGENCY_CONTACTS),
                    "warning",
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
                done=_("Emergency contacts saved."),
            )

        with ui.row().classes("gap-3 q-mt-sm"):
            ui.button(_("Add a contact"), icon="person_add", on_click=add).props("outline")
            ui.button(_("Save emergency contacts"), icon="save", on_click=save).props(
                "unelevated color=primary"
            )
