"""The client's preferences for the worker, shown before the search and editable: each one a must
have or a nice to have, removed or added; then kept for this booking only or saved as the default."""

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from nicegui import ui

from domain.booking.preferences import Option, Preferences
from domain.language import N_, _
from domain.matching import Wish

from .text import Text, heading, paragraph

Refresh = Callable[[], object]  # a refreshable's refresh(), whose awaitable answer nobody awaits
KEEP = {"booking": N_("Just for this booking"), "default": N_("Save as my preferences for every booking")}


@dataclass(frozen=True)
class Item:
    key: str
    name: str
    group: str
    wish: Wish


@dataclass
class Editing:
    """This page's copy of the preferences while the client changes them."""

    items: list[Item] = field(default_factory=list)
    changed: bool = False
    keep: str = "booking"

    @property
    def wishes(self) -> tuple[Wish, ...]:
        return tuple(item.wish for item in self.items)


def editing(saved: Preferences) -> Editing:
    return Editing([Item(named.key, named.name, named.group, named.wish) for named in saved.wishes])


def create(state: Editing, saved: Preferences, options: tuple[Option, ...], *, booking: bool = True) -> None:
    """`booking`: offer to keep changes for this booking only, and list the preferred and blocked
    workers (the Preferences page manages those itself)."""

    @ui.refreshable
    def editor() -> None:
        _chosen(state, editor.refresh)
        _adder(state, options, editor.refresh)
        if booking and state.changed:
            # a change handler, not a binding: NiceGUI polls bindings to plain objects
            keep = {key: _(label) for key, label in KEEP.items()}
            label = _("Keep these preferences")
            ui.radio(keep, value=state.keep, on_change=lambda e: setattr(state, "keep", e.value)).props(
                f'aria-label="{label}"'
            ).mark("keep-preferences")

    editor()
    if booking:
        _people(saved)


def _chosen(state: Editing, refresh: Refresh) -> None:
    if not state.items:
        paragraph(
            _("You have no wishes of your own for the worker. What the agency always requires still applies.")
        )
    with ui.element("ul").classes("preference-list"):
        for item in state.items:
            with ui.element("li").classes("preference-row"):
                Text(f"{item.name} ({item.group})", tag="span").classes("preference-name")
                must_have = _("{name}: must have").format(name=item.name)
                ui.switch(
                    _("Must have"),
                    value=item.wish.mandatory,
                    on_change=lambda e, i=item: _set(state, i, bool(e.value), refresh),
                ).props(f'aria-label="{must_have}"').mark(f"must-{item.key}")
                remove = _("Remove {name}").format(name=item.name)
                ui.button(
                    _("Remove"), icon="close", on_click=lambda i=item: _remove(state, i, refresh)
                ).props(f'outline no-caps aria-label="{remove}"').mark(f"remove-{item.key}")


def _adder(state: Editing, options: tuple[Option, ...], refresh: Refresh) -> None:
    taken = {item.key for item in state.items}
    choices = {o.key: f"{o.name} ({o.group})" for o in options if o.key not in taken}
    by_key = {o.key: o for o in options}
    with ui.row().classes("items-center gap-3 w-full q-mt-sm"):
        pick = ui.select(choices, label=_("Add a preference"), with_input=True).props("outlined")
        pick.classes("min-w-[260px] grow").mark("add-preference")
        must = ui.switch(_("Must have")).mark("add-must")

        def add() -> None:
            if pick.value not in by_key:
                pick.error = _("Please choose a preference to add.")
                return
            option = by_key[pick.value]
            wish = Wish(option.competency_id, option.characteristic_id, bool(must.value), 1)
            state.items.append(Item(option.key, option.name, option.group, wish))
            state.changed = True
            refresh()

        ui.button(_("Add"), icon="add", on_click=add).props("outline no-caps").mark("add")


def _set(state: Editing, item: Item, mandatory: bool, refresh: Refresh) -> None:
    index = state.items.index(item)
    state.items[index] = replace(item, wish=replace(item.wish, mandatory=mandatory))
    state.changed = True
    refresh()


def _remove(state: Editing, item: Item, refresh: Refresh) -> None:
    state.items.remove(item)
    state.changed = True
    refresh()


def _people(saved: Preferences) -> None:
    if saved.preferred:
        heading(_("Workers you prefer"), 3)
        names = ", ".join(person.name for person in saved.preferred)
        paragraph(_("{names}: they are listed first.").format(names=names))
    if saved.blocked:
        heading(_("Workers you do not want"), 3)
        names = ", ".join(person.name for person in saved.blocked)
        paragraph(_("{names}: they are never offered to you.").format(names=names))
