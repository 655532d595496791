"""The client's profile: photo, details, and the contact details they keep up to date themselves."""

from fastapi.responses import RedirectResponse
from nicegui import events, ui

from components import (
    background,
    carer_access,
    feed_panel,
    file_picker,
    guard,
    language_picker,
    news_sidebar,
    profile_forms,
    toast,
)
from components.formatting import short_date
from components.forms import submit
from components.guard import RecordId
from components.nav import client_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain.accounts import access
from domain.accounts.access import Actor
from domain.feeds import addresses
from domain.language import _
from domain.marketing import feed
from domain.marketing.feed import NewsCard
from domain.profile import changes, reading
from domain.profile.reading import ClientProfile
from domain.records import correction, export
from domain.vocabulary import ClientAction, Role


@guard.page()
async def default(viewer: SignedInViewer) -> RedirectResponse:
    """/profile: the client's own profile, or the first client a carer acts for."""
    actor = viewer.actor
    if actor.role not in access.CLIENT_SIDE_ROLES or not actor.client_ids:
        return RedirectResponse(access.home_path(actor))
    return RedirectResponse(f"/clients/{actor.client_ids[0]}/profile")


@guard.page(admits=guard.CLIENT_RECORDS)
async def create(viewer: SignedInViewer, client_id: RecordId) -> None:
    actor = viewer.actor
    details = await background.call(reading.get_profile, actor, client_id)
    news = await background.call(feed.for_client, actor, client_id)
    client_side = actor.role in access.CLIENT_SIDE_ROLES
    calendar = await background.call(addresses.state, actor, client_id) if client_side else None
    path = f"/clients/{client_id}/profile"
    with frame(_("Profile"), viewer, nav=client_sections(actor, client_id), current=path):
        if actor.role == Role.CARER:
            carer_access.note(actor, client_id)
            _client_switcher(actor, client_id)
        # Changing the client's details needs at least "book" access (docs/carer-access.md).
        editable = access.may(actor, client_id, ClientAction.BOOK)
        with ui.element("div").classes("profile-layout"):
            with ui.element("div").classes("stack"):
                _summary(actor, details, editable)
                if client_side:  # their own language, whichever client they act for
                    language_picker.create(actor)
                if editable:
                    profile_forms.contact(actor, details)
                    profile_forms.home_address(actor, details)
                    profile_forms.postal_address(actor, details)
                    profile_forms.emergency_contacts(actor, details)
                else:
                    carer_access.refused(actor, client_id, ClientAction.BOOK)
                    _contact_facts(details)
                if client_side:
                    _your_record(actor, details, editable)
                if calendar is not None:
                    feed_panel.create(
                        actor,
                        calendar,
                        viewer.zone,
                        client_id=client_id,
                        whose=_whose_visits(actor, client_id),
                    )

            async def opened(card: NewsCard) -> None:
                await submit(lambda: feed.open_item(actor, client_id, card.item_id))

            news_sidebar.create(news, viewer.agency.name, opened)


def _whose_visits(actor: Actor, client_id: int) -> str:
    if actor.role == Role.CLIENT:
        return _("your visits")
    name = dict(actor.linked_clients).get(client_id, "")
    return _("{name}'s visits").format(name=name.split()[0]) if name else _("the visits")


def _client_switcher(actor: Actor, client_id: int) -> None:
    options = dict(actor.linked_clients)
    with ui.row().classes("items-center gap-3 q-mb-md"):
        ui.select(
            options,
            value=client_id,
            label=_("Acting for"),
            on_change=lambda e: ui.navigate.to(f"/clients/{e.value}/profile"),
        ).props("outlined").classes("min-w-[260px]").mark("client-switcher")


def _contact_facts(details: ClientProfile) -> None:
    """The details the client keeps up to date, to read only."""
    facts = [
        (_("Home phone"), details.home_phone or _("None")),
        (_("Mobile phone"), details.mobile_phone or _("None")),
        (_("E-mail"), details.email or _("None")),
        (_("Home address"), details.home.one_line()),
        (_("Postal address"), details.postal.one_line() if details.postal else _("Same as home")),
    ]
    facts += [
        (_("Emergency contact: {relationship}").format(relationship=c.relationship), f"{c.name}, {c.phone}")
        for c in details.emergency_contacts
    ]
    with (
        ui.element("section").classes("card").props('aria-labelledby="contact-facts-heading"'),
        ui.element("div").classes("stack"),
    ):
        heading(_("Contact details"), 2).props('id="contact-facts-heading"')
        with ui.element("dl").classes("facts").mark("contact-facts"):
            for term, value in facts:
                Text(term, tag="dt")
                Text(value, tag="dd")


def _summary(actor: Actor, details: ClientProfile, editable: bool) -> None:
    with (
        ui.element("section").classes("card").props('aria-labelledby="about-heading"'),
        ui.row().classes("w-full gap-6 items-start no-wrap max-sm:flex-wrap"),
    ):
        _photo(actor, details, editable)
        with ui.column().classes("gap-1 grow"):
            heading(details.full_name).props('id="about-heading"')
            spoken = details.language  # the agency's record of the client's language, as it keeps it
            if details.interpreter_needed:
                spoken = _("{language} · interpreter needed").format(language=details.language)
            facts = [
                (_("Client number"), details.client_number),
                (
                    _("Date of birth"),
                    _("{date} (age {age})").format(date=short_date(details.date_of_birth), age=details.age),
                ),
                (_("Gender"), _(details.gender)),  # one of reading.GENDER_LABELS
                (_("Language"), spoken),
                (_("Case manager"), details.case_manager or _("Not yet assigned")),
            ]
            facts += [
                (
                    _("Funding: {program}").format(program=p.program),
                    _("{level} · {reference} · until {date}").format(
                        level=p.level, reference=p.reference, date=short_date(p.ends_on)
                    ),
                )
                for p in details.packages
            ]
            with ui.element("dl").classes("facts"):
                for term, value in facts:
                    Text(term, tag="dt")
                    Text(value, tag="dd")


def _photo(actor: Actor, details: ClientProfile, editable: bool) -> None:
    with ui.column().classes("items-center gap-2"):
        picture = file_picker.portrait(f"/media/clients/{details.client_id}/photo", details.full_name)
        picture(details.photo_id)
        if not editable:
            return

        async def upload(event: events.UploadEventArguments) -> None:
            data = await event.file.read()
            updated = await submit(
                lambda: changes.set_photo(actor, details.client_id, data), done=_("Photo saved.")
            )
            uploader.reset()
            if updated is not None:
                picture.refresh(updated.photo_id)

        uploader, button = file_picker.create(
            _("Change photo"),
            "photo_camera",
            accept=file_picker.PICTURES,
            max_bytes=5 * 1024 * 1024,
            on_upload=upload,
            on_rejected=lambda: toast.show(_("That photo is larger than 5 MB."), "negative"),
            mark="photo-upload",
        )
        button.props("outline")
        paragraph(_("A JPEG or PNG photo, up to 5 MB.")).classes("text-muted text-sm")


def _your_record(actor: Actor, details: ClientProfile, editable: bool) -> None:
    """Australian Privacy Principles 12 and 13: a copy of the record, and asking for a correction."""
    client_id = details.client_id
    with ui.element("section").classes("card").props('aria-labelledby="record-heading"'):
        heading(_("Your record"), 2).props('id="record-heading"')
        paragraph(
            _(
                "Download everything we hold about you: your details, preferences, bookings, visits, "
                "statements and messages, as spreadsheet (CSV) files and PDF statements in one zip file."
            )
        )

        async def download() -> None:
            found = await submit(lambda: export.client_record(actor, client_id))
            if found is not None:
                ui.download.content(found.content, found.filename, "application/zip")

        ui.button(_("Download my record"), icon="download", on_click=download).props("outline no-caps").mark(
            "download-record"
        )
        if not editable:  # asking for a correction is asking to change the record
            return
        ask = _("Is something in your record wrong? Tell us what, and what it should say.")
        paragraph(ask).classes("q-mt-md")
        request = (
            ui.textarea(_("What should be corrected"))
            .props("outlined maxlength=2000 autogrow")
            .classes("w-full")
            .mark("correction")
        )

        async def send() -> None:
            sent = await submit(
                lambda: correction.request_correction(actor, client_id, request.value or ""),
                {"correction": request},
            )
            if sent is not None:
                request.value = ""
                toast.show(sent)

        ui.button(_("Ask for a correction"), icon="send", on_click=send).props("outline no-caps").mark(
            "send-correction"
        )
