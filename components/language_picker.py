"""The client's or carer's choice of language, on their profile: every option written in its own
language, as its readers look for it, and the card's heading says "Language" in English too, so
whoever chose a language by mistake can find the way back."""

from nicegui import ui

from domain.accounts import reading_language
from domain.accounts.access import Actor
from domain.language import DEFAULT, LANGUAGES, _, current

from .forms import succeeded
from .text import heading, paragraph


def create(actor: Actor) -> None:
    title = _("Language")
    if current() != DEFAULT:
        title = f"{title} · Language"
    with ui.element("section").classes("card section").props('aria-labelledby="language-heading"'):
        heading(title).props('id="language-heading"')
        paragraph(_("Your pages, e-mails and statements are shown in this language."))
        choice = (
            ui.radio({language.code: language.name for language in LANGUAGES}, value=current().code)
            .props(f'aria-label="{title}"')
            .classes("language-choice")
            .mark("language-choice")
        )

        async def save() -> None:
            chosen = str(choice.value)
            if await succeeded(lambda: reading_language.choose(actor, chosen)):
                ui.navigate.reload()  # the whole page again, in the language chosen

        ui.button(_("Save language"), on_click=save).props("no-caps").mark("save-language")
