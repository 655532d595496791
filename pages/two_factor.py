"""Two-step sign-in for staff: set up an authenticator app from a QR code (or its key typed in),
confirm with a code, and keep the recovery codes shown once. Administrators must; other staff may.
An administrator who signed in without it lands here and can open nothing else until it is done."""

import segno
from nicegui import ui

from components import background, guard, session
from components.forms import submit, text_input
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access, second_factor, sessions
from domain.accounts.access import Actor


@guard.page(admits=access.STAFF_ROLES)
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    status = await background.call(second_factor.status, actor)
    with frame("Two-step sign-in", viewer), ui.element("div").classes("stack"):
        with ui.element("section").classes("card section").props('aria-labelledby="status-heading"'):
            heading("Why a second step").props('id="status-heading"')
            if status.enrolled:
                paragraph(
                    "Two-step sign-in is on: after your password, the portal asks for the six-digit code "
                    f"your authenticator app shows. Recovery codes left: {status.recovery_codes_left}."
                ).mark("two-factor-on")
            elif status.required:
                paragraph(
                    "Administrators can change everyone's records, so they sign in with a second step: "
                    "a code from an authenticator app on their phone. Please set it up now."
                ).classes("notice").props('role="status"')
            else:
                paragraph(
                    "You can protect your account with a second step: after your password, a code from "
                    "an authenticator app on your phone."
                )
        await _enrol(actor, replacing=status.enrolled)


async def _enrol(actor: Actor, *, replacing: bool) -> None:
    enrolment = await background.call(second_factor.new_enrolment, actor)
    with ui.element("section").classes("card section").props('aria-labelledby="enrol-heading"'):
        heading("Set up a new phone" if replacing else "Set it up").props('id="enrol-heading"')
        paragraph(
            "1. Open an authenticator app (for example Google Authenticator, Microsoft Authenticator or "
            "2FAS) and scan this code."
        )
        qr = segno.make(enrolment.uri, error="m").svg_data_uri(scale=5, border=2)
        ui.image(qr).props('alt="QR code to scan with your authenticator app"').style(
            "width: 220px; height: 220px"
        ).mark("two-factor-qr")
        paragraph("Or type this key into the app:")
        key = " ".join(enrolment.secret[i : i + 4] for i in range(0, len(enrolment.secret), 4))
        Text(key, tag="p").classes("text-lg").style("font-family: monospace").props(
            'id="two-factor-key"'
        ).mark("two-factor-key")
        paragraph("2. Type the six-digit code the app shows now.")
        code = text_input("Code from your authenticator app", autocomplete="one-time-code", mark="enrol-code")
        code.props('inputmode="numeric"')
        result = ui.element("div").classes("w-full")

        async def confirm() -> None:
            token = session.token()
            codes = await submit(
                lambda: second_factor.confirm(actor, enrolment.secret, code.value or "", token),
                {"code": code},
            )
            if codes is None:
                return
            button.disable()
            result.clear()
            with result:
                _recovery_codes(codes)

        button = (
            ui.button("Confirm", icon="verified_user", on_click=confirm)
            .props("unelevated color=primary")
            .mark("enrol-confirm")
        )
        code.on("keydown.enter", confirm)


def _recovery_codes(codes: list[str]) -> None:
    heading("Your recovery codes", level=3)
    paragraph(
        "Two-step sign-in is on. If you lose your phone, each of these codes signs you in once instead "
        "of the app's code. Write them down or print this page now and keep them somewhere safe: they "
        "are shown only this once."
    ).classes("notice").props('role="status"')
    with ui.element("ul").mark("recovery-codes"):
        for one in codes:
            with ui.element("li"):
                Text(one, tag="span").style("font-family: monospace")

    async def carry_on() -> None:
        token = session.token()  # read here: the lambda runs on a worker thread
        ticket = await submit(lambda: sessions.promote(token))
        if ticket is not None:
            ui.navigate.to(session.begin_address(ticket, "/"))

    ui.button("I have kept them: continue", icon="arrow_forward", on_click=carry_on).props(
        "unelevated color=primary"
    ).mark("two-factor-continue")
