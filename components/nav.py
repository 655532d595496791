"""The client modules in the toolbar: one list, so every client screen shows the same sections."""

from .theme import NavItem


def client_sections(client_id: int) -> list[NavItem]:
    return [
        NavItem("Profile", "person", f"/clients/{client_id}/profile"),
        NavItem("Calendar", "calendar_month", f"/clients/{client_id}/calendar"),
        NavItem("History", "history", f"/clients/{client_id}/history"),
        NavItem("Services", "fact_check", f"/clients/{client_id}/services"),
        NavItem("Statements", "receipt_long", f"/clients/{client_id}/statements"),
    ]


def staff_sections(is_admin: bool) -> list[NavItem]:
    """The office's sections; the settings are for administrators only."""
    items = [
        NavItem("Office", "home", "/admin"),
        NavItem("Queries", "help", "/admin/queries"),
    ]
    if is_admin:
        items.append(NavItem("Settings", "settings", "/admin/settings"))
    return items
