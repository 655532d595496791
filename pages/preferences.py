"""Preferences (issue 18): the client's default wishes for the worker (each a must have or a nice to
have), the workers they prefer and those they have blocked (block a worker from a past visit,
unblock one, each asked first), and, read-only, what the agency always requires for them and for
each of their services. Booking step 4 shows the same wishes editor and requirements view."""

from nicegui import ui

from components import (
    background,
    block_dialog,
    carer_access,
    client_switcher,
    guard,
    preferences_editor,
    requirements_view,
)
from components.formatting import long_date
from components.forms import submit
from components.guard import RecordId
from components.nav import client_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts.access import Actor
from domain.booking import agency_requirements, blocking, preferences
from domain.language import _
from domain.vocabulary import ClientAction, ClientWorkerRelation


def address(client_id: int) -> str:
    return f"/clients/{client_id}/preferences"


@guard.page(admits=guard.CLIENT_RECORDS)
async def create(viewer: SignedInViewer, client_id: RecordId) -> None:
    actor = viewer.actor
    saved = await background.call(preferences.saved, actor, client_id)
    options = await background.call(preferences.options, actor)
    required = await background.call(agency_requirements.agency_requirements, actor, client_id)
    past = await background.call(blocking.past_workers, actor, client_id)
    with frame(_("Preferences"), viewer, nav=client_sections(actor, client_id), current=address(client_id)):
        client_switcher.create(actor, client_id, "preferences")
        # Preferences and blocking decide who comes: they need "book" access (docs/carer-access.md).
        may_change = not carer_access.refused(actor, client_id, ClientAction.BOOK)
        _Wishes(actor, client_id, saved, options, may_change).show()
        _Workers(actor, client_id, saved, past, may_change).show()
        requirements_view.create(required)


class _Wishes:
    """The default wishes: edited here, saved for every booking (one booking can still change them)."""

    def __init__(
        self,
        actor: Actor,
        client_id: int,
        saved: preferences.Preferences,
        options: tuple[preferences.Option, ...],
        may_change: bool,
    ) -> None:
        self.actor, self.client_id, self.options = actor, client_id, options
        self.may_change = may_change
        self.editing = preferences_editor.editing(saved)
        self.saved = saved

    def show(self) -> None:
        with ui.element("section").classes("w-full q-mb-lg").mark("wishes"):
            heading(_("What matters to you in a worker"), 2)
            paragraph(
                _(
                    "These are your wishes for every booking; you can still change them for one booking "
                    "when you book. A must have leaves out every worker without it; a nice to have puts "
                    "workers with it first."
                )
            )
            self.problem = (
                Text("", tag="p").classes("notice notice-error").props('role="alert"').mark("problem")
            )
            self.problem.set_visibility(False)
            self.editor = ui.refreshable(self._editor)
            self.editor()

    def _editor(self) -> None:
        if not self.may_change:  # the saved wishes, to read only
            with ui.element("ul").classes("worker-list").mark("saved-wishes"):
                for named in self.saved.wishes:
                    if named.wish.mandatory:
                        said = _("{group}: {name} (must have)")
                    else:
                        said = _("{group}: {name} (nice to have)")
                    Text(said.format(group=named.group, name=named.name), tag="li")
            if not self.saved.wishes:
                paragraph(_("No wishes saved yet."))
            return
        preferences_editor.create(self.editing, self.saved, self.options, booking=False)
        ui.button(_("Save my wishes"), icon="save", on_click=self.save).props(
            "unelevated color=primary no-caps"
        ).mark("save-wishes")

    def say(self, problem: str) -> None:
        self.problem.text = problem
        self.problem.set_visibility(bool(problem))

    async def save(self) -> None:
        wishes = self.editing.wishes
        saved = await submit(
            lambda: preferences.save_default(self.actor, self.client_id, wishes),
            say=self.say,
            done=_("Your wishes are saved for every booking."),
        )
        if saved is not None:
            self.saved, self.editing = saved, preferences_editor.editing(saved)
            self.editor.refresh()


class _Workers:
    """Preferred and blocked workers, and the workers of past visits (block or unblock, asked first)."""

    def __init__(
        self,
        actor: Actor,
        client_id: int,
        saved: preferences.Preferences,
        past: tuple[blocking.PastWorker, ...],
        may_change: bool,
    ) -> None:
        self.actor, self.client_id, self.may_change = actor, client_id, may_change
        self.saved, self.past = saved, past

    def show(self) -> None:
        self.dialogs = ui.element("div")
        self.content = ui.refreshable(self._render)
        self.content()

    async def reload(self) -> None:
        saved = await submit(lambda: preferences.saved(self.actor, self.client_id))
        past = await submit(lambda: blocking.past_workers(self.actor, self.client_id))
        if saved is not None and past is not None:
            self.saved, self.past = saved, past
            self.content.refresh()

    def _render(self) -> None:
        with ui.element("section").classes("w-full q-mb-lg").mark("workers"):
            heading(_("Workers you prefer"), 2)
            if self.saved.preferred:
                with ui.element("ul").classes("worker-list").mark("preferred"):
                    for person in self.saved.preferred:
                        Text(
                            _("{name}: listed first when they can do a booking").format(name=person.name),
                            tag="li",
                        )
            else:
                paragraph(
                    _("None yet. Ask the agency if there is a worker you would like to see more often.")
                )
            heading(_("Workers you have blocked"), 2)
            if self.saved.blocked:
                with ui.element("ul").classes("worker-list").mark("blocked"):
                    for person in self.saved.blocked:
                        line = _("{name}: never offered to you").format(name=person.name)
                        self._row(person.worker_id, person.name, line, blocked=True)
            else:
                paragraph(_("None. A blocked worker is never offered to you."))
            heading(_("Workers who visited you"), 2)
            if self.past:
                with ui.element("ul").classes("worker-list").mark("past-workers"):
                    for worker in self.past:
                        blocked = worker.relation == ClientWorkerRelation.BLOCKED
                        if worker.relation == ClientWorkerRelation.PREFERRED:
                            said = _("{name}: last visit {date}, one of your preferred workers")
                        elif blocked:
                            said = _("{name}: last visit {date}, blocked")
                        else:
                            said = _("{name}: last visit {date}")
                        line = said.format(name=worker.name, date=long_date(worker.last_visit.date()))
                        self._row(worker.worker_id, worker.name, line, blocked)
            else:
                paragraph(_("No visits have taken place yet."))

    def _row(self, worker_id: int, name: str, line: str, blocked: bool) -> None:
        """`line`: what is said of the worker, their name first."""
        with ui.element("li").classes("worker-row"):
            Text(line, tag="span")
            if not self.may_change:
                return
            if blocked:
                label = _("Unblock {name}").format(name=name)
                ui.button(_("Unblock"), icon="undo", on_click=lambda: self._unblock(worker_id, name)).props(
                    f'outline no-caps aria-label="{label}"'
                ).mark(f"unblock-{worker_id}")
            else:
                label = _("Block {name}").format(name=name)
                ui.button(_("Block"), icon="block", on_click=lambda: self._block(worker_id, name)).props(
                    f'flat no-caps color=negative aria-label="{label}"'
                ).mark(f"block-{worker_id}")

    def _block(self, worker_id: int, name: str) -> None:
        async def then() -> None:
            done = await submit(
                lambda: blocking.block(self.actor, self.client_id, worker_id),
                done=_("{name} is blocked: they will not be offered to you again.").format(name=name),
            )
            if done is not None:
                await self.reload()

        block_dialog.open_block(name, then, self.dialogs)

    def _unblock(self, worker_id: int, name: str) -> None:
        async def then() -> None:
            done = await submit(
                lambda: blocking.unblock(self.actor, self.client_id, worker_id),
                done=_("{name} is unblocked.").format(name=name),
            )
            if done is not None:
                await self.reload()

        block_dialog.open_unblock(name, then, self.dialogs)
