"""The client modules in the toolbar: one list, so every client screen shows the same sections."""

from .theme import NavItem


def client_sections(client_id: int) -> list[NavItem]:
    return [
        NavItem("Profile", "person", f"/clients/{client_id}/profile"),
        NavItem("Statements", "receipt_long", f"/clients/{client_id}/statements"),
    ]
