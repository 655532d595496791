"""Clients, for administrators and case managers: find a client, add one, and keep their details,
funding packages, approved services and requirements. An administrator may invite the client and
their carers to the portal from here. Each section saves on its own; bad input is shown at the
field and saves nothing."""

from nicegui import ui

import config
from components import background, guard
from components.formatting import long_date
from components.forms import submit, text_input
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain import validation
from domain.accounts import invitations
from domain.accounts.access import LEVEL_WORDS, Actor
from domain.accounts.invitations import NewAccount
from domain.backoffice import clients
from domain.backoffice.clients import CarerLine, ClientChoices, ClientForm, ClientRecord
from domain.vocabulary import GeocodeStatus, Role

ADMITS = set(clients.MAY_EDIT)
ADDRESS_NOT_FOUND = (
    "We could not find this address on the map. It is saved, but matching cannot measure distances "
    "to it: please check the street, suburb and postcode."
)
DATE_HINT = "Day/month/year, like 31/3/2027"
CARERS_HELP = (
    "Choose what each carer may do for this client. The carer sees it on their client pages, and it "
    "counts from their next page."
)


def _section(title: str, anchor: str) -> ui.element:
    section = ui.element("section").classes("card section").props(f'aria-labelledby="{anchor}"')
    with section:
        heading(title).props(f'id="{anchor}"')
    return section


def _date_text(value: object) -> str:
    return value.strftime("%-d/%-m/%Y") if hasattr(value, "strftime") else str(value or "")


def _select(options: dict | list, value: object, label: str, mark: str) -> ui.select:
    return ui.select(options, value=value, label=label).props("outlined").classes("w-full").mark(mark)


@guard.page(admits=ADMITS)
async def listing(viewer: SignedInViewer, q: str = "") -> None:
    actor = viewer.actor
    found = await background.call(clients.find, actor, q)
    with (
        frame("Clients", viewer, nav=staff_sections(actor), current="/admin/clients"),
        ui.element("div").classes("stack"),
    ):
        ui.button(
            "Add a client", icon="person_add", on_click=lambda: ui.navigate.to("/admin/clients/new")
        ).props("unelevated color=primary").mark("add-client")
        with _section("Find a client", "find-heading"):
            box = text_input("Name, client number or suburb", q, mark="client-search")

            def go() -> None:
                ui.navigate.to(f"/admin/clients?q={box.value or ''}")

            box.on("keydown.enter", go)
            ui.button("Find", icon="search", on_click=go).props("outline").mark("client-find")
            if not found:
                paragraph("No client matches that search.")
            with ui.element("ul").classes("plain-list").props('aria-label="Clients"'):
                for line in found:
                    with ui.element("li").classes("q-py-sm"):
                        label = f"{line.name} · {line.client_number} · {line.suburb}"
                        if not line.active:
                            label += " · no longer a client"
                        if line.unplaced:
                            label += " · address not on the map"
                        ui.link(label, f"/admin/clients/{line.client_id}").mark(f"client-{line.client_id}")


@guard.page(admits=ADMITS)
async def new(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    options = await background.call(clients.choices, actor)
    with (
        frame("Add a client", viewer, nav=staff_sections(actor), current="/admin/clients"),
        ui.element("div").classes("stack"),
    ):
        paragraph("Their funding, approved services and requirements are added on the next page.")
        with _section("Details", "details-heading"):
            fields = _detail_fields(ClientForm(), options)

            async def save() -> None:
                created = await submit(lambda: clients.create(actor, _form_of(fields)), fields)
                if created is not None:
                    ui.navigate.to(f"/admin/clients/{created}")

            ui.button("Add this client", icon="save", on_click=save).props("unelevated color=primary").mark(
                "create-client"
            )


@guard.page(admits=ADMITS)
async def edit(viewer: SignedInViewer, client_id: guard.RecordId) -> None:
    actor = viewer.actor
    current = await background.call(clients.record, actor, client_id)
    options = await background.call(clients.choices, actor)
    with (
        frame(current.name, viewer, nav=staff_sections(actor), current="/admin/clients"),
        ui.element("div").classes("stack"),
    ):
        ui.link("All clients", "/admin/clients")
        if current.has_account:  # whoever answers the client's call knows which language they read
            paragraph(
                f"{current.name} reads the portal, e-mails and statements in {current.reads_in} "
                "(chosen on their profile)."
            ).mark("client-reads-in")
        _carers(actor, current)
        if actor.role == Role.ADMIN:
            _invite(actor, current)
        _details(actor, current, options)
        _funding(actor, current, options)
        _requirements(actor, current, options)


def _carers(actor: Actor, current: ClientRecord) -> None:
    """Each carer's access for this client: what they may do, and whether statements reach them."""
    with _section("Carers", "carers-heading"):
        paragraph(CARERS_HELP if current.carers else "No carer acts for them on the portal yet.")
        with ui.element("ul").classes("plain-list").props('aria-label="Carers"'):
            for carer in current.carers:
                with ui.element("li").classes("q-py-sm"):
                    _carer_access(actor, current.client_id, carer)


def _carer_access(actor: Actor, client_id: int, carer: CarerLine) -> None:
    mark = f"carer-{carer.account_id}"
    Text(carer.who, tag="p")
    now = Text(f"Now: {carer.access}.", tag="p").mark(f"{mark}-now")
    with ui.element("div").classes("form-grid"):
        level = _select(
            {level.value: words.capitalize() for level, words in LEVEL_WORDS.items()},
            carer.level.value,
            f"What {carer.name} may do",
            f"{mark}-level",
        )
        statements = ui.checkbox("Receives statements", value=carer.statements).mark(f"{mark}-statements")

    async def save() -> None:
        saved = await submit(
            lambda: clients.set_carer_access(
                actor, client_id, carer.account_id, level=str(level.value or ""), statements=statements.value
            ),
            {"access_level": level},
            done="Carer's access saved.",
        )
        if saved is not None:
            line = next(c for c in saved.carers if c.account_id == carer.account_id)
            now.set_text(f"Now: {line.access}.")

    ui.button("Save access", icon="save", on_click=save).props(
        f'unelevated color=primary aria-label="Save access for {carer.name}"'
    ).mark(f"{mark}-save")


def _detail_fields(form: ClientForm, options: ClientChoices) -> dict:
    with ui.element("div").classes("form-grid"):
        fields: dict = {
            "first_name": text_input("First name", form.first_name, mark="first_name"),
            "last_name": text_input("Last name", form.last_name, mark="last_name"),
            "preferred_name": text_input(
                "Preferred name (optional)", form.preferred_name, mark="preferred_name"
            ),
            "client_number": text_input("Client number", form.client_number, mark="client_number"),
            "gender": _select(options.genders, form.gender or None, "Gender", "gender"),
            "date_of_birth": text_input(
                "Date of birth", _date_text(form.date_of_birth), mark="date_of_birth"
            ).props(f'hint="{DATE_HINT}"'),
            "mobile_phone": text_input("Mobile phone", form.mobile_phone, kind="tel", mark="mobile_phone"),
            "home_phone": text_input("Home phone", form.home_phone, kind="tel", mark="home_phone"),
            "email": text_input("E-mail address", form.email, kind="email", mark="email"),
            "language": text_input("Language", form.language, mark="language"),
            "case_manager": _select(
                {0: "No case manager"} | {c.id: c.name for c in options.case_managers},
                form.case_manager_id or 0,
                "Case manager",
                "case_manager",
            ),
            "marketing_groups": ui.select(
                {g.id: g.name for g in options.marketing_groups},
                value=list(form.marketing_group_ids),
                label="Marketing groups",
                multiple=True,
            )
            .props("outlined use-chips")
            .classes("w-full")
            .mark("marketing_groups"),
        }
    fields["interpreter_needed"] = ui.checkbox("Needs an interpreter", value=form.interpreter_needed).mark(
        "interpreter"
    )
    heading("Home address", 3)
    with ui.element("div").classes("form-grid"):
        fields |= {
            "street": text_input("Street address", form.street, mark="street"),
            "suburb": text_input("Suburb", form.suburb, mark="suburb"),
            "state": _select(list(validation.STATES), form.state or None, "State", "state"),
            "postcode": text_input("Postcode", form.postcode, mark="postcode").props(
                "inputmode=numeric maxlength=4"
            ),
        }
    fields["notes"] = ui.textarea("Notes for staff", value=form.notes).props("outlined").classes("w-full")
    fields["active"] = ui.checkbox("A current client", value=form.active).mark("active")
    return fields


def _form_of(fields: dict) -> ClientForm:
    def value(name: str) -> str:
        return str(fields[name].value or "")

    return ClientForm(
        client_number=value("client_number"),
        first_name=value("first_name"),
        last_name=value("last_name"),
        preferred_name=value("preferred_name"),
        gender=value("gender"),
        date_of_birth=value("date_of_birth"),
        mobile_phone=value("mobile_phone"),
        home_phone=value("home_phone"),
        email=value("email"),
        street=value("street"),
        suburb=value("suburb"),
        state=value("state"),
        postcode=value("postcode"),
        language=value("language"),
        interpreter_needed=bool(fields["interpreter_needed"].value),
        case_manager_id=fields["case_manager"].value or None,
        marketing_group_ids=tuple(fields["marketing_groups"].value or ()),
        notes=value("notes"),
        active=bool(fields["active"].value),
    )


def _details(actor: Actor, current: ClientRecord, options: ClientChoices) -> None:
    with _section("Details", "details-heading"):
        fields = _detail_fields(current.form, options)
        flag = paragraph(ADDRESS_NOT_FOUND).classes("notice").props('role="status"').mark("not-placed")
        flag.set_visibility(current.home_located == GeocodeStatus.NOT_FOUND)
        errors = {k: v for k, v in fields.items() if k not in ("active", "interpreter_needed")}

        async def save() -> None:
            saved = await submit(
                lambda: clients.update(actor, current.client_id, _form_of(fields)),
                errors,
                done="Details saved.",
            )
            if saved is not None:
                flag.set_visibility(saved.home_located == GeocodeStatus.NOT_FOUND)

        ui.button("Save details", icon="save", on_click=save).props("unelevated color=primary").mark(
            "save-details"
        )


def _invite(actor: Actor, current: ClientRecord) -> None:
    """The offer to invite the client (and a carer) to the portal, through the accounts' invitations."""
    with _section("Invite to the portal", "invite-heading"):
        if current.has_account:
            paragraph(f"{current.name} has an account. New links are sent from Accounts.")
        with ui.element("div").classes("form-grid"):
            fields = {
                "display_name": text_input(
                    "Name", current.name if not current.has_account else "", mark="invite-name"
                ),
                "email": text_input(
                    "E-mail address",
                    current.form.email if not current.has_account else "",
                    kind="email",
                    mark="invite-email",
                ),
                "role": _select(
                    ({} if current.has_account else {"client": "The client"})
                    | {"carer": "A carer or family member"},
                    "carer" if current.has_account else "client",
                    "Who is it",
                    "invite-role",
                ),
            }

        async def send() -> None:
            role = Role(fields["role"].value or "client")
            new = NewAccount(
                role=role,
                display_name=str(fields["display_name"].value or ""),
                email=str(fields["email"].value or ""),
                client_number=current.form.client_number if role == Role.CLIENT else "",
                carer_of=(current.form.client_number,) if role == Role.CARER else (),
            )
            link_base = config.public_url()
            await submit(
                lambda: invitations.invite(actor, new, link_base),
                fields,
                done=f"Invitation sent to {new.email}.",
            )

        ui.button("Send the invitation", icon="send", on_click=send).props("unelevated color=primary").mark(
            "invite-send"
        )


def _funding(actor: Actor, current: ClientRecord, options: ClientChoices) -> None:
    state = {"record": current}
    with _section("Funding and approved services", "funding-heading"):
        lists = ui.element("div").classes("w-full")

        @ui.refreshable
        def shown() -> None:
            record = state["record"]
            if not record.packages:
                paragraph("No funding package yet.")
            with ui.element("ul").classes("plain-list").props('aria-label="Funding packages"'):
                for package in record.packages:
                    with ui.element("li").classes("q-py-sm"):
                        Text(
                            f"{package.reference}: {package.program}, {package.level}, "
                            f"{long_date(package.starts_on)} to {long_date(package.ends_on)}, "
                            f"budget {package.budget}"
                            + (
                                f", client pays {package.contribution_pct}%"
                                if package.contribution_pct
                                else ""
                            )
                            + (f" ({package.categories})" if package.categories else ""),
                            tag="span",
                        )
            with ui.element("ul").classes("plain-list").props('aria-label="Approved services"'):
                for line in record.approved:
                    with ui.element("li").classes("row items-center gap-2"):
                        rate = f", at {line.rate} (its own rate)" if line.rate else ""
                        Text(f"{line.service}: {line.amount}{rate} ({line.reference})", tag="span")

                        async def withdraw(approved_id: int = line.approved_id) -> None:
                            saved = await submit(
                                lambda: clients.withdraw_service(actor, record.client_id, approved_id),
                                done="Service withdrawn.",
                            )
                            if saved is not None:
                                state["record"] = saved
                                shown.refresh()

                        ui.button("Withdraw", icon="delete", on_click=withdraw).props(
                            f'outline aria-label="Withdraw {line.service}"'
                        )
            package_choice.set_options({p.package_id: p.reference for p in record.packages})

        heading("Add a funding package", 3)
        with ui.element("div").classes("form-grid"):
            package_fields = {
                "program": _select({p.id: p.name for p in options.programs}, None, "Program", "program"),
                "level": text_input("Level (like Level 3)", mark="level"),
                "starts_on": text_input("First day", mark="starts_on").props(f'hint="{DATE_HINT}"'),
                "ends_on": text_input("Last day", mark="ends_on").props(f'hint="{DATE_HINT}"'),
                "budget": text_input("Budget ($)", mark="budget").props("inputmode=decimal"),
                "contribution": text_input("Client's share (%)", "0", mark="contribution").props(
                    'inputmode=numeric hint="The share of each service the client pays"'
                ),
            }
        paragraph("For an NDIS plan, its budget per support category (optional):").classes("text-sm")
        with ui.element("div").classes("form-grid"):
            for category, name in clients.CATEGORY_NAMES.items():
                package_fields[f"category_{category.value}"] = text_input(
                    f"{name} ($)", mark=f"category_{category.value}"
                ).props("inputmode=decimal")

        async def add_package() -> None:
            saved = await submit(
                lambda: clients.add_package(
                    actor,
                    current.client_id,
                    program_id=package_fields["program"].value,
                    level=str(package_fields["level"].value or ""),
                    starts_on=package_fields["starts_on"].value or "",
                    ends_on=package_fields["ends_on"].value or "",
                    budget=package_fields["budget"].value or "",
                    contribution=package_fields["contribution"].value or "",
                    categories={
                        category.value: package_fields[f"category_{category.value}"].value or ""
                        for category in clients.CATEGORY_NAMES
                    },
                ),
                package_fields,
                done="Funding package added.",
            )
            if saved is not None:
                state["record"] = saved
                shown.refresh()

        ui.button("Add package", icon="add", on_click=add_package).props("unelevated color=primary").mark(
            "add-package"
        )
        heading("Approve a service", 3)
        with ui.element("div").classes("form-grid"):
            package_choice = _select({}, None, "Package", "package")
            service_fields = {
                "package": package_choice,
                "service": _select({s.id: s.name for s in options.services}, None, "Service", "service"),
                "amount": text_input("Hours or visits", mark="amount").props("inputmode=decimal"),
                "period": _select(options.periods, "week", "Per", "period"),
                "rate": text_input("Its own rate ($ a unit, optional)", mark="rate").props(
                    'inputmode=decimal hint="Blank: the program\'s rates apply"'
                ),
            }

        async def approve() -> None:
            saved = await submit(
                lambda: clients.approve_service(
                    actor,
                    current.client_id,
                    package_id=service_fields["package"].value,
                    service_id=service_fields["service"].value,
                    amount=service_fields["amount"].value or "",
                    period=str(service_fields["period"].value or ""),
                    rate=service_fields["rate"].value or "",
                ),
                service_fields,
                done="Service approved.",
            )
            if saved is not None:
                state["record"] = saved
                shown.refresh()

        ui.button("Approve service", icon="add", on_click=approve).props("unelevated color=primary").mark(
            "approve-service"
        )
        with lists:
            shown()


def _requirements(actor: Actor, current: ClientRecord, options: ClientChoices) -> None:
    state = {"record": current}
    with _section("What a worker needs for this client", "requirements-heading"):
        paragraph(
            "A must: only workers who have it are offered. A nice-to-have: workers who have it are "
            "listed first. For one service only, choose the service."
        )

        @ui.refreshable
        def shown() -> None:
            record = state["record"]
            if not record.requirements:
                paragraph("Nothing asked for this client yet.")
            with ui.element("ul").classes("plain-list").props('aria-label="Requirements"'):
                for line in record.requirements:
                    with ui.element("li").classes("row items-center gap-2"):
                        Text(
                            f"{line.what}: {'must have' if line.mandatory else 'nice to have'}"
                            + (f" (for {line.service})" if line.service else " (every service)"),
                            tag="span",
                        )

                        async def remove(requirement_id: int = line.requirement_id) -> None:
                            saved = await submit(
                                lambda: clients.remove_requirement(actor, record.client_id, requirement_id),
                                done="Requirement removed.",
                            )
                            if saved is not None:
                                state["record"] = saved
                                shown.refresh()

                        async def toggle(
                            requirement_id: int = line.requirement_id, now: bool = line.mandatory
                        ) -> None:
                            saved = await submit(
                                lambda: clients.set_requirement_mandatory(
                                    actor, record.client_id, requirement_id, mandatory=not now
                                ),
                                done="Now only nice to have." if now else "Now a must.",
                            )
                            if saved is not None:
                                state["record"] = saved
                                shown.refresh()

                        label = "Make nice to have" if line.mandatory else "Make a must"
                        button = ui.button(label, icon="swap_horiz", on_click=toggle).props("outline no-caps")
                        button.props.update({"aria-label": f"{label}: {line.what}"})
                        button.mark(f"toggle-requirement-{line.requirement_id}")
                        ui.button("Remove", icon="delete", on_click=remove).props(
                            f'outline aria-label="Remove {line.what}"'
                        )

        shown()
        with ui.element("div").classes("form-grid"):
            fields = {
                "item": _select(options.items, None, "Competency or characteristic", "requirement-item"),
                "requirement_service": _select(
                    {0: "Every service"} | {s.id: s.name for s in options.services},
                    0,
                    "For",
                    "requirement-service",
                ),
            }
        must = ui.checkbox("A must (not only nice to have)", value=True).mark("requirement-must")

        async def add() -> None:
            saved = await submit(
                lambda: clients.add_requirement(
                    actor,
                    current.client_id,
                    item=str(fields["item"].value or ""),
                    mandatory=bool(must.value),
                    service_id=fields["requirement_service"].value or None,
                ),
                fields,
                done="Requirement added.",
            )
            if saved is not None:
                state["record"] = saved
                shown.refresh()

        ui.button("Add requirement", icon="add", on_click=add).props("unelevated color=primary").mark(
            "add-requirement"
        )
