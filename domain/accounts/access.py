"""Who may act for which client: the one check every page, route and API call goes through."""

from dataclasses import dataclass

from domain.errors import NotAllowed
from domain.vocabulary import Role

STAFF_ROLES = frozenset({Role.ROSTER, Role.CASE_MANAGER, Role.ADMIN})
CLIENT_SIDE_ROLES = frozenset({Role.CLIENT, Role.CARER})


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
