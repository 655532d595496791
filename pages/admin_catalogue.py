"""The catalogue and rules, for administrators: programs, services, competencies and characteristics
with their glyphs, Global and Program requirements, marketing groups, and moderation of reviews.
Bad input is shown at the field and saves nothing; after a change the page shows the catalogue
as saved."""

from collections.abc import Callable
from typing import Any

from nicegui import events, ui

from adapters import photos
from components import background, file_picker, guard
from components.forms import submit, text_input
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts.access import Actor
from domain.backoffice import catalogue
from domain.backoffice.catalogue import CatalogueView, RuleLine, ServiceLine
from domain.vocabulary import Role

KINDS = {
    "hcp": "Home Care Package",
    "sah": "Support at Home",
    "ndis": "NDIS",
    "chsp": "CHSP",
    "private": "Private",
}
UNITS = {"hour": "By the hour", "each": "Each visit"}
COMPETENCY_KINDS = {"clearance": "Clearance", "qualification": "Qualification", "skill": "Skill"}
CHARACTERISTIC_KINDS = {"language": "A language", "flag": "Another trait"}


def _section(title: str, anchor: str) -> ui.element:
    section = ui.element("section").classes("card section").props(f'aria-labelledby="{anchor}"')
    with section:
        heading(title).props(f'id="{anchor}"')
    return section


def _select(options: dict, value: object, label: str, mark: str) -> ui.select:
    return ui.select(options, value=value, label=label).props("outlined").classes("w-full").mark(mark)


def _picture_controls(actor: Actor, service: ServiceLine, saved: "Saved") -> None:
    """Upload a picture for the service's tile (instead of its glyph), or remove it."""
    problem = Text("", tag="span").classes("text-negative").props('role="alert"')
    problem.mark(f"service-image-problem-{service.service_id}")

    async def upload(event: events.UploadEventArguments) -> None:
        data = await event.file.read()
        uploader.reset()
        saved(
            await submit(
                lambda: catalogue.set_service_image(actor, service.service_id, data),
                done="Picture saved.",
                say=_say(problem),
            )
        )

    uploader, picker = file_picker.create(
        "Picture",
        "image",
        accept=file_picker.PICTURES,
        max_bytes=photos.MAX_BYTES,
        on_upload=upload,
        on_rejected=lambda: _say(problem)(photos.TOO_LARGE),
        mark=f"service-image-upload-{service.service_id}",
    )
    picker.props("outline no-caps")
    picker.props.update({"aria-label": f"Upload a picture for {service.name}"})
    if service.image_id is not None:

        async def remove() -> None:
            saved(
                await submit(
                    lambda: catalogue.set_service_image(actor, service.service_id, None),
                    done="Picture removed: the glyph shows again.",
                )
            )

        remover = ui.button("Remove picture", icon="hide_image", on_click=remove).props("outline no-caps")
        remover.props.update({"aria-label": f"Remove the picture of {service.name}"})


def _say(problem: Text) -> Callable[[str], None]:
    def say(message: str) -> None:
        problem.text = message

    return say


def _offer_button(actor: Actor, item: str, name: str, active: bool, saved: "Saved") -> None:
    """Retire an item (kept on past visits, no longer offered), or offer a retired one again."""

    async def toggle() -> None:
        saved(
            await submit(
                lambda: catalogue.set_offered(actor, item=item, offered=not active),
                done="Offered again." if not active else "Retired: kept on past visits, no longer offered.",
            )
        )

    label, icon = ("Offer again", "undo") if not active else ("Retire", "archive")
    button = ui.button(label, icon=icon, on_click=toggle).props("outline no-caps")
    button.props.update({"aria-label": f"{label}: {name}"})  # a value, so an apostrophe cannot break it
    button.mark(f"offer-{item.replace(':', '-')}")


def _button(label: str, icon: str, action: Callable, mark: str) -> None:
    ui.button(label, icon=icon, on_click=action).props("unelevated color=primary").mark(mark)


@guard.page(admits={Role.ADMIN})
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    first = await background.call(catalogue.view, actor)
    state = {"view": first}
    with (
        frame("Catalogue and rules", viewer, nav=staff_sections(actor), current="/admin/catalogue"),
        ui.element("div").classes("stack"),
    ):

        @ui.refreshable
        def body() -> None:
            shown = state["view"]
            _programs(actor, shown, saved)
            _services(actor, shown, saved)
            _items(actor, shown, saved)
            _rules(actor, shown, saved)
            _groups(actor, shown, saved)
            _reviews(actor, shown, saved)

        def saved(view: CatalogueView | None) -> None:
            if view is not None:
                state["view"] = view
                body.refresh()

        body()


Saved = Callable[[CatalogueView | None], None]


def _programs(actor: Actor, shown: CatalogueView, saved: Saved) -> None:
    with _section("Programs", "programs-heading"):
        with ui.element("ul").classes("plain-list").props('aria-label="Programs"'):
            for program in shown.programs:
                with ui.element("li").classes("row items-center gap-2"):
                    retired = "" if program.active else " · retired"
                    Text(
                        f"{program.name} ({program.code}) · {KINDS.get(program.kind, program.kind)}{retired}",
                        tag="span",
                    )
                    _offer_button(actor, f"program:{program.program_id}", program.name, program.active, saved)
        heading("Change a program", 3)
        by_id = {p.program_id: p for p in shown.programs}
        chosen = _select({p.program_id: p.name for p in shown.programs}, None, "Program", "program-choice")
        with ui.element("div").classes("form-grid"):
            edit: dict[str, Any] = {
                "edit_program_name": text_input("Name", mark="edit-program-name"),
                "edit_program_kind": _select(KINDS, None, "Kind of funding", "edit-program-kind"),
            }

        def fill() -> None:
            program = by_id.get(chosen.value)
            if program is not None:
                edit["edit_program_name"].value = program.name
                edit["edit_program_kind"].value = program.kind

        chosen.on_value_change(fill)

        async def change() -> None:
            if chosen.value is None:
                chosen.error = "Please choose the program to change."
                return
            chosen.error = None
            program_id = int(chosen.value)
            saved(
                await submit(
                    lambda: catalogue.update_program(
                        actor,
                        program_id,
                        name=str(edit["edit_program_name"].value or ""),
                        kind=str(edit["edit_program_kind"].value or ""),
                    ),
                    edit,
                    done="Program saved.",
                )
            )

        _button("Save program", "save", change, "save-program")
        heading("Add a program", 3)
        with ui.element("div").classes("form-grid"):
            fields: dict[str, Any] = {
                "program_name": text_input("Name", mark="program-name"),
                "program_code": text_input("Code", mark="program-code"),
                "program_kind": _select(KINDS, None, "Kind of funding", "program-kind"),
            }

        async def add() -> None:
            saved(
                await submit(
                    lambda: catalogue.add_program(
                        actor,
                        code=str(fields["program_code"].value or ""),
                        name=str(fields["program_name"].value or ""),
                        kind=str(fields["program_kind"].value or ""),
                    ),
                    fields,
                    done="Program added.",
                )
            )

        _button("Add program", "add", add, "add-program")


def _services(actor: Actor, shown: CatalogueView, saved: Saved) -> None:
    with _section("Services", "services-heading"):
        by_id = {s.service_id: s for s in shown.services}
        with ui.element("ul").classes("plain-list").props('aria-label="Services"'):
            for service in shown.services:
                with ui.element("li").classes("row items-center gap-2"):
                    ui.icon(service.glyph).props('aria-hidden="true"')
                    Text(
                        f"{service.name} · {UNITS.get(service.unit, service.unit).lower()} · "
                        f"usually {service.default_duration_minutes} minutes"
                        + ("" if service.active else " · retired"),
                        tag="span",
                    )
                    _offer_button(actor, f"service:{service.service_id}", service.name, service.active, saved)
                    _picture_controls(actor, service, saved)
        heading("Change a service", 3)
        chosen = _select({s.service_id: s.name for s in shown.services}, None, "Service", "service-choice")
        with ui.element("div").classes("form-grid"):
            fields: dict[str, Any] = {
                "name": text_input("Name", mark="service-name"),
                "glyph": text_input("Glyph (Material icon name)", mark="service-glyph"),
                "unit": _select(UNITS, None, "Priced", "service-unit"),
                "default_duration_minutes": text_input(
                    "Usual length (minutes)", mark="service-duration"
                ).props("inputmode=numeric"),
            }
        fields["description"] = (
            ui.textarea("Description clients read")
            .props("outlined")
            .classes("w-full")
            .mark("service-description")
        )

        def fill() -> None:
            service = by_id.get(chosen.value)
            if service is not None:
                fields["name"].value = service.name
                fields["glyph"].value = service.glyph
                fields["unit"].value = service.unit
                fields["default_duration_minutes"].value = str(service.default_duration_minutes)
                fields["description"].value = service.description

        chosen.on_value_change(fill)

        async def save() -> None:
            if chosen.value is None:
                chosen.error = "Please choose the service to change."
                return
            chosen.error = None
            service_id = int(chosen.value)
            saved(
                await submit(
                    lambda: catalogue.update_service(
                        actor,
                        service_id,
                        name=str(fields["name"].value or ""),
                        glyph=str(fields["glyph"].value or ""),
                        description=str(fields["description"].value or ""),
                        unit=str(fields["unit"].value or ""),
                        default_duration_minutes=fields["default_duration_minutes"].value or "",
                    ),
                    fields,
                    done="Service saved.",
                )
            )

        _button("Save service", "save", save, "save-service")


def _items(actor: Actor, shown: CatalogueView, saved: Saved) -> None:
    with _section("Competencies and characteristics", "items-heading"):
        for title, lines in (
            ("Competencies", shown.competencies),
            ("Characteristics", shown.characteristics),
        ):
            heading(title, 3)
            with ui.element("ul").classes("plain-list").props(f'aria-label="{title}"'):
                for line in lines:
                    with ui.element("li").classes("row items-center gap-2"):
                        ui.icon(line.glyph).props('aria-hidden="true"')
                        extra = (" · expires" if line.expires else "") + ("" if line.active else " · retired")
                        Text(f"{line.name} · {line.kind.replace('_', ' ')}{extra}", tag="span")
                        if line.kind not in ("gender", "age_band"):  # those come with the agency
                            kind = "competency" if title == "Competencies" else "characteristic"
                            _offer_button(actor, f"{kind}:{line.item_id}", line.name, line.active, saved)
        heading("Rename, or change a glyph", 3)
        options = {f"competency:{c.item_id}": c.name for c in shown.competencies} | {
            f"characteristic:{c.item_id}": c.name for c in shown.characteristics
        }
        with ui.element("div").classes("form-grid"):
            change: dict[str, Any] = {
                "item": _select(options, None, "Competency or characteristic", "item-choice"),
                "item_name": text_input("New name", mark="item-name"),
                "item_glyph": text_input("Glyph (Material icon name)", mark="item-glyph"),
            }

        async def rename() -> None:
            saved(
                await submit(
                    lambda: catalogue.update_item_glyph(
                        actor,
                        item=str(change["item"].value or ""),
                        name=str(change["item_name"].value or ""),
                        glyph=str(change["item_glyph"].value or ""),
                    ),
                    change,
                    done="Saved.",
                )
            )

        _button("Save name and glyph", "save", rename, "save-item")
        heading("Add a competency", 3)
        with ui.element("div").classes("form-grid"):
            competency: dict[str, Any] = {
                "competency_name": text_input("Name", mark="competency-name"),
                "competency_code": text_input("Code", mark="competency-code"),
                "competency_kind": _select(COMPETENCY_KINDS, None, "Kind", "competency-kind"),
                "competency_glyph": text_input("Glyph (Material icon name)", mark="competency-glyph"),
            }
        expires = ui.checkbox("Has an expiry date", value=True).mark("competency-expires")

        async def add_competency() -> None:
            saved(
                await submit(
                    lambda: catalogue.add_competency(
                        actor,
                        code=str(competency["competency_code"].value or ""),
                        name=str(competency["competency_name"].value or ""),
                        kind=str(competency["competency_kind"].value or ""),
                        glyph=str(competency["competency_glyph"].value or ""),
                        expires=bool(expires.value),
                    ),
                    competency,
                    done="Competency added.",
                )
            )

        _button("Add competency", "add", add_competency, "add-competency")
        heading("Add a characteristic", 3)
        with ui.element("div").classes("form-grid"):
            trait: dict[str, Any] = {
                "characteristic_name": text_input("Name", mark="characteristic-name"),
                "characteristic_kind": _select(CHARACTERISTIC_KINDS, None, "Kind", "characteristic-kind"),
                "characteristic_glyph": text_input("Glyph (Material icon name)", mark="characteristic-glyph"),
            }

        async def add_characteristic() -> None:
            saved(
                await submit(
                    lambda: catalogue.add_characteristic(
                        actor,
                        name=str(trait["characteristic_name"].value or ""),
                        kind=str(trait["characteristic_kind"].value or ""),
                        glyph=str(trait["characteristic_glyph"].value or ""),
                    ),
                    trait,
                    done="Characteristic added.",
                )
            )

        _button("Add characteristic", "add", add_characteristic, "add-characteristic")


def _rules(actor: Actor, shown: CatalogueView, saved: Saved) -> None:
    with _section("What every worker needs (Global and Program requirements)", "rules-heading"):
        with ui.element("ul").classes("plain-list").props('aria-label="Requirements"'):
            for rule in shown.rules:
                with ui.element("li").classes("row items-center gap-2"):
                    need = "must have" if rule.mandatory else f"nice to have (weight {rule.weight})"
                    Text(f"{rule.scope}: {rule.what}, {need}", tag="span")

                    async def remove(requirement_id: int = rule.requirement_id) -> None:
                        saved(
                            await submit(
                                lambda: catalogue.remove_rule(actor, requirement_id), done="Removed."
                            )
                        )

                    _rule_toggle(actor, rule, saved)
                    ui.button("Remove", icon="delete", on_click=remove).props(
                        f'outline aria-label="Remove {rule.scope}: {rule.what}"'
                    )
        heading("Add a requirement", 3)
        items = {f"competency:{c.item_id}": c.name for c in shown.competencies if c.active} | {
            f"characteristic:{c.item_id}": c.name for c in shown.characteristics if c.active
        }  # a retired one is never newly required
        with ui.element("div").classes("form-grid"):
            fields: dict[str, Any] = {
                "rule_item": _select(items, None, "Competency or characteristic", "rule-item"),
                "rule_program": _select(
                    {0: "Every visit (Global)"} | {p.program_id: p.name for p in shown.programs},
                    0,
                    "For",
                    "rule-program",
                ),
                "rule_weight": text_input("Weight when nice to have (1 to 10)", "1", mark="rule-weight"),
            }
        must = ui.checkbox("A must (not only nice to have)", value=True).mark("rule-must")

        async def add() -> None:
            saved(
                await submit(
                    lambda: catalogue.add_rule(
                        actor,
                        item=str(fields["rule_item"].value or ""),
                        mandatory=bool(must.value),
                        program_id=fields["rule_program"].value or None,
                        weight=fields["rule_weight"].value or "",
                    ),
                    fields,
                    done="Requirement added.",
                )
            )

        _button("Add requirement", "add", add, "add-rule")


def _rule_toggle(actor: Actor, rule: RuleLine, saved: Saved) -> None:
    """Make a requirement a must, or only nice to have (keeping its weight), in place."""

    async def toggle() -> None:
        saved(
            await submit(
                lambda: catalogue.update_rule(
                    actor, rule.requirement_id, mandatory=not rule.mandatory, weight=rule.weight
                ),
                done="Now only nice to have." if rule.mandatory else "Now a must.",
            )
        )

    label = "Make nice to have" if rule.mandatory else "Make a must"
    button = ui.button(label, icon="swap_horiz", on_click=toggle).props("outline no-caps")
    button.props.update({"aria-label": f"{label}: {rule.scope}: {rule.what}"})
    button.mark(f"toggle-rule-{rule.requirement_id}")


def _groups(actor: Actor, shown: CatalogueView, saved: Saved) -> None:
    with _section("Marketing groups", "groups-heading"):
        if not shown.groups:
            paragraph("No groups yet.")
        with ui.element("ul").classes("plain-list").props('aria-label="Marketing groups"'):
            for group in shown.groups:
                Text(group.name, tag="li")
        if shown.groups:
            heading("Rename a group", 3)
            with ui.element("div").classes("form-grid"):
                chosen = _select({g.group_id: g.name for g in shown.groups}, None, "Group", "group-choice")
                rename: dict[str, Any] = {"edit_group_name": text_input("New name", mark="edit-group-name")}

            async def renamed() -> None:
                if chosen.value is None:
                    chosen.error = "Please choose the group to rename."
                    return
                chosen.error = None
                group_id = int(chosen.value)
                saved(
                    await submit(
                        lambda: catalogue.rename_group(
                            actor, group_id, str(rename["edit_group_name"].value or "")
                        ),
                        rename,
                        done="Group renamed.",
                    )
                )

            _button("Rename group", "edit", renamed, "rename-group")
            heading("Add a group", 3)
        fields: dict[str, Any] = {"group_name": text_input("New group's name", mark="group-name")}

        async def add() -> None:
            saved(
                await submit(
                    lambda: catalogue.add_group(actor, str(fields["group_name"].value or "")),
                    fields,
                    done="Group added.",
                )
            )

        _button("Add group", "add", add, "add-group")


def _reviews(actor: Actor, shown: CatalogueView, saved: Saved) -> None:
    with _section("Reviews", "reviews-heading"):
        paragraph(
            "The newest reviews. A hidden review is kept, with its reason, but clients no longer see it "
            "and it leaves the worker's review count."
        )
        with ui.element("ul").classes("plain-list").props('aria-label="Reviews"'):
            for review in shown.reviews:
                with ui.element("li").classes("stack"):
                    Text(
                        f"{review.worker}, {review.stars} of 5 stars, from {review.client}: {review.comment}",
                        tag="p",
                    )
                    if review.hidden_reason is not None:
                        Text(f"Hidden: {review.hidden_reason}", tag="p").classes("notice")

                        async def show(review_id: int = review.review_id) -> None:
                            saved(
                                await submit(
                                    lambda: catalogue.show_review(actor, review_id), done="Shown again."
                                )
                            )

                        ui.button("Show again", icon="visibility", on_click=show).props(
                            f'outline aria-label="Show the review of {review.worker} again"'
                        ).mark(f"show-{review.review_id}")
                    else:
                        reason = text_input(
                            f"Why hide the review of {review.worker}", mark=f"reason-{review.review_id}"
                        )

                        async def hide(review_id: int = review.review_id, box: ui.input = reason) -> None:
                            saved(
                                await submit(
                                    lambda: catalogue.hide_review(actor, review_id, str(box.value or "")),
                                    {f"reason_{review_id}": box},
                                    done="Review hidden.",
                                )
                            )

                        ui.button("Hide", icon="visibility_off", on_click=hide).props(
                            f'outline aria-label="Hide the review of {review.worker}"'
                        ).mark(f"hide-{review.review_id}")
