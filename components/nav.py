"""The client modules in the toolbar: one list, so every client screen shows the same sections."""

from .theme import NavItem


def client_sections(client_id: int) -> list[NavItem]:
    return [
        NavItem("Profile", "person", f"/clients/{client_id}/profile"),
    ]


def worker_sections() -> list[NavItem]:
    """The worker app's sections (the booking feature adds offers)."""
    return [
        NavItem("My shifts", "event", "/worker"),
        NavItem("Messages", "mail", "/worker/messages"),
    ]


def office_sections() -> list[NavItem]:
    """The office's sections for staff (other features add theirs)."""
    return [
        NavItem("Office", "home", "/admin"),
        NavItem("Outbox", "outbox", "/admin/outbox"),
        NavItem("Caught mail", "mark_email_read", "/admin/mail"),
    ]
