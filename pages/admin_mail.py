"""Development mode: the e-mail the local mail catcher received (nothing left this computer), so a
newcomer can read what a booking flow sends: sender, recipients, subject and both bodies.
Administrators only, with one-time links masked (domain.messaging.caught_mail)."""

from zoneinfo import ZoneInfo

from nicegui import ui

from components import background, guard
from components.formatting import clock_time, short_date
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access
from domain.messaging import caught_mail
from domain.vocabulary import count

PATH = "/admin/mail"


@guard.page(admits=access.SCREENS[PATH])
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    first = await background.call(caught_mail.caught, actor)
    with frame("Caught mail", viewer, nav=staff_sections(actor), current=PATH):
        if caught_mail.is_catching():
            paragraph(
                "Development mode: no SMTP server is set up, so every e-mail the portal sends is caught "
                "here and goes nowhere else. One-time links (invitations, new passwords) are masked."
            ).classes("notice")
        else:
            paragraph("E-mail goes to the agency's SMTP server; the mail catcher is not running.").classes(
                "notice"
            )
        shown = {"mail": first}

        @ui.refreshable
        def mail_list() -> None:
            paragraph(f"{count(len(shown['mail']), 'e-mail')}, newest first.").mark("caught-count")
            for index, mail in enumerate(shown["mail"]):
                _mail_card(mail, index, viewer.zone)

        async def refresh() -> None:
            latest = await background.call(caught_mail.caught, actor)
            if latest is not None and [m.message_id for m in latest] != [m.message_id for m in shown["mail"]]:
                shown["mail"] = latest
                mail_list.refresh()

        ui.button("Refresh", icon="refresh", on_click=refresh).props("outline no-caps").mark("refresh")
        mail_list()
        ui.timer(5, refresh)


def _mail_card(mail: caught_mail.CaughtMail, index: int, zone: ZoneInfo) -> None:
    received = mail.received_at.astimezone(zone)
    with ui.element("article").classes("card q-mb-sm").mark(f"mail-{index}"):
        heading(mail.subject, 2)
        with ui.element("dl").classes("facts"):
            for label, value in (
                ("From", mail.sender),
                ("To", ", ".join(mail.recipients)),
                ("Received", f"{short_date(received.date())}, {clock_time(received)}"),
                ("Message-ID", mail.message_id),
            ):
                Text(label, tag="dt")
                Text(value, tag="dd")
        with ui.expansion("Plain-text body").classes("w-full"):
            Text(mail.text, tag="pre").classes("whitespace-pre-wrap")
        if mail.html:
            with ui.expansion("HTML body").classes("w-full"):
                # A sandboxed frame: the mail's markup is shown as a mail program would, with no
                # scripts and no access to this page.
                frame_element = ui.element("iframe").classes("w-full").style("height: 480px; border: 0")
                frame_element.props["sandbox"] = ""
                frame_element.props["title"] = f"HTML body of: {mail.subject}"
                frame_element.props["srcdoc"] = mail.html
