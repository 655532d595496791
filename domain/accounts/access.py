"""Who may act for which client: the one check every page, route and API call goes through."""

from dataclasses import dataclass

from domain.errors import NotAllowed
from domain.vocabulary import Role

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
    communications: bool = False  # staff who may publish news to clients (administrators always may)

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
