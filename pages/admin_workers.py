"""Workers, for administrators and roster staff: find a worker, see whose competencies expire in the
next 30 days, add a worker, and keep everything matching reads about them up to date — details,
home address, charge rate and standing, competencies with expiry dates, characteristics, weekly
availability and leave. Each section saves on its own; bad input is shown at the field and saves
nothing."""

from collections.abc import Callable

from fastapi.responses import RedirectResponse
from nicegui import events, ui
from nicegui.elements.mixins.text_element import TextElement

from adapters import photos
from components import background, file_picker, guard, toast
from components.formatting import long_date
from components.forms import submit, text_input
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain import validation
from domain.accounts.access import Actor
from domain.backoffice import workers
from domain.backoffice.fields import WEEKDAYS
from domain.backoffice.workers import (
    CompetencyEntry,
    FormChoices,
    HeldCompetency,
    WorkerForm,
    WorkerRecord,
)
from domain.errors import DomainError, InvalidInput
from domain.pricing.rates import ANY_LEVEL
from domain.pricing.sheet import LEVELS, level_name
from domain.vocabulary import GeocodeStatus

ADMITS = set(workers.MAY_EDIT)
ADDRESS_NOT_FOUND = (
    "We could not find this address on the map. It is saved, but matching cannot measure distances "
    "from it: please check the street, suburb and postcode."
)
DATE_HINT = "Day/month/year, like 31/3/2027"


def _section(title: str, anchor: str) -> ui.element:
    section = ui.element("section").classes("card section").props(f'aria-labelledby="{anchor}"')
    with section:
        heading(title).props(f'id="{anchor}"')
    return section


def _date_text(value: object) -> str:
    return value.strftime("%-d/%-m/%Y") if hasattr(value, "strftime") else str(value or "")


@guard.page(admits=ADMITS)
async def listing(viewer: SignedInViewer, q: str = "") -> None:
    actor = viewer.actor
    found = await background.call(workers.find, actor, q)
    soon = await background.call(workers.expiring, actor)
    with (
        frame("Workers", viewer, nav=staff_sections(actor), current="/admin/workers"),
        ui.element("div").classes("stack"),
    ):
        ui.button(
            "Add a worker", icon="person_add", on_click=lambda: ui.navigate.to("/admin/workers/new")
        ).props("unelevated color=primary").mark("add-worker")
        with _section("Find a worker", "find-heading"):
            box = text_input("Name, staff number or suburb", q, mark="worker-search")

            def go() -> None:
                ui.navigate.to(f"/admin/workers?q={box.value or ''}")

            box.on("keydown.enter", go)
            ui.button("Find", icon="search", on_click=go).props("outline").mark("worker-find")
            if not found:
                paragraph("No worker matches that search.")
            with ui.element("ul").classes("plain-list").props('aria-label="Workers"'):
                for line in found:
                    with ui.element("li").classes("q-py-sm"):
                        label = f"{line.name} · {line.staff_number} · {line.suburb}"
                        if not line.active:
                            label += " · no longer working"
                        if line.unplaced:
                            label += " · address not on the map"
                        ui.link(label, f"/admin/workers/{line.worker_id}").mark(f"worker-{line.worker_id}")
        with _section(f"Expiring in the next {workers.EXPIRING_DAYS} days", "expiring-heading"):
            if not soon:
                paragraph("Nobody's competencies expire in the next 30 days.")
            with ui.element("ul").classes("plain-list").props('aria-label="Expiring competencies"'):
                for item in soon:
                    with ui.element("li").classes("q-py-sm"):
                        ui.link(
                            f"{item.name} ({item.staff_number}): {item.competency}, "
                            f"last valid {long_date(item.expires_on)}",
                            f"/admin/workers/{item.worker_id}",
                        )


@guard.page(admits=ADMITS)
async def new(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    options = await background.call(workers.choices, actor)
    with (
        frame("Add a worker", viewer, nav=staff_sections(actor), current="/admin/workers"),
        ui.element("div").classes("stack"),
    ):
        paragraph("Their competencies, availability and leave are added on the next page.")
        with _section("Details", "details-heading"):
            fields = _detail_fields(WorkerForm(), options)

            async def save() -> None:
                created = await submit(lambda: workers.create(actor, _form_of(fields)), fields)
                if created is not None:
                    ui.navigate.to(f"/admin/workers/{created}")

            ui.button("Add this worker", icon="save", on_click=save).props("unelevated color=primary").mark(
                "create-worker"
            )


@guard.page(admits=ADMITS)
async def edit(viewer: SignedInViewer, worker_id: guard.RecordId) -> RedirectResponse | None:
    actor = viewer.actor
    current = await background.call(workers.record, actor, worker_id)
    options = await background.call(workers.choices, actor)
    with (
        frame(current.name, viewer, nav=staff_sections(actor), current="/admin/workers"),
        ui.element("div").classes("stack"),
    ):
        ui.link("All workers", "/admin/workers")
        _details(actor, current, options)
        _photo(actor, current)
        _competencies(actor, current)
        _characteristics(actor, current)
        _week(actor, current)
        _leave(actor, current)
    return None


def _detail_fields(form: WorkerForm, options: FormChoices) -> dict:
    with ui.element("div").classes("form-grid"):
        fields: dict = {
            "first_name": text_input("First name", form.first_name, mark="first_name"),
            "last_name": text_input("Last name", form.last_name, mark="last_name"),
            "preferred_name": text_input(
                "Preferred name (optional)", form.preferred_name, mark="preferred_name"
            ),
            "staff_number": text_input("Staff number", form.staff_number, mark="staff_number"),
            "gender": ui.select(options.genders, value=form.gender or None, label="Gender")
            .props("outlined")
            .classes("w-full")
            .mark("gender"),
            "date_of_birth": text_input(
                "Date of birth", _date_text(form.date_of_birth), mark="date_of_birth"
            ).props(f'hint="{DATE_HINT}"'),
            "started_on": text_input("Started on", _date_text(form.started_on), mark="started_on").props(
                f'hint="{DATE_HINT}"'
            ),
            "mobile_phone": text_input("Mobile phone", form.mobile_phone, kind="tel", mark="mobile_phone"),
            "email": text_input("E-mail address", form.email, kind="email", mark="email"),
        }
    fields["bio"] = (
        ui.textarea("Introduction clients read", value=form.bio)
        .props("outlined")
        .classes("w-full")
        .mark("bio")
    )
    heading("Home address", 3)
    with ui.element("div").classes("form-grid"):
        fields |= {
            "street": text_input("Street address", form.street, mark="street"),
            "suburb": text_input("Suburb", form.suburb, mark="suburb"),
            "state": ui.select(list(validation.STATES), value=form.state or None, label="State")
            .props("outlined")
            .classes("w-full")
            .mark("state"),
            "postcode": text_input("Postcode", form.postcode, mark="postcode").props(
                "inputmode=numeric maxlength=4"
            ),
        }
    heading("Pay and standing", 3)
    medals = {0: "No medal"} | {m.id: m.name for m in options.medals}
    with ui.element("div").classes("form-grid"):
        fields |= {
            "charge_rate": text_input(
                "Cost to the agency ($ an hour)", str(form.charge_rate), mark="charge_rate"
            ).props('inputmode=decimal hint="What the worker costs; clients never see it"'),
            "charge_level": ui.select(
                {0: "Any-worker rate"} | {n: level_name(n) for n in LEVELS if n != ANY_LEVEL},
                value=int(str(form.charge_level or 0)),
                label="Charge level (the rate clients are charged)",
            )
            .props("outlined")
            .classes("w-full")
            .mark("charge_level"),
            "max_hours_per_week": text_input(
                "Most hours a week", str(form.max_hours_per_week), mark="max_hours_per_week"
            ).props("inputmode=numeric"),
            "rating": ui.select(
                {n: f"{n} stars" if n > 1 else "1 star" for n in range(1, 6)},
                value=form.rating,
                label="Star rating",
            )
            .props("outlined")
            .classes("w-full")
            .mark("rating"),
            "medal_id": ui.select(medals, value=form.medal_id or 0, label="Medal")
            .props("outlined")
            .classes("w-full")
            .mark("medal"),
        }
    fields["active"] = ui.checkbox("Working for the agency (offered visits)", value=form.active).mark(
        "active"
    )
    return fields


def _form_of(fields: dict) -> WorkerForm:
    def value(name: str) -> str:
        return str(fields[name].value or "")

    return WorkerForm(
        staff_number=value("staff_number"),
        first_name=value("first_name"),
        last_name=value("last_name"),
        preferred_name=value("preferred_name"),
        gender=value("gender"),
        date_of_birth=value("date_of_birth"),
        mobile_phone=value("mobile_phone"),
        email=value("email"),
        bio=value("bio"),
        started_on=value("started_on"),
        street=value("street"),
        suburb=value("suburb"),
        state=value("state"),
        postcode=value("postcode"),
        charge_rate=value("charge_rate"),
        charge_level=fields["charge_level"].value or "",
        max_hours_per_week=value("max_hours_per_week"),
        rating=fields["rating"].value,
        medal_id=fields["medal_id"].value or None,
        active=bool(fields["active"].value),
    )


def _details(actor: Actor, current: WorkerRecord, options: FormChoices) -> None:
    with _section("Details", "details-heading"):
        fields = _detail_fields(current.form, options)
        flag = paragraph(ADDRESS_NOT_FOUND).classes("notice").props('role="status"').mark("not-placed")
        flag.set_visibility(current.home_located == GeocodeStatus.NOT_FOUND)
        errors = {k: v for k, v in fields.items() if k != "active"}

        async def save() -> None:
            saved = await submit(
                lambda: workers.update(actor, current.worker_id, _form_of(fields)),
                errors,
                done="Details saved.",
            )
            if saved is not None:
                flag.set_visibility(saved.home_located == GeocodeStatus.NOT_FOUND)

        ui.button("Save details", icon="save", on_click=save).props("unelevated color=primary").mark(
            "save-details"
        )


def _photo(actor: Actor, current: WorkerRecord) -> None:
    with _section("Photo", "photo-heading"):
        picture = file_picker.portrait(f"/media/workers/{current.worker_id}/photo", current.name)
        picture(current.photo_id)
        problem = paragraph("").classes("text-negative").props('role="alert"').mark("photo-problem")

        async def upload(event: events.UploadEventArguments) -> None:
            data = await event.file.read()
            problem.text = ""
            try:
                saved = await background.call(workers.set_photo, actor, current.worker_id, data)
            except InvalidInput as refused:
                problem.text = refused.fields.get("photo", refused.message)
                saved = None
            except DomainError as error:
                problem.text, saved = error.message, None
            uploader.reset()
            if saved is not None:
                toast.show("Photo saved.")
                picture.refresh(saved.photo_id)

        uploader, button = file_picker.create(
            "Change photo",
            "photo_camera",
            accept=file_picker.PICTURES,
            max_bytes=photos.MAX_BYTES,
            on_upload=upload,
            on_rejected=lambda: _refused(problem, photos.TOO_LARGE),
            mark="worker-photo-upload",
        )
        button.props("outline").mark("change-photo")
        paragraph("A JPEG or PNG photo, up to 5 MB. Clients see it on the worker's card.").classes(
            "text-muted text-sm"
        )


def _refused(problem: TextElement, message: str) -> None:
    problem.text = message


def _evidence(actor: Actor, worker_id: int, item: HeldCompetency) -> None:
    """The evidence file of one held competency: a link to it, and an upload to replace it."""
    with ui.element("div").classes("row items-center gap-2"):
        link = ui.link(
            f"{item.name}: evidence",
            f"/media/workers/{worker_id}/evidence/{item.competency_id}",
            new_tab=True,
        ).mark(f"evidence-link-{item.competency_id}")
        link.set_visibility(item.evidence)
        problem = Text("", tag="span").classes("text-negative").props('role="alert"')
        problem.mark(f"evidence-problem-{item.competency_id}")

        async def upload(event: events.UploadEventArguments) -> None:
            data = await event.file.read()
            problem.text = ""
            try:
                await background.call(workers.set_evidence, actor, worker_id, item.competency_id, data)
            except InvalidInput as refused:
                problem.text = next(iter(refused.fields.values()), refused.message)
            except DomainError as error:
                problem.text = error.message
            else:
                toast.show("Evidence saved.")
                link.set_visibility(True)
            uploader.reset()

        uploader, button = file_picker.create(
            "Upload evidence",
            "upload_file",
            accept=f".pdf,application/pdf,{file_picker.PICTURES}",
            max_bytes=workers.EVIDENCE_MAX_BYTES,
            on_upload=upload,
            on_rejected=lambda: _refused(problem, workers.EVIDENCE_TOO_LARGE),
            mark=f"evidence-upload-{item.competency_id}",
        )
        button.props(f'outline no-caps aria-label="Upload evidence for {item.name}"').mark(
            f"evidence-{item.competency_id}"
        )


def _competencies(actor: Actor, current: WorkerRecord) -> None:
    with _section("Competencies", "competencies-heading"):
        paragraph(
            "Tick what the worker holds. The expiry date is the last day it is valid, written "
            "day/month/year, like 31/3/2027."
        )
        rows: list[tuple[int, ui.checkbox, ui.input]] = []
        fields: dict = {}
        with ui.element("ul").classes("plain-list").props('aria-label="Competencies"'):
            for item in current.competencies:
                with ui.element("li").classes("form-grid"):
                    held = ui.checkbox(item.name, value=item.held).mark(f"holds-{item.competency_id}")
                    until = text_input(
                        f"{item.name}: last valid day" + ("" if item.expires else " (optional)"),
                        _date_text(item.expires_on),
                        mark=f"expires-{item.competency_id}",
                    )
                    if item.held:
                        _evidence(actor, current.worker_id, item)
                rows.append((item.competency_id, held, until))
                fields[f"competency_{item.competency_id}"] = until

        async def save() -> None:
            entries = [CompetencyEntry(i, bool(held.value), until.value or "") for i, held, until in rows]
            await submit(
                lambda: workers.set_competencies(actor, current.worker_id, entries),
                fields,
                done="Competencies saved.",
            )

        ui.button("Save competencies", icon="save", on_click=save).props("unelevated color=primary").mark(
            "save-competencies"
        )


def _characteristics(actor: Actor, current: WorkerRecord) -> None:
    with _section("Characteristics", "characteristics-heading"):
        paragraph(
            "Languages spoken and other things clients may ask for. Gender and age come from the details."
        )
        boxes = [
            (choice.id, ui.checkbox(choice.name, value=choice.id in current.has).mark(f"has-{choice.id}"))
            for choice in current.characteristics
        ]

        async def save() -> None:
            chosen = [i for i, box in boxes if box.value]
            await submit(
                lambda: workers.set_characteristics(actor, current.worker_id, chosen),
                done="Characteristics saved.",
            )

        ui.button("Save characteristics", icon="save", on_click=save).props("unelevated color=primary").mark(
            "save-characteristics"
        )


def _week(actor: Actor, current: WorkerRecord) -> None:
    with _section("Weekly availability", "week-heading"):
        paragraph(
            "The hours the worker can be offered visits, each day in the agency's time: like 7:00-15:00, "
            "or 7:00-12:00, 17:00-21:00. Leave a day blank when they do not work. A night that runs past "
            "midnight is 22:00-24:00 on one day and 0:00-6:00 on the next."
        )
        with ui.element("div").classes("form-grid"):
            fields = {
                f"day_{number}": text_input(name, current.week[number], mark=f"day-{number}")
                for number, name in enumerate(WEEKDAYS)
            }

        async def save() -> None:
            week = [str(fields[f"day_{number}"].value or "") for number in range(7)]
            saved = await submit(
                lambda: workers.set_week(actor, current.worker_id, week), fields, done="Availability saved."
            )
            if saved is not None:
                for number, text in enumerate(saved.week):
                    fields[f"day_{number}"].value = text

        ui.button("Save availability", icon="save", on_click=save).props("unelevated color=primary").mark(
            "save-week"
        )


def _leave(actor: Actor, current: WorkerRecord) -> None:
    state = {"lines": current.leave}
    with _section("Leave", "leave-heading"):

        @ui.refreshable
        def shown() -> None:
            if not state["lines"]:
                paragraph("No leave booked.")
            with ui.element("ul").classes("plain-list").props('aria-label="Leave booked"'):
                for line in state["lines"]:
                    with ui.element("li").classes("row items-center gap-2"):
                        Text(
                            f"{long_date(line.first_day)} to {long_date(line.last_day)}: {line.reason}",
                            tag="span",
                        )
                        ui.button(
                            "Remove",
                            icon="delete",
                            on_click=_remover(
                                actor, current.worker_id, line.leave_id, state, lambda: shown.refresh()
                            ),
                        ).props(f'outline aria-label="Remove leave from {long_date(line.first_day)}"')

        shown()
        heading("Add leave", 3)
        with ui.element("div").classes("form-grid"):
            fields = {
                "leave_first": text_input("First day", mark="leave-first").props(f'hint="{DATE_HINT}"'),
                "leave_last": text_input("Last day", mark="leave-last").props(f'hint="{DATE_HINT}"'),
                "leave_reason": text_input("Reason (optional)", mark="leave-reason"),
            }

        async def add() -> None:
            saved = await submit(
                lambda: workers.add_leave(
                    actor,
                    current.worker_id,
                    first_day=fields["leave_first"].value or "",
                    last_day=fields["leave_last"].value or "",
                    reason=fields["leave_reason"].value or "",
                ),
                fields,
                done="Leave added.",
            )
            if saved is not None:
                state["lines"] = saved.leave
                for field in fields.values():
                    field.value = ""
                shown.refresh()

        ui.button("Add leave", icon="event_busy", on_click=add).props("unelevated color=primary").mark(
            "add-leave"
        )


def _remover(
    actor: Actor, worker_id: int, leave_id: int, state: dict, redraw: Callable[[], object]
) -> Callable:
    async def remove() -> None:
        saved = await submit(lambda: workers.remove_leave(actor, worker_id, leave_id), done="Leave removed.")
        if saved is not None:
            state["lines"] = saved.leave
            redraw()

    return remove
