"""Who may act for which client: the one check every page, route and API call goes through."""

from dataclasses import dataclass

from domain.errors import NotAllowed, SetByAgency
from domain.language import N_, _
from domain.vocabulary import CarerAccess, ClientAction, Role

STAFF_ROLES = frozenset({Role.ROSTER, Role.CASE_MANAGER, Role.ADMIN})
CLIENT_SIDE_ROLES = frozenset({Role.CLIENT, Role.CARER})
ROSTER_ROLES = frozenset({Role.ROSTER, Role.ADMIN})  # who allocates: the Day Manager
QUERY_ROLES = frozenset({Role.CASE_MANAGER, Role.ADMIN})  # who answers a client's query
ADMIN_ROLES = frozenset({Role.ADMIN})

# Which roles may open each office and worker screen: the one table the page guards admit by and
# the navigation is drawn from, so no role is shown a section it may not open.
SCREENS: dict[str, frozenset[Role]] = {
    "/admin": STAFF_ROLES,
    "/admin/day": ROSTER_ROLES,
    "/admin/queries": QUERY_ROLES,
    "/admin/outbox": STAFF_ROLES,
    "/admin/over-hours": STAFF_ROLES,  # bookings past the approved hours (domain.pricing.over_hours)
    "/admin/workers": ROSTER_ROLES,
    "/admin/clients": QUERY_ROLES,  # administrators and case managers
    "/admin/catalogue": ADMIN_ROLES,
    "/admin/mail": ADMIN_ROLES,  # one-time links pass through it
    "/admin/import": ADMIN_ROLES,
    "/admin/audit": ADMIN_ROLES,
    "/admin/rates": ADMIN_ROLES,
    "/admin/accounts": ADMIN_ROLES,
    "/admin/settings": ADMIN_ROLES,
    "/worker": frozenset({Role.WORKER}),
    "/worker/messages": frozenset({Role.WORKER}),
}


# Which carer access levels allow each kind of action: each level includes the ones before it.
# Editing the client's contact details, preferences and blocked workers counts as booking: they
# change who comes and how the agency reaches the client.
LEVELS_FOR: dict[ClientAction, frozenset[CarerAccess]] = {
    ClientAction.VIEW: frozenset(CarerAccess),
    ClientAction.BOOK: frozenset({CarerAccess.BOOK, CarerAccess.APPROVE}),
    ClientAction.CANCEL: frozenset({CarerAccess.BOOK, CarerAccess.APPROVE}),
    ClientAction.APPROVE: frozenset({CarerAccess.APPROVE}),
    ClientAction.QUERY: frozenset({CarerAccess.APPROVE}),
    ClientAction.STATEMENTS: frozenset(CarerAccess),  # and the link's own statements flag
}

# The levels in plain words, as the carer and the office read them.
LEVEL_WORDS: dict[CarerAccess, str] = {
    CarerAccess.VIEW: N_("view only"),
    CarerAccess.BOOK: N_("view, book and cancel"),
    CarerAccess.APPROVE: N_("view, book and cancel, approve and query"),
}
# A carer's whole access for one client (level and statements flag), in English: _() where shown.
ACCESS_WORDS: dict[tuple[CarerAccess, bool], str] = {
    (CarerAccess.VIEW, True): N_("View only, with statements"),
    (CarerAccess.VIEW, False): N_("View only, without statements"),
    (CarerAccess.BOOK, True): N_("View, book and cancel, with statements"),
    (CarerAccess.BOOK, False): N_("View, book and cancel, without statements"),
    (CarerAccess.APPROVE, True): N_("View, book and cancel, approve and query, with statements"),
    (CarerAccess.APPROVE, False): N_("View, book and cancel, approve and query, without statements"),
}


@dataclass(frozen=True)
class Grant:
    """What the agency lets a carer do for one linked client."""

    client_id: int
    level: CarerAccess = CarerAccess.APPROVE
    statements: bool = True


@dataclass(frozen=True)
class Actor:
    """The signed-in person, as the rules need to know them."""

    account_id: int
    role: Role
    display_name: str
    client_id: int | None = None  # their own client record, for a client
    worker_id: int | None = None
    linked_clients: tuple[tuple[int, str], ...] = ()  # (id, name) of everyone they act for
    large_text: bool = False
    language: str = "en_AU"  # what they chose to read (domain.language); staff pages stay English
    communications: bool = False  # staff who may publish news to clients (administrators always may)
    grants: tuple[Grant, ...] = ()  # a carer's access for each linked client

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def client_ids(self) -> tuple[int, ...]:
        return tuple(client_id for client_id, _ in self.linked_clients)


def may_act_for_client(actor: Actor, client_id: int) -> bool:
    if actor.is_staff:
        return True
    if actor.role in CLIENT_SIDE_ROLES:
        return client_id in actor.client_ids
    return False


def require_client(actor: Actor, client_id: int) -> None:
    if not may_act_for_client(actor, client_id):
        raise NotAllowed()


def grant_for(actor: Actor, client_id: int) -> Grant:
    """A carer's access for this client; anyone else acts with no carer limit (their role decides).
    A carer whose grant for the client is missing reads only: a gap never widens access."""
    if actor.role != Role.CARER:
        return Grant(client_id)
    found = [grant for grant in actor.grants if grant.client_id == client_id]
    return found[0] if found else Grant(client_id, CarerAccess.VIEW, statements=False)


def refusal(actor: Actor, client_id: int, what: ClientAction) -> str | None:
    """Why this person may not do `what` for this client, in words to show them; None when they may.
    The one decision every page, use case and API path asks."""
    if not may_act_for_client(actor, client_id):
        return NotAllowed().message
    grant = grant_for(actor, client_id)
    if grant_allows(grant, what):
        return None
    name = dict(actor.linked_clients).get(client_id) or _("this client")
    if grant.level in LEVELS_FOR[what]:  # allowed by level: it is the statements flag
        return _(
            "Your agency has not set you to receive statements for {name}. Ask the office to change it."
        ).format(name=name)
    level = _(LEVEL_WORDS[grant.level])
    return _("Your agency has set your access for {name} to {level}. Ask the office to change it.").format(
        name=name, level=level
    )


def grant_allows(grant: Grant, what: ClientAction) -> bool:
    """The rule itself: the level must include the action, and statements need the link's flag too."""
    return grant.level in LEVELS_FOR[what] and (what != ClientAction.STATEMENTS or grant.statements)


def may(actor: Actor, client_id: int, what: ClientAction) -> bool:
    return refusal(actor, client_id, what) is None


def require(actor: Actor, client_id: int, what: ClientAction) -> None:
    """Refuse, with the reason, anything the agency has not let this person do for this client."""
    if not may_act_for_client(actor, client_id):
        raise NotAllowed()
    reason = refusal(actor, client_id, what)
    if reason is not None:
        raise SetByAgency(reason)


def access_words(level: CarerAccess, statements: bool) -> str:
    """A carer's access for one client in words: "View only, with statements" (English, as the office
    and the audit log keep it; a page shows it to a carer through _())."""
    return ACCESS_WORDS[(level, statements)]


def require_role(actor: Actor, *roles: Role) -> None:
    if actor.role not in roles:
        raise NotAllowed()


def may_open(role: Role, path: str) -> bool:
    """May this role open the screen at `path` (one of SCREENS)?"""
    return role in SCREENS[path]


def may_publish(actor: Actor) -> bool:
    """Administrators, and other staff given the "communications" permission."""
    return actor.role == Role.ADMIN or (actor.is_staff and actor.communications)


def home_path(actor: Actor) -> str:
    """Where each role lands after signing in."""
    if actor.role in CLIENT_SIDE_ROLES:
        return "/profile"
    if actor.role == Role.WORKER:
        return "/worker"
    return "/admin"
