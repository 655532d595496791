"""The client modules in the toolbar: one list, so every client screen shows the same sections."""

from domain.accounts import access
from domain.accounts.access import Actor
from domain.language import _
from domain.vocabulary import ClientAction

from .theme import NavItem


def client_sections(actor: Actor, client_id: int) -> list[NavItem]:
    """The client's sections; Statements only for whoever may have them (a carer's statements flag)."""
    items = [
        NavItem(_("Profile"), "person", f"/clients/{client_id}/profile"),
        NavItem(_("Book"), "add_circle", f"/clients/{client_id}/book"),
        NavItem(_("Preferences"), "tune", f"/clients/{client_id}/preferences"),
        NavItem(_("Calendar"), "calendar_month", f"/clients/{client_id}/calendar"),
        NavItem(_("History"), "history", f"/clients/{client_id}/history"),
        NavItem(_("Services"), "fact_check", f"/clients/{client_id}/services"),
    ]
    if access.may(actor, client_id, ClientAction.STATEMENTS):
        items.append(NavItem(_("Statements"), "receipt_long", f"/clients/{client_id}/statements"))
    return items


STAFF_SECTIONS = (
    NavItem("Office", "home", "/admin"),
    NavItem("Day Manager", "view_day", "/admin/day"),
    NavItem("Queries", "help", "/admin/queries"),
    NavItem("Outbox", "outbox", "/admin/outbox"),
    NavItem("Workers", "badge", "/admin/workers"),
    NavItem("Clients", "groups", "/admin/clients"),
    NavItem("Catalogue", "category", "/admin/catalogue"),
    NavItem("Caught mail", "mark_email_read", "/admin/mail"),
    NavItem("Import", "upload_file", "/admin/import"),
    NavItem("Accounts", "manage_accounts", "/admin/accounts"),
    NavItem("Settings", "settings", "/admin/settings"),
    NavItem("Rates", "payments", "/admin/rates"),
    NavItem("Audit log", "policy", "/admin/audit"),
)


def staff_sections(actor: Actor) -> list[NavItem]:
    """The office's sections this staff member may open: the page guards' own table decides (and
    News, for administrators and staff with the communications permission)."""
    items = [item for item in STAFF_SECTIONS if access.may_open(actor.role, item.path)]
    if access.may_publish(actor):
        items.insert(4, NavItem("News", "campaign", "/admin/news"))
    return items


def worker_sections() -> list[NavItem]:
    """The worker app's sections (the booking feature adds offers)."""
    return [
        NavItem("My shifts", "event", "/worker"),
        NavItem("Messages", "mail", "/worker/messages"),
    ]
