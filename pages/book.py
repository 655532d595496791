"""Booking a service (DESIGN.md §3.1–3.2), one step at a time on one page: 1 the service from the
catalogue, 2 when, 3 who chooses the worker, 4 the preferences, 5 the providers — then the
confirmation. Every step's work runs in the domain, off the event loop; this page keeps only
what this tab has chosen so far."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TypeVar

from nicegui import ui
from nicegui.elements.mixins.validation_element import ValidationElement

from components import (
    background,
    booking_steps,
    carer_access,
    catalogue_grid,
    client_switcher,
    guard,
    preferences_editor,
    requirements_view,
    toast,
    when_picker,
)
from components.forms import submit
from components.guard import RecordId
from components.nav import client_sections
from components.text import Text
from components.theme import frame
from components.viewer import SignedInViewer
from domain import matching
from domain.accounts import access
from domain.booking import agency_requirements, blocking, catalogue, preferences, requests
from domain.booking.catalogue import CatalogueItem
from domain.language import N_, _
from domain.vocabulary import ClientAction

STEPS = (N_("Service"), N_("When"), N_("Who"), N_("Preferences"), N_("Worker"))  # shown as _(step)
PROVIDERS_AT_ONCE = 10
T = TypeVar("T")


@dataclass
class Choices:
    """What this tab has chosen so far."""

    step: int = 0  # an index into STEPS; len(STEPS) is the confirmation
    item: CatalogueItem | None = None
    when: when_picker.When = field(default_factory=when_picker.When)
    notes: str = ""
    visits: tuple[requests.Occurrence, ...] = ()
    agency_chooses: bool = False
    editing: preferences_editor.Editing = field(default_factory=preferences_editor.Editing)
    wishes: tuple[matching.Wish, ...] | None = None
    found: matching.SeriesMatch | None = None
    shown_providers: int = PROVIDERS_AT_ONCE
    booked: requests.Booked | None = None
    worker: str = ""
    prices: dict[int, str] = field(default_factory=dict)  # worker id -> this booking's price with them
    beyond: str = ""  # the warning when the booking goes past the approved hours left


@guard.page(admits=guard.CLIENT_RECORDS)
async def create(viewer: SignedInViewer, client_id: RecordId) -> None:
    actor = viewer.actor
    path = f"/clients/{client_id}/book"
    access.require_client(actor, client_id)  # someone else's client: "You do not have access to that."
    if not access.may(actor, client_id, ClientAction.BOOK):  # a carer the agency set to view only
        with frame(_("Book a service"), viewer, nav=client_sections(actor, client_id), current=path):
            client_switcher.create(actor, client_id, "book")
            carer_access.refused(actor, client_id, ClientAction.BOOK)
        return
    items = await background.call(catalogue.catalogue, actor, client_id)
    saved = await background.call(preferences.saved, actor, client_id)
    options = await background.call(preferences.options, actor)
    required = await background.call(agency_requirements.agency_requirements, actor, client_id)
    ui.add_head_html('<link rel="stylesheet" href="/static/booking.css">')
    with frame(_("Book a service"), viewer, nav=client_sections(actor, client_id), current=path):
        client_switcher.create(actor, client_id, "book")
        _Flow(viewer, client_id, items, saved, options, required).show()


class _Flow:
    """The steps of one tab's booking. Per-tab state lives here, never on the module."""

    def __init__(
        self,
        viewer: SignedInViewer,
        client_id: int,
        items: tuple[CatalogueItem, ...],
        saved: preferences.Preferences,
        options: tuple[preferences.Option, ...],
        required: agency_requirements.AgencyRequirements,
    ) -> None:
        self.viewer, self.actor = viewer, viewer.actor
        self.required = required
        self.client_id, self.items = client_id, items
        self.saved, self.options = saved, options
        self.state = Choices(editing=preferences_editor.editing(saved))
        self.fields: dict[str, ValidationElement] = {}
        self.moved = False  # whether the next drawing is a new step, whose heading takes focus

    def show(self) -> None:
        self.progress = ui.element("div")
        self.problem = Text("", tag="p").classes("notice notice-error").props('role="alert"').mark("problem")
        self.problem.set_visibility(False)
        self.content = ui.refreshable(self._render)
        self.content()

    def _render(self) -> None:
        self.progress.clear()
        with self.progress:
            booking_steps.progress(STEPS, self.state.step)
        step = self.state.step
        with ui.element("div").classes("w-full") as drawn:
            if step == 0:
                booking_steps.step_heading(_("Which service would you like?"))
                catalogue_grid.create(self.items, self.choose_service)
            elif step == 1:
                self._when()
            elif step == 2:
                booking_steps.who(self.state, self.choose_who, self.back)
            elif step == 3:
                self._preferences()
            elif step == 4:
                booking_steps.providers(
                    self.state,
                    self.actor,
                    self.nominate,
                    self.agency_instead,
                    self.back,
                    self.more,
                    self.block,
                )
            else:
                booking_steps.confirmation(self.state, self.client_id, self.again)
        if self.moved:  # a new step, not the page's first drawing nor "show more workers"
            self.moved = False
            booking_steps.focus_step(drawn)

    def go(self, step: int, problem: str = "") -> None:
        """Show a step; focus moves to its heading, so a screen reader says where the person is."""
        self.state.step = step
        self.say(problem)
        self.moved = True
        self.content.refresh()

    def say(self, problem: str) -> None:
        self.problem.text = problem
        self.problem.set_visibility(bool(problem))

    def back(self) -> None:
        back_to = 2 if self.state.step == 4 and self.state.agency_chooses else self.state.step - 1
        self.go(max(back_to, 0))

    async def choose_service(self, item: CatalogueItem) -> None:
        self.state.item = item
        if self.state.when.duration_minutes == when_picker.When().duration_minutes:
            self.state.when.duration_minutes = item.default_duration_minutes
        self.go(1)

    def _when(self) -> None:
        assert self.state.item is not None
        booking_steps.chosen_service(self.state.item)
        today = self.viewer.today
        last = today + timedelta(days=self.viewer.agency.booking_horizon_days)
        self.fields = when_picker.create(self.state.when, today, last)
        notes = ui.textarea(_("Anything the worker should know (optional)"), value=self.state.notes)
        notes.props("outlined maxlength=2000").classes("w-full").mark("notes")
        notes.on_value_change(lambda e: setattr(self.state, "notes", e.value or ""))  # not polled
        self.fields["notes"] = notes
        booking_steps.nav_buttons(_("Next"), self.check_when, self.back, mark="when-next")

    async def check_when(self) -> None:
        wanted = self.wanted()
        if wanted is None:
            return
        visits = await self.attempt(lambda: requests.check(self.actor, wanted))
        if visits is None:
            return
        beyond = await self.attempt(lambda: requests.beyond(self.actor, wanted))
        if beyond is not None:
            self.state.visits, self.state.beyond = visits, beyond
            self.go(2)

    def wanted(self, wishes: tuple[matching.Wish, ...] | None = None) -> requests.Wanted | None:
        when, item = self.state.when, self.state.item
        missing = {"first_date": when.first_date, "start_time": when.start}
        for name, value in missing.items():
            if name in self.fields:
                self.fields[name].error = None if value else _("Please choose one.")
        if item is None or when.first_date is None or when.start is None:
            self.say(_("Please choose the date and the start time."))
            return None
        return requests.Wanted(
            client_id=self.client_id,
            approved_service_id=item.approved_service_id,
            first_date=when.first_date,
            start_time=when.start,
            duration_minutes=when.duration_minutes,
            recurrence=when.recurrence,
            ends_on=when.ends_on,
            wishes=wishes,
            notes=self.state.notes or "",
        )

    async def attempt(self, action: Callable[[], T]) -> T | None:
        """Run a domain call; say what is wrong on the page (next to the field where there is one)."""
        return await submit(action, self.fields, say=self.say)

    def choose_who(self, agency_chooses: bool) -> None:
        self.state.agency_chooses = agency_chooses
        self.go(3)

    def _preferences(self) -> None:
        booking_steps.preferences_intro(self.state)
        preferences_editor.create(self.state.editing, self.saved, self.options)
        service_id = self.state.item.service_id if self.state.item else None
        requirements_view.create(self.required, service_id=service_id, level=3)
        label = _("Send my request") if self.state.agency_chooses else _("Find a worker")
        booking_steps.nav_buttons(label, self.after_preferences, self.back, mark="find-provider")

    async def after_preferences(self) -> None:
        self.fields = {}
        editing = self.state.editing
        wishes: tuple[matching.Wish, ...] | None = None
        if editing.changed and editing.keep == "default":
            saved = await self.attempt(
                lambda: preferences.save_default(self.actor, self.client_id, editing.wishes)
            )
            if saved is None:
                return
            self.saved, self.state.editing = saved, preferences_editor.editing(saved)
            toast.show(_("Your preferences are saved for every booking."))
        elif editing.changed:
            wishes = await self.attempt(
                lambda: preferences.for_this_booking(self.actor, self.client_id, editing.wishes)
            )
            if wishes is None:
                return
        self.state.wishes = wishes
        await (self.agency_instead() if self.state.agency_chooses else self.find())

    async def find(self) -> None:
        wanted = self.wanted(self.state.wishes)
        if wanted is None:
            return
        found = await self.attempt(lambda: requests.providers(self.actor, wanted))
        if found is None:
            return
        ids = [listed.provider.worker_id for listed in found.providers]
        prices = await self.attempt(lambda: requests.prices(self.actor, wanted, ids))
        if prices is not None:
            self.state.found, self.state.shown_providers = found, PROVIDERS_AT_ONCE
            self.state.prices = prices
            self.go(4)

    def more(self) -> None:
        self.state.shown_providers += PROVIDERS_AT_ONCE
        self.content.refresh()

    async def nominate(self, provider: matching.Provider) -> None:
        wanted = self.wanted(self.state.wishes)
        booked = None
        if wanted is not None:
            booked = await self.attempt(lambda: requests.nominate(self.actor, wanted, provider.worker_id))
        if booked:
            self.state.booked, self.state.worker = booked, provider.name
            self.go(len(STEPS))
        else:
            problem = self.problem.text
            await self.find()  # the list may have changed: show it as it is now
            self.say(problem)

    async def block(self, provider: matching.Provider) -> None:
        """Blocked from a provider card (asked first): the list is searched again without them."""
        name = await self.attempt(lambda: blocking.block(self.actor, self.client_id, provider.worker_id))
        if name is not None:
            toast.show(_("{name} is blocked: they will not be offered to you again.").format(name=name))
            await self.find()

    async def agency_instead(self) -> None:
        self.state.agency_chooses = True
        wanted = self.wanted(self.state.wishes)
        if wanted is None:
            return
        booked = await self.attempt(lambda: requests.let_agency_choose(self.actor, wanted))
        if booked:
            self.state.booked, self.state.worker = booked, ""
            self.go(len(STEPS))

    async def again(self) -> None:
        items = await self.attempt(lambda: catalogue.catalogue(self.actor, self.client_id))
        self.items = items if items is not None else self.items
        self.state = Choices(editing=preferences_editor.editing(self.saved))
        self.go(0)
