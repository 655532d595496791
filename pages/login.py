"""Sign in: e-mail and password, with the lockout and idle messages in plain words."""

from fastapi import Request
from fastapi.responses import RedirectResponse
from nicegui import ui

from components import background, guard, session
from components.forms import text_input
from components.text import Text, paragraph
from components.theme import frame
from components.viewer import Viewer
from domain.accounts import access, auth
from domain.errors import SignInFailed


def safe_next(path: str | None) -> str | None:
    """Only a path on this site: never another host (an open redirect)."""
    if (
        not path
        or not path.startswith("/")
        or path.startswith("//")
        or "\\" in path
        or path.startswith("/login")
    ):
        return None
    return path


@guard.public
async def create(viewer: Viewer, request: Request) -> RedirectResponse | None:
    if viewer.actor is not None:
        return RedirectResponse(access.home_path(viewer.actor))
    next_path = safe_next(request.query_params.get("next"))
    with frame("Sign in", viewer), ui.column().classes("card gap-4").style("max-width: 520px"):
        if request.query_params.get("expired"):
            paragraph("You were signed out after 30 minutes without activity. Please sign in again.").classes(
                "notice"
            ).props('role="status"')
        email = text_input("E-mail address", kind="email", autocomplete="username", mark="email")
        password = text_input("Password", kind="password", autocomplete="current-password", mark="password")
        problem = Text("", tag="p").classes("notice notice-error").props('role="alert"')
        problem.set_visibility(False)
        button = (
            ui.button("Sign in", icon="login")
            .props("unelevated color=primary")
            .classes("w-full")
            .mark("sign-in")
        )

        async def sign_in() -> None:
            button.disable()
            try:
                actor = await background.call(auth.sign_in, email.value or "", password.value or "")
            except SignInFailed as error:
                problem.text = error.message
                problem.set_visibility(True)
                password.value = ""
                return
            finally:
                button.enable()
            session.begin(actor)
            ui.navigate.to(next_path or access.home_path(actor))

        button.on_click(sign_in)
        password.on("keydown.enter", sign_in)
        paragraph("Forgotten your password, or need an account? Please call the agency.").classes(
            "text-muted"
        )
    return None
