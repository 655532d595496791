"""Sign in: e-mail and password (and, for staff who set it up, the code from their authenticator
app), with the lockout, rate-limit and idle messages in plain words."""

from fastapi import Request
from fastapi.responses import RedirectResponse
from nicegui import ui

from components import background, guard, session
from components.forms import text_input
from components.text import Text, paragraph
from components.theme import frame
from components.viewer import Viewer
from domain.accounts import access, auth, sessions
from domain.errors import InvalidInput, SecondFactorNeeded, SignInFailed, TooManyAttempts
from domain.language import _

safe_next = session.safe_next


@guard.public
async def create(viewer: Viewer, request: Request) -> RedirectResponse | None:
    if viewer.actor is not None:
        return RedirectResponse(access.home_path(viewer.actor))
    next_path = safe_next(request.query_params.get("next"))
    address = request.client.host if request.client else None
    with frame(_("Sign in"), viewer), ui.column().classes("card gap-4").style("max-width: 520px"):
        if request.query_params.get("expired"):
            paragraph(
                _("You were signed out after 30 minutes without activity. Please sign in again.")
            ).classes("notice").props('role="status"')
        email = text_input(_("E-mail address"), kind="email", autocomplete="username", mark="email")
        password = text_input(
            _("Password"), kind="password", autocomplete="current-password", mark="password"
        )
        code = text_input(_("Code from your authenticator app"), autocomplete="one-time-code", mark="code")
        code.props('inputmode="numeric"')
        code.set_visibility(False)
        keep = ui.checkbox(_("Keep me signed in on this tablet or computer (my own, not a shared one)")).mark(
            "keep"
        )
        problem = Text("", tag="p").classes("notice notice-error").props('role="alert"')
        problem.set_visibility(False)
        button = (
            ui.button(_("Sign in"), icon="login")
            .props("unelevated color=primary")
            .classes("w-full")
            .mark("sign-in")
        )

        def show(message: str) -> None:
            problem.text = message
            problem.set_visibility(True)

        async def sign_in() -> None:
            button.disable()
            problem.set_visibility(False)
            email.error = password.error = None
            try:
                actor = await background.call(
                    auth.sign_in,
                    email.value or "",
                    password.value or "",
                    code.value or None,
                    address=address,
                )
                ticket = await background.call(sessions.open_for, actor, keep=bool(keep.value))
            except SecondFactorNeeded as error:
                code.set_visibility(True)
                show(error.message)
                code.run_method("focus")
                return
            except InvalidInput as error:  # a field left empty: say which, next to it
                for name, field in (("email", email), ("password", password)):
                    field.error = error.fields.get(name)
                show(error.message)
                return
            except (SignInFailed, TooManyAttempts) as error:
                show(error.message)
                if not code.visible:
                    password.value = ""
                code.value = ""
                return
            finally:
                button.enable()
            ui.navigate.to(session.begin_address(ticket, next_path or access.home_path(actor)))

        button.on_click(sign_in)
        password.on("keydown.enter", sign_in)
        code.on("keydown.enter", sign_in)
        paragraph(_("Forgotten your password, or need an account? Please call the agency.")).classes(
            "text-muted"
        )
    return None
