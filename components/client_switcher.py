"""For a carer: which of their clients this screen is about."""

from nicegui import ui

from components import carer_access
from domain.accounts.access import Actor
from domain.language import _
from domain.vocabulary import Role


def create(actor: Actor, client_id: int, section: str) -> None:
    carer_access.note(actor, client_id)
    if actor.role != Role.CARER or len(actor.linked_clients) < 2:
        return
    ui.select(
        dict(actor.linked_clients),
        value=client_id,
        label=_("Acting for"),
        on_change=lambda e: ui.navigate.to(f"/clients/{e.value}/{section}"),
    ).props("outlined").classes("min-w-[260px] q-mb-md").mark("client-switcher")
