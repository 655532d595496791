"""News for clients, for administrators and staff with the communications permission: the list of
items with how many opened each; a new item; an item's form with its files, preview, schedule or
withdraw, and its reach (who opened it, when)."""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time

from nicegui import ui

from components import background, guard, news_sidebar, toast
from components.formatting import clock_time, short_date
from components.forms import date_input, submit, succeeded, text_input
from components.guard import RecordId
from components.nav import staff_sections
from components.text import Text, heading, paragraph
from components.theme import frame
from components.viewer import SignedInViewer
from domain import clock, validation
from domain.accounts import access
from domain.accounts.access import Actor
from domain.errors import InvalidInput
from domain.marketing import feed, items, rules
from domain.marketing.items import Choices, ItemDraft, ItemLine
from domain.vocabulary import MediaKind, NewsState, count

PATH = "/admin/news"
ACCEPT = {
    "media": ".mp4,.webm,.png,.jpg,.jpeg,.pdf,video/mp4,video/webm,image/png,image/jpeg,application/pdf",
    "poster": ".png,.jpg,.jpeg,image/png,image/jpeg",
    "captions": ".vtt,text/vtt",
}
# The page's script sends the chosen file as the request body; the server reads it as it streams.
UPLOAD_SCRIPT = """
const input = document.getElementById(%s);
const file = input && input.files && input.files[0];
if (!file) return {error: 'Please choose a file first.'};
try {
  const answer = await fetch('/media/news/upload?purpose=%s',
    {method: 'POST', body: file, headers: {'X-Care-Portal-Upload': '1'}});
  return await answer.json();
} catch (e) { return {error: 'The upload did not finish. Please try again.'}; }
"""


@dataclass
class Files:
    media: str = ""
    poster: str = ""
    captions: str = ""
    said: dict[str, Text] = field(default_factory=dict)


@guard.page(admits=access.STAFF_ROLES)
async def create(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    lines = await background.call(items.listing, actor)
    ui.add_head_html('<link rel="stylesheet" href="/static/news.css">')
    with (
        frame("News for clients", viewer, nav=staff_sections(actor), current=PATH),
        ui.element("div").classes("stack"),
    ):
        ui.button("Write a new item", icon="add", on_click=lambda: ui.navigate.to(f"{PATH}/new")).props(
            "unelevated color=primary"
        ).mark("news-new")
        with ui.element("section").classes("card").props('aria-labelledby="items-heading"'):
            heading("Items").props('id="items-heading"')
            if not lines:
                paragraph("No items yet.")
            with ui.element("ul").classes("plain-list").props('aria-label="Items"'):
                for line in lines:
                    _line(line)


def _line(line: ItemLine) -> None:
    window = f"from {_when(line.starts)}" + (f" until {_when(line.ends)}" if line.ends else "")
    state = f"{line.state}{' · showing now' if line.showing else ''}"
    with ui.element("li").classes("account-line").mark(f"item-{line.item_id}"):
        ui.link(line.title, f"{PATH}/{line.item_id}").classes("text-bold text-lg")
        Text(f"{line.kind} · {state} · {window}", tag="p").classes("q-ma-none")
        Text(f"Opened by {line.opened} client{'s' if line.opened != 1 else ''}", tag="p").classes("q-ma-none")


@guard.page(admits=access.STAFF_ROLES)
async def new(viewer: SignedInViewer) -> None:
    actor = viewer.actor
    choices = await background.call(items.choices, actor)
    starts = datetime.combine(clock.now().astimezone(viewer.zone).date(), time(9, 0))
    draft = ItemDraft(title="", description="", kind=MediaKind.VIDEO_FILE, starts=starts)
    with frame("New item", viewer, nav=staff_sections(actor), current=PATH):
        _form(actor, None, draft, choices)


@guard.page(admits=access.STAFF_ROLES)
async def edit(viewer: SignedInViewer, item_id: RecordId) -> None:
    actor = viewer.actor
    choices = await background.call(items.choices, actor)
    draft, state = await background.call(items.draft_of, actor, item_id)
    reach = await background.call(items.reach, actor, item_id)
    with frame(f"Item: {draft.title}", viewer, nav=staff_sections(actor), current=PATH):
        Text(f"State: {items.STATE_NAMES[state]}", tag="p").classes("text-lg").mark("item-state")
        with ui.row().classes("gap-2 q-mb-md"):
            if state != NewsState.SCHEDULED:
                ui.button(
                    "Schedule",
                    icon="event_available",
                    on_click=lambda: _change(items.schedule, actor, item_id),
                ).props("unelevated color=primary").mark("news-schedule")
            if state == NewsState.SCHEDULED:
                ui.button(
                    "Withdraw", icon="unpublished", on_click=lambda: _change(items.withdraw, actor, item_id)
                ).props("outline").mark("news-withdraw")
            ui.button("Back to the list", icon="list", on_click=lambda: ui.navigate.to(PATH)).props("flat")
        _reach(reach)
        _preview(actor, item_id)
        _form(actor, item_id, draft, choices)


async def _change(change: Callable[[Actor, int], None], actor: Actor, item_id: int) -> None:
    if await succeeded(lambda: change(actor, item_id)):
        ui.navigate.to(f"{PATH}/{item_id}")


def _reach(reach: items.Reach) -> None:
    with ui.element("section").classes("card q-mb-md").props('aria-labelledby="reach-heading"').mark("reach"):
        heading("Reach").props('id="reach-heading"')
        Text(f"Opened by {reach.opened} of {reach.audience} clients in its audience.", tag="p").mark(
            "reach-count"
        )
        with ui.element("ul").classes("plain-list"):
            for opening in reach.openings:
                opens = count(opening.opens, "time")
                when = f"first {_when(opening.first)}, last {_when(opening.last)}, {opens}"
                by = "" if opening.by == opening.client else f" (by {opening.by})"
                Text(f"{opening.client}{by}: {when}", tag="li")


def _preview(actor: Actor, item_id: int) -> None:
    with ui.element("section").classes("card q-mb-md").props('aria-labelledby="preview-heading"'):
        heading("Preview").props('id="preview-heading"')
        shown = ui.element("div").classes("w-full")

        async def show() -> None:
            card = await submit(lambda: feed.preview(actor, item_id))
            if card is not None:
                shown.clear()
                with shown:
                    Text(card.title, tag="h3").classes("heading-3")
                    news_sidebar.viewer(card)

        ui.button("Show as a client will see it", icon="visibility", on_click=show).props("outline").mark(
            "news-preview"
        )


def _form(actor: Actor, item_id: int | None, draft: ItemDraft, choices: Choices) -> None:
    files = Files(draft.media_path, draft.poster_path, draft.captions_path)
    with ui.element("section").classes("card section").props('aria-labelledby="form-heading"'):
        heading("The item").props('id="form-heading"')
        message = Text("", tag="p").classes("notice notice-error").props('role="alert"').mark("news-message")
        message.set_visibility(False)

        def say(text: str) -> None:
            message.text = text
            message.set_visibility(bool(text))

        fields = {
            "title": text_input("Title", draft.title, mark="news-title"),
            "description": ui.textarea("Short description", value=draft.description)
            .props("outlined")
            .classes("w-full")
            .mark("news-description"),
        }
        kind = ui.select(
            {k.value: rules.KIND_NAMES[k] for k in MediaKind}, label="What it is", value=draft.kind.value
        )
        kind.props("outlined").classes("w-full").mark("news-kind")
        fields["link_url"] = text_input("Video or web address", draft.link_url, kind="url", mark="news-link")
        fields["link_url"].bind_visibility_from(
            kind, "value", backward=lambda v: v in (MediaKind.VIDEO_LINK, MediaKind.WEB_LINK)
        )
        media = _file_field(files, "media", "The video (MP4 or WebM), picture (PNG or JPEG) or PDF")
        media.bind_visibility_from(kind, "value", backward=lambda v: MediaKind(v) in rules.FILE_TYPES)
        _file_field(files, "poster", "A poster picture for the list (optional, PNG or JPEG)")
        captions = _file_field(files, "captions", "Captions for the video (WebVTT)")
        captions.bind_visibility_from(kind, "value", value=MediaKind.VIDEO_FILE.value)
        when = _window_fields(draft)
        fields |= when
        heading("Who sees it", 3)
        everyone = ui.checkbox("Every client", value=draft.to_everyone).mark("news-everyone")
        groups = ui.select(
            dict(choices.groups), label="Marketing groups", multiple=True, value=list(draft.group_ids)
        )
        groups.props("outlined use-chips").classes("w-full").mark("news-groups")
        fields["clients"] = text_input(
            "Named clients: client numbers, separated by commas",
            ", ".join(draft.client_numbers),
            mark="news-clients",
        )
        notify = ui.checkbox(
            'E-mail them "There is news from your agency" once it shows', value=draft.notify_by_email
        )
        notify.mark("news-notify")

        async def save() -> None:
            try:
                starts, ends = _window(when)
            except InvalidInput as wrong:
                for name, problem in wrong.fields.items():
                    when[name].error = problem
                say("Please check the dates and times.")
                return
            changed = ItemDraft(
                title=fields["title"].value or "",
                description=fields["description"].value or "",
                kind=MediaKind(kind.value),
                starts=starts,
                ends=ends,
                link_url=fields["link_url"].value or "",
                media_path=files.media,
                poster_path=files.poster,
                captions_path=files.captions,
                to_everyone=bool(everyone.value),
                group_ids=tuple(groups.value or ()),
                client_numbers=tuple((fields["clients"].value or "").split(",")),
                notify_by_email=bool(notify.value),
            )
            saved = await submit(lambda: items.save(actor, item_id, changed), fields, say=say)
            if saved is not None:
                toast.show("Saved.")
                ui.navigate.to(f"{PATH}/{saved}")

        ui.button("Save", icon="save", on_click=save).props("unelevated color=primary").mark("news-save")


def _file_field(files: Files, purpose: str, label: str) -> ui.element:
    with ui.element("div").classes("stack") as box:
        labelled = ui.element("label").classes("text-bold")
        with labelled:
            Text(label, tag="span")
        picker = ui.element("input").props(f'type=file accept="{ACCEPT[purpose]}"').mark(f"file-{purpose}")
        labelled.props(f'for="{picker.html_id}"')
        current = getattr(files, purpose)
        status = Text(
            f"Uploaded: {current.rsplit('.', 1)[-1].upper()} file" if current else "Nothing uploaded yet."
        )
        status.props('role="status"').mark(f"status-{purpose}")
        files.said[purpose] = status

        async def upload() -> None:
            status.text = "Uploading…"
            answer = await ui.run_javascript(
                UPLOAD_SCRIPT % (json.dumps(picker.html_id), purpose), timeout=600
            )
            if not isinstance(answer, dict) or "name" not in answer:
                problem = answer.get("error") if isinstance(answer, dict) else None
                status.text = problem or "The upload did not finish. Please try again."
                return
            setattr(files, purpose, answer["name"])
            status.text = f"Uploaded: {answer['content_type']}, {max(1, answer['size'] // 1024)} KB."

        ui.button("Upload", icon="upload", on_click=upload).props(
            f'outline aria-label="Upload: {label.split(" (")[0]}"'
        ).mark(f"upload-{purpose}")
    return box


def _window_fields(draft: ItemDraft) -> dict[str, ui.input]:
    heading("When it shows (agency time)", 3)
    with ui.element("div").classes("form-grid"):
        return {
            "starts_on": date_input("Shows from (date)", draft.starts.date(), mark="news-starts-on"),
            "starts_at": text_input(
                "Shows from (time)", draft.starts.strftime("%H:%M"), kind="time", mark="news-starts-at"
            ),
            "ends_on": date_input(
                "Shows until (date, optional)", draft.ends.date() if draft.ends else None, mark="news-ends-on"
            ),
            "ends": text_input(
                "Shows until (time)",
                draft.ends.strftime("%H:%M") if draft.ends else "",
                kind="time",
                mark="news-ends-at",
            ),
        }


def _window(when: dict[str, ui.input]) -> tuple[datetime, datetime | None]:
    """The form's dates and times as local wall times; InvalidInput naming the field that is wrong."""
    for name in when:
        when[name].error = None
    starts = _moment(when["starts_on"].value, when["starts_at"].value, "starts_on", required=True)
    ends = _moment(when["ends_on"].value, when["ends"].value, "ends_on", required=False)
    assert starts is not None
    return starts, ends


def _moment(day: str | None, at: str | None, name: str, *, required: bool) -> datetime | None:
    if not day:
        if required:
            raise InvalidInput({name: "Please give the date it starts showing."})
        return None
    try:
        return datetime.combine(validation.day(day), time.fromisoformat(at) if at else time(0))
    except ValueError:
        raise InvalidInput({name: "Please give a date like 27/11/2026 and a time like 9:00 am."}) from None


def _when(moment: datetime | None) -> str:
    return "" if moment is None else f"{short_date(moment.date())}, {clock_time(moment)}"
