"""Everything a simulated user's page says: element texts, labels and props, and table rows (which
Quasar draws from data), so a test can look for a word however the page happens to lay it out."""

from nicegui.testing import User


def said(user: User) -> list[str]:
    with user:
        found: list[str] = []
        for element in user.client.layout.descendants():
            text = getattr(element, "text", None)
            if isinstance(text, str) and text:
                found.append(text)
            for value in element.props.values():
                if isinstance(value, str) and value:
                    found.append(value)
            for row in getattr(element, "rows", None) or ():
                if isinstance(row, dict):
                    found.extend(str(value) for value in row.values() if value)
        return found
