"""A client's preferences for the worker (DESIGN.md §2 "Client preferences"): shown before the
search, editable, and either saved as the client's new default (written at once, audited) or kept
for one booking only (handed to the booking request as its `wishes` override)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import InvalidInput, NotAllowed
from domain.language import N_, _
from domain.matching import Wish
from domain.people import known_as
from domain.vocabulary import ClientAction, ClientWorkerRelation, Role
from storage.queries import NamedRow
from storage.queries import preferences as queries

MAX_WISHES = 30
GROUPS = {  # shown as _(GROUPS[kind])
    "gender": N_("Gender"),
    "age_band": N_("Age"),
    "language": N_("Language"),
    "flag": N_("Other"),
    "clearance": N_("Clearance"),
    "qualification": N_("Qualification"),
    "skill": N_("Skill"),
}


@dataclass(frozen=True)
class Option:
    """Something a preference can ask for: a competency or a characteristic."""

    key: str  # "competency:3" or "characteristic:7"
    competency_id: int | None
    characteristic_id: int | None
    name: str
    group: str


@dataclass(frozen=True)
class NamedWish:
    wish: Wish
    name: str
    group: str

    @property
    def key(self) -> str:
        return key_of(self.wish)


@dataclass(frozen=True)
class WorkerNote:
    worker_id: int
    name: str
    note: str


@dataclass(frozen=True)
class Preferences:
    wishes: tuple[NamedWish, ...]
    preferred: tuple[WorkerNote, ...]
    blocked: tuple[WorkerNote, ...]

    @property
    def as_wishes(self) -> tuple[Wish, ...]:
        return tuple(named.wish for named in self.wishes)


def key_of(wish: Wish) -> str:
    if wish.competency_id is not None:
        return f"competency:{wish.competency_id}"
    return f"characteristic:{wish.characteristic_id}"


def saved(actor: Actor, client_id: int) -> Preferences:
    """The client's saved preferences, with names."""
    access.require(actor, client_id, ClientAction.VIEW)
    with action.reading(actor) as act:
        return _load(act, client_id)


def options(actor: Actor) -> tuple[Option, ...]:
    """Every competency and characteristic a new preference may name, grouped by kind (not retired)."""
    if actor.role == Role.WORKER:
        raise NotAllowed()
    with action.reading(actor) as act:
        return _options(act)


def save_default(actor: Actor, client_id: int, wishes: Sequence[Wish]) -> Preferences:
    """The client's default preferences become `wishes`, at once; InvalidInput changes nothing."""
    access.require(actor, client_id, ClientAction.BOOK)
    with action.writing(actor) as act:
        checked = _checked(wishes, _options(act, kept=_load(act, client_id).as_wishes))
        queries.replace_wishes(client_id, [_row(wish) for wish in checked], session=act.session)
        detail = ", ".join(f"{key_of(w)}{'!' if w.mandatory else ''}" for w in checked) or "none"
        act.audit("change", "client", client_id, f"preferences: {detail}")
        act.session.flush()
        return _load(act, client_id)


def for_this_booking(actor: Actor, client_id: int, wishes: Sequence[Wish]) -> tuple[Wish, ...]:
    """Checks the preferences for one booking without saving them; the booking's `wishes` override."""
    access.require(actor, client_id, ClientAction.BOOK)
    with action.reading(actor) as act:
        return _checked(wishes, _options(act, kept=_load(act, client_id).as_wishes))


def _checked(wishes: Sequence[Wish], known: Iterable[Option]) -> tuple[Wish, ...]:
    keys = {option.key for option in known}
    seen: set[str] = set()
    for wish in wishes:
        if (wish.competency_id is None) == (wish.characteristic_id is None):
            raise InvalidInput({"preferences": _("Each preference must name one skill or one quality.")})
        key = key_of(wish)
        if key not in keys:
            raise InvalidInput({"preferences": _("One of the preferences is not something we know about.")})
        if key in seen:
            raise InvalidInput({"preferences": _("Each preference can be chosen only once.")})
        if not 1 <= wish.weight <= 10:
            raise InvalidInput({"preferences": _("How much a preference matters must be from 1 to 10.")})
        seen.add(key)
    if len(seen) > MAX_WISHES:
        raise InvalidInput({"preferences": _("Please choose at most {n} preferences.").format(n=MAX_WISHES)})
    return tuple(wishes)


def _row(wish: Wish) -> dict[str, int | bool | None]:
    return {
        "competency_id": wish.competency_id,
        "characteristic_id": wish.characteristic_id,
        "mandatory": wish.mandatory,
        "weight": wish.weight,
    }


def _load(act: Action, client_id: int) -> Preferences:
    wishes = tuple(_named(row) for row in queries.wishes(client_id, session=act.session))
    people = queries.workers(client_id, session=act.session)
    return Preferences(
        wishes,
        tuple(_note(row) for row in people if row.relation == ClientWorkerRelation.PREFERRED),
        tuple(_note(row) for row in people if row.relation == ClientWorkerRelation.BLOCKED),
    )


def _named(row: NamedRow) -> NamedWish:
    wish = Wish(row.competency_id, row.characteristic_id, row.mandatory, row.weight)
    if row.competency_id is not None:
        return NamedWish(wish, row.competency, _(GROUPS[row.competency_kind]))
    return NamedWish(wish, row.characteristic, _(GROUPS[row.characteristic_kind]))


def _note(row: NamedRow) -> WorkerNote:
    return WorkerNote(row.worker_id, known_as(row.preferred_name, row.first_name, row.last_name), row.note)


def _options(act: Action, kept: Sequence[Wish] = ()) -> tuple[Option, ...]:
    """The options not retired, and the retired ones among `kept` (the client's saved wishes: a
    retired competency stays where it was wished for, but nobody newly wishes for it)."""
    keys = {key_of(wish) for wish in kept}
    found = [
        Option(f"characteristic:{c.id}", None, c.id, c.name, _(GROUPS[c.kind]))
        for c in queries.characteristics(session=act.session)
        if c.active or f"characteristic:{c.id}" in keys
    ]
    found += [
        Option(f"competency:{c.id}", c.id, None, c.name, _(GROUPS[c.kind]))
        for c in queries.competencies(session=act.session)
        if c.active or f"competency:{c.id}" in keys
    ]
    return tuple(found)
