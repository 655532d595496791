"""The agency's rates, for administrators: a service's price under a program in every time band
(weekday daytime, evening, night, Saturday, Sunday, public holiday) and, where the agency prices
by level, per charge level. What is saved is what every surface shows (domain.pricing)."""

from nicegui import ui
from nicegui.elements.mixins.validation_element import ValidationElement

from components import background, guard
from components.forms import submit
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts.access import Actor
from domain.pricing import sheet
from domain.pricing.sheet import LEVELS, RateSheet, field_name, level_name
from domain.pricing.words import BAND_NAMES
from domain.vocabulary import Role, TimeBand


@guard.page(admits={Role.ADMIN})
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    first = await background.call(sheet.sheet, actor)
    with (
        frame("Rates", viewer, nav=staff_sections(actor), current="/admin/rates"),
        ui.element("div").classes("stack"),
    ):
        _RatesForm(actor, first).show()


class _RatesForm:
    """One tab's rate sheet: which service and program it shows, and its fields."""

    def __init__(self, actor: Actor, shown: RateSheet) -> None:
        self.actor, self.shown = actor, shown
        self.fields: dict[str, ValidationElement] = {}

    def show(self) -> None:
        paragraph(
            "Each rate is per hour (or per visit for services priced each). A time left empty is "
            "charged at the weekday daytime rate. Rates by level apply to workers of that charge "
            "level; leave them empty unless the agency prices by level."
        )
        with ui.element("div").classes("form-grid"):
            self.service = (
                ui.select(
                    dict(self.shown.services),
                    value=self.shown.service_id,
                    label="Service",
                    on_change=self.reload,
                )
                .props("outlined")
                .classes("w-full")
                .mark("rates-service")
            )
            self.program = (
                ui.select(
                    dict(self.shown.programs),
                    value=self.shown.program_id,
                    label="Program",
                    on_change=self.reload,
                )
                .props("outlined")
                .classes("w-full")
                .mark("rates-program")
            )
        self.sheet = ui.refreshable(self._sheet)
        self.sheet()

    def _sheet(self) -> None:
        self.fields = {}
        with ui.element("section").classes("card section").props('aria-labelledby="rates-heading"'):
            heading("Rates in dollars", 2).props('id="rates-heading"')
            for level in LEVELS:
                with ui.element("fieldset").classes("rate-level"):
                    Text(level_name(level), tag="legend").classes("text-bold")
                    with ui.element("div").classes("form-grid"):
                        for band in TimeBand:
                            self._field(band, level)
            ui.button("Save rates", icon="save", on_click=self.save).props("unelevated color=primary").mark(
                "save-rates"
            )

    def _field(self, band: TimeBand, level: int) -> None:
        name = field_name(band, level)
        label = f"{BAND_NAMES[band]} ({level_name(level).lower()})"
        self.fields[name] = (
            ui.input(label, value=self.shown.entered[name])
            .props("outlined inputmode=decimal prefix=$")
            .classes("w-full")
            .mark(f"rate-{name}")
        )

    async def reload(self) -> None:
        found = await submit(lambda: sheet.sheet(self.actor, self.service.value, self.program.value))
        if found is not None:
            self.shown = found
            self.sheet.refresh()

    async def save(self) -> None:
        entered = {name: field.value for name, field in self.fields.items()}
        service, program = self.shown.service_id, self.shown.program_id
        saved = await submit(
            lambda: sheet.save(self.actor, service, program, entered), self.fields, done="Rates saved."
        )
        if saved is not None:
            self.shown = saved
            self.sheet.refresh()
