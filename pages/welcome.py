"""Accepting an invitation: the person chooses their password and is signed in."""

from dataclasses import replace

from fastapi import Request
from nicegui import ui

from components import guard, session
from components.forms import submit, text_input
from components.text import paragraph
from components.theme import frame
from components.viewer import Viewer
from domain.accounts import access, auth, passwords, sessions
from domain.language import _


@guard.public
async def create(viewer: Viewer, token: str, request: Request) -> None:
    address = request.client.host if request.client else None
    # Shown as to someone signed out, whoever this browser was signed in as: the invitation is theirs.
    with (
        frame(_("Welcome to Care Portal"), replace(viewer, actor=None)),
        ui.column().classes("card gap-4").style("max-width: 520px"),
    ):
        paragraph(
            _(
                "Choose a password of at least {n} characters that is not a common one. "
                "A short sentence you will remember works well."
            ).format(n=passwords.MIN_PASSWORD_LENGTH)
        )
        fields = {
            "password": text_input(
                _("New password"), kind="password", autocomplete="new-password", mark="password"
            ),
            "repeated": text_input(
                _("The same password again"), kind="password", autocomplete="new-password", mark="repeated"
            ),
        }

        async def accept() -> None:
            actor = await submit(
                lambda: auth.accept_invitation(
                    token, fields["password"].value or "", fields["repeated"].value or "", address=address
                ),
                fields,
            )
            if actor is not None:
                ticket = await submit(lambda: sessions.open_for(actor), {})
                if ticket is not None:
                    ui.navigate.to(session.begin_address(ticket, access.home_path(actor)))

        ui.button(_("Set my password"), icon="key", on_click=accept).props("unelevated color=primary")
