"""The client modules in the toolbar: one list, so every client screen shows the same sections."""

from domain.accounts.access import Actor
from domain.vocabulary import Role

from .theme import NavItem


def client_sections(client_id: int) -> list[NavItem]:
    return [
        NavItem("Profile", "person", f"/clients/{client_id}/profile"),
        NavItem("Book", "add_circle", f"/clients/{client_id}/book"),
        NavItem("Calendar", "calendar_month", f"/clients/{client_id}/calendar"),
        NavItem("History", "history", f"/clients/{client_id}/history"),
        NavItem("Services", "fact_check", f"/clients/{client_id}/services"),
        NavItem("Statements", "receipt_long", f"/clients/{client_id}/statements"),
    ]


def staff_sections(actor: Actor) -> list[NavItem]:
    """The office's sections; the caught mail, accounts and settings are for administrators only."""
    is_admin = actor.role == Role.ADMIN
    items = [
        NavItem("Office", "home", "/admin"),
        NavItem("Day Manager", "view_day", "/admin/day"),
        NavItem("Queries", "help", "/admin/queries"),
        NavItem("Outbox", "outbox", "/admin/outbox"),
    ]
    if actor.role in (Role.ADMIN, Role.ROSTER):
        items.append(NavItem("Workers", "badge", "/admin/workers"))
    if actor.role in (Role.ADMIN, Role.CASE_MANAGER):
        items.append(NavItem("Clients", "groups", "/admin/clients"))
    if is_admin:
        items.append(NavItem("Catalogue", "category", "/admin/catalogue"))
        items.append(NavItem("Caught mail", "mark_email_read", "/admin/mail"))
        items.append(NavItem("Accounts", "manage_accounts", "/admin/accounts"))
        items.append(NavItem("Settings", "settings", "/admin/settings"))
        items.append(NavItem("Audit log", "policy", "/admin/audit"))
    return items


def worker_sections() -> list[NavItem]:
    """The worker app's sections (the booking feature adds offers)."""
    return [
        NavItem("My shifts", "event", "/worker"),
        NavItem("Messages", "mail", "/worker/messages"),
    ]
