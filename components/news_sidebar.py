"""The agency's news beside a client's profile (below the details on a tablet): newest first, a
thumbnail, title and date each, "New" until this person opens it. A video or picture opens and
plays in place (captions from the player's menu), a PDF opens in the browser, a web link leaves the
portal only from a link that says so, in a new tab."""

from collections.abc import Awaitable, Callable
from urllib.parse import urlparse

from nicegui import ui

from components.formatting import short_date
from components.text import Text, heading, paragraph
from domain.language import _
from domain.marketing.feed import NewsCard
from domain.vocabulary import MediaKind

Opened = Callable[[NewsCard], Awaitable[None]]
ICONS = {
    MediaKind.VIDEO_FILE: "smart_display",
    MediaKind.VIDEO_LINK: "smart_display",
    MediaKind.IMAGE: "image",
    MediaKind.PDF: "picture_as_pdf",
    MediaKind.WEB_LINK: "link",
}


def media_url(item_id: int, part: str) -> str:
    return f"/media/news/{item_id}/{part}"


class NewsList(ui.element, component="news_list.js"):
    """The cards, as plain values drawn by the browser (news_list.js); the open card's player is
    this element's child."""

    def __init__(self, cards: tuple[NewsCard, ...]) -> None:
        super().__init__()
        self._props["items"] = [_as_value(card) for card in cards]
        self._props["open"] = None
        self._props["new_label"] = _("New")  # the mark on a card this person has not opened yet

    def _displayed_contents(self, *, only_visible: bool) -> list:
        """What the simulated user of the tests reads on the cards."""
        return [
            text
            for item in self._props["items"]
            for text in (item["title"], item["date"], self._props["new_label"] if item["new"] else "")
        ]

    def show(self, item_id: int | None, seen: int | None = None) -> None:
        for item in self._props["items"]:
            if item["id"] == seen:
                item["new"] = False
        self._props["open"] = item_id
        self.update()


def create(cards: tuple[NewsCard, ...], agency_name: str, on_open: Opened) -> None:
    """The sidebar; `on_open` is told when a card is opened (to count it towards reach)."""
    ui.add_head_html('<link rel="stylesheet" href="/static/news.css">')
    by_id = {card.item_id: card for card in cards}
    with ui.element("aside").classes("card").props('aria-labelledby="news-heading"').mark("news"):
        heading(_("News from {agency}").format(agency=agency_name)).props('id="news-heading"')
        if not cards:
            paragraph(_("Nothing new from the agency at the moment.")).classes("text-muted")
            return
        listing = NewsList(cards).mark("news-list")

    async def toggle(item_id: int) -> None:
        card = by_id.get(item_id)
        listing.clear()
        if card is None or listing.props["open"] == item_id:
            listing.show(None)
            return
        with listing:
            viewer(card)
        listing.show(item_id, seen=item_id)
        await on_open(card)

    listing.on("toggle", lambda event: toggle(int(event.args)))


def _as_value(card: NewsCard) -> dict[str, object]:
    thumb = None
    if card.has_poster or card.kind == MediaKind.IMAGE:
        thumb = media_url(card.item_id, "poster" if card.has_poster else "file")
    return {
        "id": card.item_id,
        "title": card.title,
        "date": short_date(card.published_on),
        "new": not card.opened,
        "thumb": thumb,
        "icon": ICONS[card.kind],
    }


def viewer(card: NewsCard) -> None:
    """The item itself, in place."""
    with ui.element("div").classes("news-viewer").mark(f"news-viewer-{card.item_id}"):
        if card.description:
            paragraph(card.description)
        {
            MediaKind.VIDEO_FILE: _video,
            MediaKind.VIDEO_LINK: _embedded,
            MediaKind.IMAGE: _picture,
            MediaKind.PDF: _pdf,
            MediaKind.WEB_LINK: _web_link,
        }[card.kind](card)


def _video(card: NewsCard) -> None:
    video = ui.element("video").mark("news-video")
    video.props.update(
        {"controls": True, "preload": "metadata", "playsinline": True, "aria-label": card.title}
    )
    if card.has_poster:
        video.props["poster"] = media_url(card.item_id, "poster")
    with video:
        ui.element("source").props.update({"src": media_url(card.item_id, "file")})
        if card.has_captions:
            track = ui.element("track")
            track.props.update(
                {
                    "kind": "captions",
                    "src": media_url(card.item_id, "captions"),
                    "srclang": "en",
                    "label": _("English"),  # the captions' language, named in the reader's
                    "default": True,
                }
            )
    if card.has_captions:
        paragraph(_("Captions: turn them on or off from the player's menu (⋮ or CC).")).classes("text-muted")


def _embedded(card: NewsCard) -> None:
    if card.embed_url is None:
        paragraph(_("This video is not available."))
        return
    frame = ui.element("iframe").mark("news-embed")
    frame.props.update(
        {
            "src": card.embed_url,
            "title": _("Video: {title}").format(title=card.title),
            "allow": "fullscreen; picture-in-picture",
            "allowfullscreen": True,
            "referrerpolicy": "strict-origin-when-cross-origin",
        }
    )


def _picture(card: NewsCard) -> None:
    image = ui.element("img")
    image.props.update({"src": media_url(card.item_id, "file"), "alt": card.description or card.title})


def _pdf(card: NewsCard) -> None:
    link = ui.link(
        _("Open “{title}” (PDF, opens in a new tab)").format(title=card.title),
        media_url(card.item_id, "file"),
        new_tab=True,
    )
    link.classes("text-lg").mark("news-pdf")


def _web_link(card: NewsCard) -> None:
    if card.link_url is None:
        return
    host = urlparse(card.link_url).hostname or card.link_url
    Text(
        _(
            "This link leaves the Care Portal: it opens {host} in a new tab. "
            "The agency does not run that website."
        ).format(host=host),
        tag="p",
    ).classes("notice")
    link = ui.link(
        _("Go to {host} (leaves the portal, new tab)").format(host=host), card.link_url, new_tab=True
    ).mark("news-link")
    link.props('rel="noopener noreferrer"')
