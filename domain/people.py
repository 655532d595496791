"""How the portal names a person: one rule for clients and workers on every screen, letter and list."""


def known_as(preferred: str | None, first: str, last: str) -> str:
    """The name a person goes by: their preferred first name if they gave one, then the last."""
    return f"{preferred or first} {last}"
