"""Accepting an invitation: the person chooses their password and is signed in."""

from dataclasses import replace

from nicegui import ui

from components import guard, session
from components.forms import submit, text_input
from components.text import paragraph
from components.theme import frame
from components.viewer import Viewer
from domain.accounts import access, auth


@guard.public
async def create(viewer: Viewer, token: str) -> None:
    # Shown as to someone signed out, whoever this browser was signed in as: the invitation is theirs.
    with (
        frame("Welcome to Care Portal", replace(viewer, actor=None)),
        ui.column().classes("card gap-4").style("max-width: 520px"),
    ):
        paragraph(
            "Choose a password of at least 10 characters. A short sentence you will remember works well."
        )
        fields = {
            "password": text_input(
                "New password", kind="password", autocomplete="new-password", mark="password"
            ),
            "repeated": text_input(
                "The same password again", kind="password", autocomplete="new-password", mark="repeated"
            ),
        }

        async def accept() -> None:
            actor = await submit(
                lambda: auth.accept_invitation(
                    token, fields["password"].value or "", fields["repeated"].value or ""
                ),
                fields,
            )
            if actor is not None:
                session.begin(actor)
                ui.navigate.to(access.home_path(actor))

        ui.button("Set my password", icon="key", on_click=accept).props("unelevated color=primary")
