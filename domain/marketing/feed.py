"""What a client (or a carer acting for them) sees of the agency's news: the items for them now,
newest first, which are new to this person, and the files behind them. Opening an item counts
towards its reach; staff previewing it do not."""

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal, Protocol

from adapters import media_store
from domain import action
from domain.accounts import access
from domain.accounts.access import Actor
from domain.action import Action
from domain.errors import NotFound
from domain.language import N_, _
from domain.marketing import items, rules
from domain.vocabulary import MediaKind
from storage.queries import marketing as queries

Part = Literal["file", "poster", "captions"]
GONE = N_("That item is no longer available.")  # said as _(GONE)


@dataclass(frozen=True)
class NewsCard:
    item_id: int
    title: str
    description: str
    kind: MediaKind
    published_on: date  # the agency's local date it was first shown
    opened: bool  # by the person looking, for this client
    has_file: bool
    has_poster: bool
    has_captions: bool
    embed_url: str | None  # YouTube or Vimeo, privacy-enhanced
    link_url: str | None  # a web link, which leaves the portal


def for_client(actor: Actor, client_id: int) -> tuple[NewsCard, ...]:
    access.require_client(actor, client_id)
    with action.reading(actor) as act:
        rows = queries.feed(client_id, actor.account_id, act.now, session=act.session)
        return tuple(_card(act, row, opened=row.opened) for row in rows)


def open_item(actor: Actor, client_id: int, item_id: int) -> None:
    """The person opened the item: it is no longer new to them, and its reach counts the client."""
    access.require_client(actor, client_id)
    if actor.is_staff:
        return  # staff looking at a client's profile are not its audience
    with action.writing(actor) as act:
        if queries.visible_item(item_id, [client_id], act.now, session=act.session) is None:
            raise NotFound(_(GONE))
        queries.record_view(item_id, client_id, actor.account_id, act.now, session=act.session)


def preview(actor: Actor, item_id: int) -> NewsCard:
    """The item as a client will see it, whatever its state, window and audience."""
    items.require_publisher(actor)
    with action.reading(actor) as act:
        item = queries.item(item_id, session=act.session)
        if item is None:
            raise NotFound(_(GONE))
        return _card(act, item, opened=False)


def file_of(actor: Actor, item_id: int, part: Part) -> tuple[Path, str] | None:
    """A file of an item (the medium, its poster, its captions) for someone who may see the item:
    staff, or a client or carer whose client sees it now. None otherwise, or when there is none."""
    with action.reading(actor) as act:
        if actor.is_staff:
            item = queries.item(item_id, session=act.session)
        else:
            item = queries.visible_item(item_id, actor.client_ids, act.now, session=act.session)
        name = (
            None
            if item is None
            else {"file": item.media_path, "poster": item.poster_path, "captions": item.captions_path}[part]
        )
    path = None if name is None else media_store.path_of(name)
    return None if path is None or name is None else (path, media_store.content_type_of(name))


class _Shown(Protocol):
    """An item's row or record: the columns a card is made from (storage's CARD_COLUMNS)."""

    id: int
    title: str
    description: str
    media_kind: MediaKind
    media_path: str | None
    poster_path: str | None
    captions_path: str | None
    link_url: str | None
    publish_from: datetime


def _card(act: Action, item: _Shown, *, opened: bool) -> NewsCard:
    link = item.link_url if item.media_kind == MediaKind.WEB_LINK else None
    embed = rules.embed_url(item.link_url or "") if item.media_kind == MediaKind.VIDEO_LINK else None
    return NewsCard(
        item_id=item.id,
        title=item.title,
        description=item.description,
        kind=item.media_kind,
        published_on=act.local(item.publish_from).date(),
        opened=opened,
        has_file=item.media_path is not None,
        has_poster=item.poster_path is not None,
        has_captions=item.captions_path is not None,
        embed_url=embed,
        link_url=link,
    )
